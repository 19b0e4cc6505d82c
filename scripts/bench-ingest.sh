#!/usr/bin/env bash
# Ingest time per article as the database grows (issue 21, item 6): copies of the sample
# corpus (data/corpus/lee_abc_news.jsonl, 349 articles) with distinct ids, so every copy
# reports the same events again and each event's counts keep growing, ingested into a fresh
# database at each size. Prints size, wall seconds, CPU seconds (user + system: less
# disturbed by other work on a shared machine), microseconds per article of each, and peak RSS.
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
printf '%8s %8s %8s %10s %10s %8s\n' articles wall_s cpu_s wall_us/a cpu_us/a peak_MB
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
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
        "$dyad" ingest "$work/in.jsonl" --db "$work/db" >/dev/null 2>"$work/err" \
        || { cat "$work/err"; exit 1; }
    read -r secs user sys kb <"$work/time"
    awk -v n="$n" -v s="$secs" -v u="$user" -v y="$sys" -v kb="$kb" \
        'BEGIN { c = u + y; printf "%8d %8.2f %8.2f %10.1f %10.1f %8.0f\n", n, s, c, s * 1e6 / n, c * 1e6 / n, kb / 1024 }'
done
