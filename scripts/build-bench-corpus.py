#!/usr/bin/env python3
"""Build dyad's benchmark corpus, reproducibly, from the sample texts in data/corpus/.

    scripts/build-bench-corpus.py [--out DIR] [--mb 100]

Writes DIR/bench.jsonl (default target/bench-corpus/, at least --mb megabytes of article
text and JSON) and the smaller prefixes DIR/bench-1mb.jsonl and DIR/bench-10mb.jsonl used to
show how cost grows with input size. The same arguments always give the same bytes: nothing
random is drawn, every variation is a function of the record's number.

Each round mixes
  * the 349 ABC articles (lee_abc_news.jsonl), with new ids and dates;
  * the 1961 press text (brown_press_1961.txt) cut into articles of 8 to 23 lines;
  * datelined variants: every ABC article and the seed story opened by a wire dateline
    ("BEIJING (Reuters) - ") or a dyad dateline ("date 2025-12-04 BEIJING: ") that names a
    place and a date, so the dateline reader, the date resolver and the gazetteer work too.
"""

import argparse
import datetime
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "data", "corpus")

PLACES = ["BEIJING", "PARIS", "MOSCOW", "KYIV", "WASHINGTON", "LONDON", "CAIRO", "JERUSALEM",
          "GAZA", "TEHRAN", "NEW DELHI", "TOKYO", "SEOUL", "BERLIN", "ANKARA", "SYDNEY",
          "NAIROBI", "BRASILIA", "ISLAMABAD", "KABUL", "BAGHDAD", "DAMASCUS", "BRUSSELS"]
AGENCIES = ["Reuters", "AFP", "AP", "Xinhua"]


def day(n):
    """A date between 2001 and 2025, a function of n."""
    return datetime.date(2001, 1, 1) + datetime.timedelta(days=(n * 37) % 9131)


def sources():
    abc = []
    with open(os.path.join(CORPUS, "lee_abc_news.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                abc.append(json.loads(line)["text"])
    with open(os.path.join(CORPUS, "brown_press_1961.txt"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    brown = []
    i = 0
    k = 0
    while i < len(lines):
        n = 8 + (k * 7) % 16
        brown.append(" ".join(lines[i:i + n]))
        i += n
        k += 1
    with open(os.path.join(CORPUS, "seed-2025-12-04-beijing.txt"), encoding="utf-8") as f:
        seed = f.read()
    # the seed's own dateline is replaced by the variants'
    body = seed.split(":", 1)[1].strip() if seed.lstrip().startswith("date ") else seed
    return abc, brown, body


def records(abc, brown, seed):
    """Records of one round after another, for ever."""
    n = 0
    rnd = 0
    while True:
        for i, text in enumerate(abc):
            d = day(n)
            yield {"id": f"abc-{rnd}-{i}", "date": d.isoformat(), "source": "abc",
                   "text": text}
            n += 1
        for i, text in enumerate(brown):
            yield {"id": f"brown-{rnd}-{i}", "date": f"1961-{1 + i % 12:02d}-{1 + i % 28:02d}",
                   "source": "brown", "text": text}
            n += 1
        for i, text in enumerate(abc + [seed]):
            d = day(n)
            place = PLACES[n % len(PLACES)]
            if n % 2:
                head = f"{place} ({AGENCIES[n % len(AGENCIES)]}) - "
                rec = {"id": f"wire-{rnd}-{i}", "date": d.isoformat(), "text": head + text}
            else:
                head = f"date {d.isoformat()} {place}: "
                rec = {"id": f"dateline-{rnd}-{i}", "text": head + text}
            yield rec
            n += 1
        rnd += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "bench-corpus"))
    ap.add_argument("--mb", type=float, default=100.0, help="size of bench.jsonl in MB (1e6)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    abc, brown, seed = sources()
    limit = int(args.mb * 1_000_000)
    prefixes = [(1_000_000, "bench-1mb.jsonl"), (10_000_000, "bench-10mb.jsonl")]
    outs = {name: open(os.path.join(args.out, name), "wb") for _, name in prefixes}
    main_out = open(os.path.join(args.out, "bench.jsonl"), "wb")
    size = 0
    count = 0
    buf = []
    for rec in records(abc, brown, seed):
        line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
        for cap, name in prefixes:
            if name in outs:
                if size + len(line) <= cap:
                    outs[name].write(line)
                else:
                    outs.pop(name).close()
        buf.append(line)
        size += len(line)
        count += 1
        if len(buf) >= 1000:
            main_out.write(b"".join(buf))
            buf = []
        if size >= limit:
            break
    main_out.write(b"".join(buf))
    main_out.close()
    for f in outs.values():
        f.close()
    print(f"{args.out}/bench.jsonl: {count} articles, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
