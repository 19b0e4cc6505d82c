#!/usr/bin/env python3
"""Code a partitioned corpus on Spark with the dyad Python package: no binary to ship, and
no process per partition.

    spark-submit examples/spark/code_corpus_python.py --input CORPUS --output EVENTS.parquet \
        [--partitions N] [--dyad-threads N]

The Python-native twin of code_corpus.py (`rdd.pipe` through the `dyad` binary): each
partition's JSON Lines records (`id`, `text`, optional `date`, `url`, `title`, `source`;
give every record an `id`, since a record without one is named by its place in the partition)
are read into dicts and coded by `dyad.code_many` inside the executor's Python worker
(`mapPartitions`), on `--dyad-threads` threads with the GIL released. The Parquet output is the
same as code_corpus.py's: the event's main fields as columns, and the whole event as
`event_json`, byte for byte as `dyad code` writes it.

The executors need the package: `pip install dyad-*.whl` on each node, or ship a venv with
`--archives` and point `PYSPARK_PYTHON` at it (the wheel is abi3: one file serves Python 3.9
and later on x86_64 Linux). The wheel comes from `scripts/build-python-wheel.sh` or
`pip wheel .`.
"""

import json
import os
import sys

from pyspark.sql import SparkSession

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from code_corpus import corpus_arguments, report, to_row, write_events  # noqa: E402


def code_partition(threads):
    """The function of `mapPartitions`: a partition's lines → rows of SCHEMA."""
    def code(lines):
        import dyad  # on the executor

        records = (json.loads(line) for line in lines if line.strip())
        for event in dyad.code_many(records, threads=threads):
            row = to_row(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
            if row is not None:
                yield row
    return code


def code_corpus_python(spark, input_path, output, partitions=None, threads=None):
    """Code `input_path`'s records with dyad.code_many, partition by partition; write Parquet
    to `output`. Returns the events DataFrame."""
    sc = spark.sparkContext
    lines = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
    rows = lines.mapPartitions(code_partition(threads))
    return write_events(spark, rows, output)


def main():
    ap = corpus_arguments("Code a corpus on Spark with the dyad package.")
    ap.add_argument("--dyad-threads", type=int, default=None,
                    help="threads of each partition's coding (default: every core)")
    args = ap.parse_args()
    spark = SparkSession.builder.appName("dyad-code-corpus-python").getOrCreate()
    code_corpus_python(spark, args.input, args.output, args.partitions, args.dyad_threads)
    report(spark, args.output, " (Python)")


if __name__ == "__main__":
    main()
