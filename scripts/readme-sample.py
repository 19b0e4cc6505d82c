#!/usr/bin/env python3
"""The README's session on the bundled sample ("The event database"), run again: each command
of the README's console block is run with the release binary in a scratch folder, and the
block is printed as it now reads; with --write it replaces the block in README.md. So the
figures in the README (articles, events, mentions, records) come from a command, not from
memory. Run `cargo build --release` first.

Usage: scripts/readme-sample.py [--write]
"""
import os
import pathlib
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DYAD = ROOT / "target" / "release" / "dyad"
SAMPLE = "data/corpus/seed-2025-12-04-beijing.txt data/corpus/lee_abc_news.jsonl"

COMMANDS = [
    f"dyad ingest {SAMPLE} --db events.db",
    f"dyad ingest {SAMPLE} --db events.db",
    "dyad query --db events.db --dyad FRA:CHN",
    "dyad query --db events.db --actor Macron --sort=-goldstein --limit 3",
    "dyad query --db events.db --actor ISR --limit 6",
    "dyad query --db events.db --by week",
    "dyad export --db events.db --format gdelt --dyad FRAGOV:CHNGOV -o meeting.tsv",
    "awk -F'\\t' '{print NF \" columns\"}' meeting.tsv",
    "cut -f1-8,26-34,52-61 meeting.tsv",
    "dyad export --db events.db --format mentions --dyad ISRMIL:PSEGOV --code 190 --undated dateadded",
    "dyad export --db events.db --format parquet -o events.parquet",
    "dyad export --db events.db --format plover --dyad FRAGOV:CHNGOV",
]

# The block starts at the first command and ends at the fence after it.
START = f"$ dyad ingest {SAMPLE} --db events.db"


def run(work: pathlib.Path) -> str:
    lines = []
    env = dict(os.environ, PATH=f"{DYAD.parent}:{os.environ['PATH']}")
    for cmd in COMMANDS:
        # the sample's paths are the repository's; the outputs go to the scratch folder
        shell = cmd.replace("data/corpus/", f"{ROOT}/data/corpus/")
        out = subprocess.run(shell, shell=True, cwd=work, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"readme-sample: `{cmd}` failed:\n{out.stderr}")
        lines.append(f"$ {cmd}")
        # stdout then stderr, as a terminal shows a command that prints its summary last
        text = out.stdout + out.stderr
        lines.extend(text.rstrip("\n").split("\n") if text.strip() else [])
    return "\n".join(lines) + "\n"


def main() -> None:
    if not DYAD.exists():
        sys.exit("readme-sample: build first (cargo build --release)")
    with tempfile.TemporaryDirectory() as d:
        block = run(pathlib.Path(d))
    if "--write" not in sys.argv[1:]:
        sys.stdout.write(block)
        return
    readme = ROOT / "README.md"
    text = readme.read_text()
    start = text.index(START)
    end = text.index("```", start)
    readme.write_text(text[:start] + block + text[end:])
    print(f"readme-sample: README.md updated ({len(COMMANDS)} commands)")


if __name__ == "__main__":
    main()
