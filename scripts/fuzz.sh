#!/usr/bin/env bash
# dyad's fuzzers (nightly Rust, cargo-fuzz). The saved corpus of each target is one file,
# fuzz/corpus/<target>.b64 (one base64 input per line), so the repository does not carry
# thousands of small files; the test suite replays it on stable (crates/dyad-fuzz/tests/replay.rs).
#
#   scripts/fuzz.sh run TARGET SECONDS   unpack, fuzz for SECONDS, minimise, pack back
#   scripts/fuzz.sh all SECONDS          every target in turn
#   scripts/fuzz.sh unpack TARGET        the corpus as files in fuzz/work/TARGET/
#   scripts/fuzz.sh pack TARGET          fuzz/work/TARGET/ back into fuzz/corpus/TARGET.b64
#
# A crash is written to fuzz/artifacts/TARGET/; once fixed, copy it into
# fuzz/regressions/TARGET/ so the test suite keeps it fixed. Needs `rustup toolchain install
# nightly` and `cargo install cargo-fuzz`.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
TARGETS="plain_text jsonl petr_xml html sentences_tokens verb_dictionary actor_dictionary
agent_dictionary discard_list issue_dictionary coder"

unpack() {
    rm -rf "work/$1" && mkdir -p "work/$1"
    [ -f "corpus/$1.b64" ] || return 0
    python3 - "$1" <<'PY'
import base64, hashlib, sys
t = sys.argv[1]
for line in open(f"corpus/{t}.b64"):
    data = base64.b64decode(line.strip())
    open(f"work/{t}/" + hashlib.sha1(data).hexdigest(), "wb").write(data)
PY
}

pack() {
    python3 - "$1" <<'PY'
import base64, os, sys
t = sys.argv[1]
files = sorted(os.listdir(f"work/{t}"))
with open(f"corpus/{t}.b64", "w") as out:
    for f in files:
        out.write(base64.b64encode(open(f"work/{t}/{f}", "rb").read()).decode() + "\n")
print(f"{t}: {len(files)} inputs packed")
PY
}

run() {
    unpack "$1"
    cargo +nightly fuzz run -O "$1" "work/$1" -- -max_total_time="$2" -print_final_stats=1 \
        -rss_limit_mb=4096
    cargo +nightly fuzz cmin -O "$1" "work/$1"
    pack "$1"
}

case "${1:-}" in
    run) run "$2" "$3" ;;
    all) for t in $TARGETS; do run "$t" "$2"; done ;;
    unpack) unpack "$2" ;;
    pack) pack "$2" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
esac
