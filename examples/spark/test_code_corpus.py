#!/usr/bin/env python3
"""The Spark example in local mode gives exactly the events of one `dyad code` process.

    python examples/spark/test_code_corpus.py DYAD_BINARY

Codes data/corpus/lee_abc_news.jsonl plus datelined records in 4 partitions on
`local[2]`, reads the Parquet back and compares its `event_json` lines, sorted, with the
sorted output of `dyad code` over the same file. Prints `spark: 1 passed, 0 failed` or
fails.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from pyspark.sql import SparkSession  # noqa: E402

from code_corpus import code_corpus  # noqa: E402


def corpus(path):
    """The ABC sample, and the seed story under three datelines."""
    with open(os.path.join(ROOT, "data", "corpus", "lee_abc_news.jsonl"), encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    with open(os.path.join(ROOT, "data", "corpus", "seed-2025-12-04-beijing.txt"),
              encoding="utf-8") as f:
        seed = f.read()
    body = seed.split(":", 1)[1].strip()
    for i, head in enumerate(["date 2025-12-04 BEIJING: ", "PARIS (AFP) - ",
                              "date 2024-05-06 PARIS: "]):
        lines.append(json.dumps({"id": f"seed-{i}", "text": head + body}))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    dyad = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "corpus.jsonl")
        corpus(src)
        single = subprocess.run([dyad, "code", src], check=True, capture_output=True,
                                text=True).stdout.splitlines()
        spark = (SparkSession.builder.master("local[2]").appName("dyad-spark-test")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false")
                 .config("spark.sql.shuffle.partitions", "4").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        # the workers unpickle code_corpus.to_row: they need the module too
        spark.sparkContext.addPyFile(os.path.join(HERE, "code_corpus.py"))
        try:
            out = os.path.join(tmp, "events.parquet")
            code_corpus(spark, src, out, dyad, partitions=4, threads=1)
            rows = spark.read.parquet(out)
            got = sorted(r.event_json for r in rows.select("event_json").collect())
            codes = rows.groupBy("root").count().collect()
        finally:
            spark.stop()
    want = sorted(single)
    if got != want:
        missing = [l for l in want if l not in set(got)][:3]
        extra = [l for l in got if l not in set(want)][:3]
        print(f"spark: {len(got)} events, single process: {len(want)}", file=sys.stderr)
        print(f"missing: {missing}\nextra: {extra}", file=sys.stderr)
        print("spark: 0 passed, 1 failed")
        sys.exit(1)
    assert len(want) > 500, f"too few events to compare: {len(want)}"
    assert sum(r["count"] for r in codes) == len(want)
    print(f"spark: {len(got)} events from 4 partitions equal the single-process run's")
    print("spark: 1 passed, 0 failed")


if __name__ == "__main__":
    main()
