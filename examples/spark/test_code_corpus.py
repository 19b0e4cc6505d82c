#!/usr/bin/env python3
"""The Spark examples in local mode give exactly the events of one `dyad code` process.

    python examples/spark/test_code_corpus.py DYAD_BINARY

Codes data/corpus/lee_abc_news.jsonl plus datelined records in 4 partitions on
`local[2]`, once through the binary (`rdd.pipe`, code_corpus.py) and once through the Python
package (`mapPartitions` calling `dyad.code_many`, code_corpus_python.py: the package must be
installed), reads each Parquet output back and compares its `event_json` lines, sorted, with
the sorted output of `dyad code` over the same file. Prints `spark: N passed, 0 failed` or
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
from code_corpus_python import code_corpus_python  # noqa: E402


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
        spark.sparkContext.addPyFile(os.path.join(HERE, "code_corpus_python.py"))
        runs = [
            ("rdd.pipe", lambda out: code_corpus(spark, src, out, dyad, partitions=4, threads=1)),
            ("dyad.code_many", lambda out: code_corpus_python(spark, src, out, partitions=4,
                                                              threads=1)),
        ]
        results = []
        try:
            for name, run in runs:
                out = os.path.join(tmp, name + ".parquet")
                run(out)
                rows = spark.read.parquet(out)
                got = sorted(r.event_json for r in rows.select("event_json").collect())
                codes = rows.groupBy("root").count().collect()
                results.append((name, got, codes))
        finally:
            spark.stop()
    want = sorted(single)
    assert len(want) > 500, f"too few events to compare: {len(want)}"
    failed = 0
    for name, got, codes in results:
        if got != want:
            missing = [l for l in want if l not in set(got)][:3]
            extra = [l for l in got if l not in set(want)][:3]
            print(f"spark ({name}): {len(got)} events, single process: {len(want)}",
                  file=sys.stderr)
            print(f"missing: {missing}\nextra: {extra}", file=sys.stderr)
            failed += 1
            continue
        assert sum(r["count"] for r in codes) == len(want)
        print(f"spark ({name}): {len(got)} events from 4 partitions equal the "
              "single-process run's")
    print(f"spark: {len(results) - failed} passed, {failed} failed")
    if failed:
        sys.exit(1)

if __name__ == "__main__":
    main()
