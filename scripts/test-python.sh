#!/usr/bin/env bash
# The Python package's pytest suite (python/tests): the wheel built and installed into the
# venv of scripts/build-python-wheel.sh (target/py-venv; DYAD_PY_VENV overrides where), run
# against the `dyad` binary of the same tree, whose output it must equal. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${DYAD_PY_VENV:-target/py-venv}
wheel=$(scripts/build-python-wheel.sh)
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
cargo build --release -q
cd python/tests
DYAD_BIN=../../target/release/dyad "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider
