#!/usr/bin/env bash
# The load check of docs/PERFORMANCE.md: a database of over 100,000 events from the sample
# corpus (scripts/gen-load-corpus.py), `dyad serve` on a loopback port, and wrk against the
# events page and a dyad's time series. A benchmark, not a test; bounded in time, local only.
#   scripts/bench-serve.sh [WORKDIR]   (default /tmp/dyad-bench; the database is kept there)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/dyad-bench}
port=${PORT:-18080}
mkdir -p "$work"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
cargo build --release -p dyad-cli
dyad=target/release/dyad
if [ ! -f "$work/load.db" ]; then
    scripts/gen-load-corpus.py --copies 200 > "$work/load.jsonl"
    time "$dyad" ingest "$work/load.jsonl" --db "$work/load.db"
fi
"$dyad" serve --db "$work/load.db" --addr "127.0.0.1:$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 1
base="http://127.0.0.1:$port"
curl -fsS -o /dev/null "$base/api/stats"
for url in "/api/events?limit=50" "/api/series?dyad=ISR:PSE&by=month"; do
    curl -fsS -o /dev/null "$base$url"   # warm the cache
    echo "\$ wrk -t2 -c32 -d20s --latency '$base$url'"
    wrk -t2 -c32 -d20s --latency "$base$url"
done
