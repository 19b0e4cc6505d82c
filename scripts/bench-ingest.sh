#!/usr/bin/env bash
# Ingest time per article as the database grows (issue 21, item 6): copies of the sample
# corpus (data/corpus/lee_abc_news.jsonl, 349 articles) with distinct ids, so every copy
# reports the same events again and each event's counts keep growing, ingested into a fresh
# database at each size. Prints size, seconds, microseconds per article and peak RSS.
#
#   scripts/bench-ingest.sh [DYAD] [SIZES…]     (default: target/release/dyad 10000 40000 160000)
set -euo pipefail
cd "$(dirname "$0")/.."
dyad=${1:-target/release/dyad}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 40000 160000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %9s %12s %10s\n' articles seconds us/article peak_MB
for n in "${sizes[@]}"; do
    python3 - "$n" "$work/in.jsonl" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
recs = [json.loads(l) for l in open("data/corpus/lee_abc_news.jsonl") if l.strip()]
with open(out, "w") as f:
    for k in range(n):
        r = dict(recs[k % len(recs)])
        r["id"] = f"{r['id']}-{k // len(recs)}"
        f.write(json.dumps(r) + "\n")
PY
    rm -f "$work/db" "$work/db-wal" "$work/db-shm"
    /usr/bin/time -f '%e %M' -o "$work/time" \
        "$dyad" ingest "$work/in.jsonl" --db "$work/db" >/dev/null 2>"$work/err" \
        || { cat "$work/err"; exit 1; }
    read -r secs kb <"$work/time"
    awk -v n="$n" -v s="$secs" -v kb="$kb" \
        'BEGIN { printf "%8d %9.2f %12.1f %10.0f\n", n, s, s * 1e6 / n, kb / 1024 }'
done
