#!/usr/bin/env python3
"""Code a partitioned corpus with dyad on Spark and write the events as Parquet.

    spark-submit examples/spark/code_corpus.py --input CORPUS --output EVENTS.parquet \
        [--dyad PATH] [--partitions N] [--quotes]

Each partition's JSON Lines records (one article a line: `id`, `text`, optional `date`,
`url`, `title`, `source`; give every record an `id`, since a record without one is named by
its line within the partition) are piped through `dyad code --stdin`, one dyad process per
partition (`RDD.pipe`), and dyad's events come back as JSON Lines. They are written as
Parquet with the event's main fields as columns and the whole event as the `event_json`
column, byte for byte as `dyad code` writes it.

On a cluster, ship the binary with the job (it needs nothing else: the dictionaries, tagger
and gazetteer are inside it) and name it as the executors see it:

    tar czf dyad.tgz -C target/release dyad
    spark-submit --master yarn --deploy-mode cluster \
        --archives dyad.tgz#dyadbin \
        examples/spark/code_corpus.py --dyad ./dyadbin/dyad \
        --input hdfs:///news/2025/*.jsonl --output hdfs:///events/2025 --partitions 200

`--archives` unpacks dyad.tgz in each executor's working folder under `dyadbin/`. Build the
binary for the executors' platform (x86_64 Linux with glibc: `cargo build --release`, or
`--target x86_64-unknown-linux-musl` for a static one). dyad uses every core of the executor
it runs on (rayon); set `RAYON_NUM_THREADS` through `--dyad-threads` to match
`spark.task.cpus`. Hadoop streaming works the same way: `-mapper 'dyad code --stdin'`.
"""

import argparse
import json
import os
import shlex

from pyspark.sql import SparkSession
from pyspark.sql import types as T

# the columns of the Parquet output; `event_json` keeps everything else
SCHEMA = T.StructType([
    T.StructField("article_id", T.StringType()),
    T.StructField("sentence", T.LongType()),
    T.StructField("date", T.StringType()),
    T.StructField("source_code", T.StringType()),
    T.StructField("source_text", T.StringType()),
    T.StructField("target_code", T.StringType()),
    T.StructField("target_text", T.StringType()),
    T.StructField("code", T.StringType()),
    T.StructField("root", T.StringType()),
    T.StructField("quad_class", T.LongType()),
    T.StructField("goldstein", T.DoubleType()),
    T.StructField("plover", T.StringType()),
    T.StructField("negated", T.BooleanType()),
    T.StructField("modality", T.StringType()),
    T.StructField("evidence", T.StringType()),
    T.StructField("rule", T.StringType()),
    T.StructField("mentions", T.LongType()),
    T.StructField("place_name", T.StringType()),
    T.StructField("place_country", T.StringType()),
    T.StructField("lat", T.DoubleType()),
    T.StructField("lon", T.DoubleType()),
    T.StructField("event_json", T.StringType()),
])


def to_row(line):
    """One dyad output line as a row of SCHEMA (quote records are left out)."""
    e = json.loads(line)
    if e.get("record") == "quote":
        return None
    source, target = e.get("source") or {}, e.get("target") or {}
    place = e.get("place") or {}
    return (
        e.get("article_id"), e.get("sentence"), e.get("date"),
        source.get("code"), source.get("text"), target.get("code"), target.get("text"),
        e.get("code"), e.get("root"), e.get("quad_class"),
        float(e["goldstein"]) if e.get("goldstein") is not None else None,
        e.get("plover"), e.get("negated"), e.get("modality"),
        (e.get("evidence") or {}).get("text"), e.get("rule"), e.get("mentions"),
        place.get("name"), place.get("country"),
        float(place["lat"]) if place.get("lat") is not None else None,
        float(place["lon"]) if place.get("lon") is not None else None,
        line,
    )


def code_corpus(spark, input_path, output, dyad="dyad", partitions=None, threads=None):
    """Pipe `input_path`'s records through dyad, partition by partition; write Parquet to
    `output`. Returns the events DataFrame."""
    sc = spark.sparkContext
    lines = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
    lines = lines.filter(lambda l: l.strip() != "")
    env = {"RAYON_NUM_THREADS": str(threads)} if threads else {}
    out = lines.pipe(f"{shlex.quote(dyad)} code --stdin", env=env)
    rows = out.map(to_row).filter(lambda r: r is not None)
    return write_events(spark, rows, output)


def write_events(spark, rows, output):
    """`rows` of SCHEMA as a DataFrame, written to `output` as Parquet (replacing it)."""
    events = spark.createDataFrame(rows, SCHEMA)
    events.write.mode("overwrite").parquet(output)
    return events


def corpus_arguments(description):
    """The command line of both examples: --input, --output, --partitions (add their own)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--input", required=True, help="JSON Lines files (any Hadoop path/glob)")
    ap.add_argument("--output", required=True, help="Parquet output folder")
    ap.add_argument("--partitions", type=int, default=None)
    return ap


def report(spark, output, how):
    """Say how many events `output` holds, and stop Spark."""
    n = spark.read.parquet(output).count()
    print(f"dyad on Spark{how}: {n} events written to {output}")
    spark.stop()


def main():
    ap = corpus_arguments("Code a corpus with dyad on Spark.")
    ap.add_argument("--dyad", default=os.environ.get("DYAD", "dyad"),
                    help="the dyad binary as the executors see it")
    ap.add_argument("--dyad-threads", type=int, default=None,
                    help="RAYON_NUM_THREADS for each dyad process")
    args = ap.parse_args()
    spark = SparkSession.builder.appName("dyad-code-corpus").getOrCreate()
    code_corpus(spark, args.input, args.output, args.dyad, args.partitions, args.dyad_threads)
    report(spark, args.output, "")


if __name__ == "__main__":
    main()
