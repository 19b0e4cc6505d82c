#!/usr/bin/env bash
# The Python package (pyproject.toml: crates/dyad-python + python/dyad) built as a wheel
# with maturin into target/wheels, installed into a venv under target/ (made on first use,
# with maturin, pytest, pandas and pyarrow from PyPI; DYAD_PY_VENV overrides where), and its
# pytest suite (python/tests) run against the `dyad` binary of the same tree. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${DYAD_PY_VENV:-target/py-venv}
if ! "$VENV/bin/python" -c 'import maturin, pytest, pandas, pyarrow' 2>/dev/null; then
    echo "installing maturin, pytest, pandas and pyarrow into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q maturin pytest pandas pyarrow >&2
fi
cargo build --release -q
rm -rf target/wheels
"$VENV/bin/maturin" build --release --quiet --out target/wheels >&2
"$VENV/bin/pip" install -q --force-reinstall --no-deps target/wheels/dyad-*.whl
cd python/tests
DYAD_BIN=../../target/release/dyad "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider
