#!/usr/bin/env python3
"""Check the workspace's structure rules (docs/ARCHITECTURE.md), for scripts/test:

* no file of a crate's src/ holds more than 900 lines of code (blank and comment lines do not
  count; a test module kept in its own file counts like any file);
* no import ring between the files of a crate: a file that names another (`crate::a::b`,
  `super::sibling`, or an item of its parent module through `super::item`) must not be named
  back, directly or around a ring (test modules are left out);
* every library crate forbids unsafe code;
* the store and the server do not depend on the coder, and the dictionaries not on the
  readers (dyad-text with its HTML parsers): dev-dependencies may.

    scripts/check-structure.py      # prints what breaks a rule; exits 1 if anything does
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRATES = os.path.join(ROOT, "crates")
MAX_CODE_LINES = 900
FORBIDDEN_DEPENDENCIES = {
    "dyad-store": ["dyad-coder"],
    "dyad-server": ["dyad-coder"],
    "dyad-dict": ["dyad-text", "dom_smoothie", "dom_query"],
    "dyad-model": ["dyad-text", "dyad-dict", "dyad-coder"],
}

problems = []


def code_lines(text):
    return sum(1 for line in text.split("\n") if line.strip() and not line.strip().startswith("//"))


def without_tests_and_comments(text):
    text = re.split(r"#\[cfg\(test\)\]\s*mod tests\s*\{", text)[0]
    return "\n".join(l for l in text.split("\n") if not l.strip().startswith("//"))


def modules(src):
    """Module path -> (file, is a mod.rs/lib.rs/main.rs)."""
    out = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            parts = os.path.relpath(path, src)[:-3].split(os.sep)
            owner = parts[-1] in ("mod", "lib", "main")
            if owner:
                parts = parts[:-1]
            out["::".join(parts)] = (path, owner)
    return out


def edges(mods):
    graph = {m: set() for m in mods}
    for m, (path, owner) in mods.items():
        if os.path.basename(path) == "tests.rs":
            continue  # a test module may use what it tests
        text = without_tests_and_comments(open(path, encoding="utf-8").read())
        for ref in re.findall(r"crate::([a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)", text):
            parts = ref.split("::")
            for k in range(len(parts), 0, -1):
                cand = "::".join(parts[:k])
                if cand in mods:
                    inside = cand == m or m.startswith(cand + "::") or cand.startswith(m + "::")
                    if not inside:
                        graph[m].add(cand)
                    break
        # a folder's mod.rs that uses its own files (`jsonl::read_jsonl`); the crate root's
        # declarations and re-exports are the crate's table of contents, not imports
        if owner and m:
            for child in set(re.findall(r"(?<![:\w])([a-z_][a-z0-9_]*)::", text)):
                cand = f"{m}::{child}"
                if cand in mods:
                    graph[m].add(cand)
        # super:: names the parent module (mod.rs owns a folder: its parent is one up)
        parent = m.rsplit("::", 1)[0] if "::" in m else ""
        if owner:
            parent = parent.rsplit("::", 1)[0] if "::" in parent else ""
        names = re.findall(r"super::([a-z_A-Z][a-z0-9_A-Z]*)", text)
        for group in re.findall(r"super::\{([^}]*)\}", text):
            names += [n.strip().split("::")[0] for n in group.split(",") if n.strip()]
        for name in names:
            if name in ("self", "*"):
                continue
            sibling = f"{parent}::{name}" if parent else name
            if sibling in mods and sibling != m:
                graph[m].add(sibling)
            elif parent in mods and parent != m and not (owner and parent == m):
                graph[m].add(parent)  # an item of the parent module
    return graph


def rings(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def dependencies(cargo_toml):
    deps, section = [], None
    for line in open(cargo_toml, encoding="utf-8"):
        line = line.strip()
        if line.startswith("["):
            section = line
            continue
        if section == "[dependencies]" and "=" in line and not line.startswith("#"):
            deps.append(line.split("=")[0].split(".")[0].strip())
    return deps


for crate in sorted(os.listdir(CRATES)):
    src = os.path.join(CRATES, crate, "src")
    if not os.path.isdir(src):
        continue
    mods = modules(src)
    for m, (path, _) in mods.items():
        n = code_lines(open(path, encoding="utf-8").read())
        if n > MAX_CODE_LINES:
            problems.append(f"{os.path.relpath(path, ROOT)}: {n} lines of code (at most {MAX_CODE_LINES})")
    for ring in rings(edges(mods)):
        problems.append(f"{crate}: files import each other: {' ↔ '.join(ring)}")
    lib = os.path.join(src, "lib.rs")
    if os.path.exists(lib) and "#![forbid(unsafe_code)]" not in open(lib, encoding="utf-8").read():
        problems.append(f"{crate}: lib.rs does not forbid unsafe code")
    for dep in dependencies(os.path.join(CRATES, crate, "Cargo.toml")):
        if dep in FORBIDDEN_DEPENDENCIES.get(crate, []):
            problems.append(f"{crate}: depends on {dep}")

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"structure: every rule holds ({len(os.listdir(CRATES))} crates)")
