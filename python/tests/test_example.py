"""The notebook-style example (examples/python/events_by_dyad.py) runs on the sample."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def test_the_example_codes_the_sample_and_counts_dyads_by_month(tmp_path):
    script = os.path.join(ROOT, "examples", "python", "events_by_dyad.py")
    out = subprocess.run([sys.executable, script, "--db", str(tmp_path / "e.db"),
                          "--plot", str(tmp_path / "g.png")],
                         check=True, capture_output=True, text=True, env={
                             **os.environ, "MPLBACKEND": "Agg"}).stdout
    assert "472 articles added" in out
    # the five busiest dyads by month ("FRA→CHN 2025-12 …"); which five follows the coder
    assert re.search(r"^[A-Z-]{3,}→[A-Z-]{3,} \d{4}-\d{2} ", out, re.M), out
    assert "plot saved" in out or "matplotlib is not installed" in out
