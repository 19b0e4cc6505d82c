"""Fixtures of the dyad package's tests: the repository's sample corpus and the `dyad`
binary of the same tree (DYAD_BIN, else target/release/dyad), whose output the package must
equal byte for byte."""

import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "data", "corpus")
SEED = os.path.join(CORPUS, "seed-2025-12-04-beijing.txt")
ABC = os.path.join(CORPUS, "lee_abc_news.jsonl")


@pytest.fixture(scope="session")
def dyad_bin():
    path = os.environ.get("DYAD_BIN", os.path.join(ROOT, "target", "release", "dyad"))
    if not os.path.exists(path):
        pytest.fail(f"no dyad binary at {path} (cargo build --release, or set DYAD_BIN)")
    return os.path.abspath(path)


@pytest.fixture(scope="session")
def cli(dyad_bin):
    """Run `dyad ARGS…`; its stdout's lines."""
    def run(*args):
        out = subprocess.run([dyad_bin, *args], check=True, capture_output=True)
        return out.stdout.decode("utf-8").splitlines()
    return run


@pytest.fixture(scope="session")
def abc_records():
    with open(ABC, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def seed_text():
    with open(SEED, encoding="utf-8") as f:
        return f.read()


def line(event):
    """An event dict written as `dyad code` writes it."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
