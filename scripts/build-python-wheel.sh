#!/usr/bin/env bash
# Build the dyad Python package's wheel (pyproject.toml: crates/dyad-python + python/dyad)
# into target/wheels with the maturin of a venv under target/ (made on first use, with
# maturin, pytest, pandas and pyarrow from PyPI; DYAD_PY_VENV overrides where), and print
# its path. scripts/test-python.sh and scripts/test-spark.sh install it; one venv builds it,
# so the second build finds everything compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${DYAD_PY_VENV:-target/py-venv}
source scripts/lib/venv.sh
ensure_venv "$VENV" "maturin, pytest, pandas, pyarrow" maturin pytest pandas pyarrow
rm -rf target/wheels
"$VENV/bin/python" -m maturin build --release --quiet --interpreter "$VENV/bin/python" \
    --out target/wheels >&2
ls target/wheels/dyad-*.whl
