#!/usr/bin/env bash
# The Spark examples (examples/spark/: through the binary and through the Python package) in
# local mode against a single `dyad code` run. Installs pyspark into a venv under target/ on
# first use (DYAD_SPARK_VENV overrides where), and the package's wheel
# (scripts/build-python-wheel.sh) each time; needs python3 and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${DYAD_SPARK_VENV:-target/spark-venv}
source scripts/lib/venv.sh
ensure_venv "$VENV" pyspark pyspark
cargo build --release -q
wheel=$(scripts/build-python-wheel.sh)
# `python -m pip`: the venv's own pip scripts name the folder it was made in
"$VENV/bin/python" -m pip install -q "$wheel" >&2
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel" >&2
PY=$(cd "$VENV/bin" && pwd)/python
PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" "$PY" examples/spark/test_code_corpus.py target/release/dyad
PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" "$PY" examples/spark/test_partitioned.py target/release/dyad
