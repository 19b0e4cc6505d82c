#!/usr/bin/env python3
"""Partitioned Parquet from `dyad export --partition-by month` reads back in Spark with the
counts of `dyad query --by month`.

    python examples/spark/test_partitioned.py DYAD_BINARY

Ingests the ABC sample (data/corpus/lee_abc_news.jsonl), each article given a date between
January and June 2025, exports it partitioned by month, reads `events/` and `mentions/` with
`spark.read.parquet` in local mode, and compares: the number of events and the events of
every (month, source, target) with `dyad query --by month --json`, the number of mentions
with `dyad export --format mentions`, and runs the Spark SQL example (gdelt_sql.py) over
them. Prints `spark: 1 passed, 0 failed` or fails.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from pyspark.sql import SparkSession  # noqa: E402

from gdelt_sql import dyads_by_month, register  # noqa: E402


def dated_corpus(path):
    start = datetime.date(2025, 1, 3)
    with open(os.path.join(ROOT, "data", "corpus", "lee_abc_news.jsonl"), encoding="utf-8") as f:
        records = [json.loads(l) for l in f if l.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(records):
            r["date"] = str(start + datetime.timedelta(days=(i * 11) % 170))
            f.write(json.dumps(r) + "\n")


def main():
    dyad = os.path.abspath(sys.argv[1])
    run = lambda *a: subprocess.run([dyad, *a], check=True, capture_output=True, text=True)
    with tempfile.TemporaryDirectory() as tmp:
        src, db, out = (os.path.join(tmp, n) for n in ("corpus.jsonl", "events.db", "gdelt"))
        dated_corpus(src)
        run("ingest", src, "--db", db)
        by_month = [json.loads(l) for l in run("query", "--db", db, "--by", "month",
                                               "--json").stdout.splitlines()]
        mentions = run("export", "--db", db, "--format", "mentions").stdout.splitlines()
        run("export", "--db", db, "--format", "parquet", "--partition-by", "month",
            "--out", out)
        spark = (SparkSession.builder.master("local[2]").appName("dyad-partitioned-test")
                 .config("spark.ui.enabled", "false")
                 .config("spark.ui.showConsoleProgress", "false")
                 .config("spark.sql.shuffle.partitions", "4").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        try:
            events = spark.read.parquet(os.path.join(out, "events"))
            n_events = events.count()
            n_mentions = spark.read.parquet(os.path.join(out, "mentions")).count()
            totals = {(f"{r.year:04d}-{r.month:02d}", r.Actor1Code or "", r.Actor2Code or ""):
                      r["count"] for r in
                      events.groupBy("year", "month", "Actor1Code", "Actor2Code").count()
                      .collect()}
            months = sorted({(r.year, r.month) for r in events.select("year", "month")
                             .distinct().collect()})
            register(spark, out)
            top = dyads_by_month(spark).collect()
        finally:
            spark.stop()
    want = {(r["period"], r["source"], r["target"]): r["events"] for r in by_month}
    failures = []
    if n_events != sum(want.values()):
        failures.append(f"events: spark {n_events}, dyad query --by month {sum(want.values())}")
    if totals != want:
        diff = sorted(set(totals.items()) ^ set(want.items()))[:5]
        failures.append(f"dyad totals differ: {diff}")
    if n_mentions != len(mentions):
        failures.append(f"mentions: spark {n_mentions}, dyad export {len(mentions)}")
    if len(months) < 5:
        failures.append(f"expected 5+ month partitions, got {months}")
    if not top or top[0]["rank"] != 1:
        failures.append("the Spark SQL example gave no ranked dyads")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print("spark: 0 passed, 1 failed")
        sys.exit(1)
    print(f"spark: {n_events} events, {n_mentions} mentions in {len(months)} month partitions "
          "equal dyad query --by month")
    print("spark: 1 passed, 0 failed")


if __name__ == "__main__":
    main()
