#!/usr/bin/env bash
# Compare what two dyad binaries code, byte for byte: `dyad code` (with and without
# --quotes) on the bundled corpora and on the 10 MB bench corpus, and the evaluations'
# figures. For refactors that must not change the output.
#
#     scripts/compare-outputs.sh OLD_BINARY NEW_BINARY [WORKDIR]
#
# Prints one line per output that differs and exits 1 if any does.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 work=${3:-target/compare-outputs}
[ -f target/bench-corpus/bench-10mb.jsonl ] || scripts/build-bench-corpus.py >&2
outputs() {
    local bin=$1 out=$2
    mkdir -p "$out"
    for q in "" --quotes; do
        local s=${q:+.q}
        "$bin" code $q data/corpus/lee_abc_news.jsonl >"$out/abc$s.jsonl" 2>/dev/null
        "$bin" code $q data/corpus/seed-2025-12-04-beijing.txt >"$out/seed$s.jsonl" 2>/dev/null
        "$bin" code $q data/corpus/brown_press_1961.txt >"$out/brown$s.jsonl" 2>/dev/null
        "$bin" code $q target/bench-corpus/bench-10mb.jsonl >"$out/b10$s.jsonl" 2>/dev/null
    done
    "$bin" eval petr data/validation/PETR.UnitTest.records.cameo2.xml 2>&1 | tail -3 >"$out/eval-unit.txt"
    "$bin" eval petr data/validation/PETR2_GSR_validation.xml 2>&1 | tail -3 >"$out/eval-gsr.txt"
    "$bin" eval articles data/corpus/seed.gold.json 2>&1 | tail -3 >"$out/eval-seed.txt"
}
outputs "$old" "$work/old"
outputs "$new" "$work/new"
status=0
for f in "$work"/old/*; do
    if ! cmp -s "$f" "$work/new/$(basename "$f")"; then
        echo "differs: $(basename "$f")"
        status=1
    fi
done
[ $status = 0 ] && echo "identical: $(ls "$work/old" | wc -l) outputs"
exit $status
