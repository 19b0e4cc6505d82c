#!/usr/bin/env python3
"""Spark SQL over dyad's events as GDELT's two tables, partitioned by month.

    dyad export --db dyad.db --format parquet --partition-by month --out gdelt/
    spark-submit examples/spark/gdelt_sql.py gdelt/ [--from 2025-01 --to 2025-12]

`dyad export --partition-by` writes `gdelt/events/year=YYYY/month=MM/part-*.parquet` and
`gdelt/mentions/…` with GDELT 2.0's column names (GLOBALEVENTID, SQLDATE, Actor1Code,
EventRootCode, QuadClass, GoldsteinScale, NumMentions…; the mentions table's
MentionSourceName, Confidence…). Spark reads the `year` and `month` partition columns from the
folder names, so a query that filters on them reads only those months' files.

This prints, per month, the ten directed dyads with most events, with their material-conflict
share, mean Goldstein score and the sources that reported them (a join of the two tables).
"""
import argparse

from pyspark.sql import SparkSession

DYADS_BY_MONTH = """
WITH dyads AS (
    SELECT e.year, e.month, e.Actor1Code AS source, e.Actor2Code AS target,
           COUNT(*) AS events,
           AVG(CASE WHEN e.QuadClass = 4 THEN 1.0 ELSE 0.0 END) AS material_conflict,
           AVG(e.GoldsteinScale) AS goldstein
    FROM events e
    WHERE e.year * 100 + e.month BETWEEN {lo} AND {hi}
    GROUP BY e.year, e.month, e.Actor1Code, e.Actor2Code
), sources AS (
    SELECT e.year, e.month, e.Actor1Code AS source, e.Actor2Code AS target,
           COUNT(DISTINCT m.MentionSourceName) AS sources
    FROM events e JOIN mentions m
      ON m.GLOBALEVENTID = e.GLOBALEVENTID AND m.year = e.year AND m.month = e.month
    WHERE e.year * 100 + e.month BETWEEN {lo} AND {hi}
    GROUP BY e.year, e.month, e.Actor1Code, e.Actor2Code
), ranked AS (
    SELECT d.*, s.sources,
           ROW_NUMBER() OVER (PARTITION BY d.year, d.month
                              ORDER BY d.events DESC, d.source, d.target) AS rank
    FROM dyads d JOIN sources s USING (year, month, source, target)
)
SELECT year, month, rank, source, target, events, sources,
       ROUND(material_conflict, 3) AS material_conflict, ROUND(goldstein, 2) AS goldstein
FROM ranked WHERE rank <= 10 ORDER BY year, month, rank
"""


def register(spark, root):
    """The two tables of `root` as the views `events` and `mentions`."""
    spark.read.parquet(f"{root}/events").createOrReplaceTempView("events")
    spark.read.parquet(f"{root}/mentions").createOrReplaceTempView("mentions")


def dyads_by_month(spark, lo=0, hi=999912):
    """The query above, months given as YYYYMM."""
    return spark.sql(DYADS_BY_MONTH.format(lo=int(lo), hi=int(hi)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", help="the folder `dyad export --partition-by` wrote")
    ap.add_argument("--from", dest="lo", default="0000-00", help="first month, YYYY-MM")
    ap.add_argument("--to", dest="hi", default="9999-12", help="last month, YYYY-MM")
    args = ap.parse_args()
    spark = SparkSession.builder.appName("dyad-gdelt-sql").getOrCreate()
    register(spark, args.root)
    dyads_by_month(spark, args.lo.replace("-", ""), args.hi.replace("-", "")).show(200, False)
    spark.stop()


if __name__ == "__main__":
    main()
