#!/usr/bin/env python3
"""Write a large synthetic-but-varied corpus (JSON Lines) from the bundled sample, for load
tests of `dyad serve` (see docs/PERFORMANCE.md).

Each copy of the 349 ABC articles and the seed story gets distinct ids, a date drawn from
2015-01-01 .. 2025-12-31 (so reports of one event rarely merge across copies), and, in most
copies, Australia renamed as another country (with its demonym), so that the actor network has
more than the sample's countries. Deterministic (seeded).

    scripts/gen-load-corpus.py --copies 200 > /tmp/load.jsonl
    dyad ingest /tmp/load.jsonl --db /tmp/load.db
"""
import argparse
import datetime
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

# (country, demonym) that stand in for Australia in a copy
STAND_INS = [
    ("Australia", "Australian"),
    ("Canada", "Canadian"),
    ("Japan", "Japanese"),
    ("Germany", "German"),
    ("Brazil", "Brazilian"),
    ("India", "Indian"),
    ("Indonesia", "Indonesian"),
    ("Kenya", "Kenyan"),
    ("Mexico", "Mexican"),
    ("Nigeria", "Nigerian"),
]


def sample_articles():
    out = []
    for line in (CORPUS / "lee_abc_news.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    seed = (CORPUS / "seed-2025-12-04-beijing.txt").read_text(encoding="utf-8")
    # the seed keeps its text; its dateline date is replaced by the record's
    seed = re.sub(r"^\s*date \S+ ", "", seed)
    out.append({"id": "seed", "text": seed, "source": "seed"})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    articles = sample_articles()
    start = datetime.date(2015, 1, 1)
    days = (datetime.date(2025, 12, 31) - start).days
    w = sys.stdout
    for k in range(args.copies):
        country, demonym = STAND_INS[k % len(STAND_INS)]
        for a in articles:
            text = a["text"]
            if country != "Australia":
                text = text.replace("Australian", demonym).replace("Australia", country)
            date = start + datetime.timedelta(days=rng.randrange(days + 1))
            rec = {
                "id": f"{a['id']}~{k}",
                "date": date.isoformat(),
                "source": a.get("source") or "abc",
                "title": a.get("title"),
                "text": text,
            }
            w.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
