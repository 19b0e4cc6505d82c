#!/usr/bin/env bash
# Re-creates dyad's bundled data/ from a checkout of the shared data next to this repository
# (../shared by default, or the directory given as $1 or $DYAD_SHARED).
#
# Copies exactly the files dyad ships; everything else in the shared checkout (GPL gdeltPyR
# column specs and samples, PETRARCH .rst docs, the TABARI-style verb file) is reference
# material and is NOT copied. Provenance and licences: data/SOURCES.md (not touched here).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-${DYAD_SHARED:-$repo/../shared}}"

if [[ ! -d "$shared/data" || ! -d "$shared/corpus" ]]; then
    echo "import-shared-data: no shared checkout at '$shared'" >&2
    echo "  expected '$shared/data' and '$shared/corpus'; pass the path as the first argument" >&2
    exit 1
fi
shared="$(cd "$shared" && pwd)"

# destination-dir  source-dir  file...
copy() {
    local dest="$1" src="$2"
    shift 2
    mkdir -p "$repo/data/$dest"
    local f
    for f in "$@"; do
        if [[ ! -f "$shared/$src/$f" ]]; then
            echo "import-shared-data: missing $shared/$src/$f" >&2
            exit 1
        fi
        cp "$shared/$src/$f" "$repo/data/$dest/$f"
    done
}

copy dictionaries data/dictionaries \
    CAMEO.2.0.txt \
    Phoenix.Countries.actors.txt \
    Phoenix.International.actors.txt \
    Phoenix.MilNonState.actors.txt \
    Phoenix.agents.txt \
    Phoenix.discards.txt \
    Phoenix.IssueCoding.txt

copy dictionaries/petr1 data/dictionaries \
    CAMEO.verbpatterns.tabari-style.txt

copy validation data/validation \
    GigaWord.sample.PETR.xml \
    PETR.UnitTest.records.cameo2.xml \
    PETR.Validate.actors.txt \
    PETR.Validate.agents.txt \
    PETR.Validate.discards.txt \
    PETR.Validate.verbs.2.0.txt \
    PETR2_GSR_validation.xml

copy cameo data/cameo \
    CAMEO.country.txt \
    CAMEO.ethnic.txt \
    CAMEO.eventcodes.txt \
    CAMEO.goldsteinscale.txt \
    CAMEO.knowngroup.txt \
    CAMEO.quadclass.tsv \
    CAMEO.religion.txt \
    CAMEO.type.txt \
    FIPS.country.derived.tsv \
    cameo_codes_enriched.json \
    sample.gdelt1.dailyupdate.export.tsv

# the ontology is read by the coder itself (crates/dyad-dict/src/pico.rs), so it sits with the
# CAMEO tables (the validation suite names it too, but dyad keeps one copy)
copy cameo data/validation \
    PETR.Internal.Coding.Ontology.txt

copy plover data/plover \
    CAMEO2PLOVER-2021.tsv \
    CAMEO2PLOVER-2021.txt \
    PLOVER.README.md \
    plover_ontology.json

copy corpus corpus \
    brown_press_1961.txt \
    lee_abc_news.jsonl \
    seed-2025-12-04-beijing.txt \
    seed.gold.json \
    dev.gold.jsonl

# the coding guide the gold articles follow, which `dyad eval articles` scores by
cp "$shared/docs/CODING-GUIDE.md" "$repo/docs/CODING-GUIDE.md"

# The GPL-3.0 gdeltPyR files must never be shipped.
for f in GDELT1.events.columns.tsv GDELT2.events.columns.csv GDELT2.mentions.columns.tsv \
    sample.gdelt2.mentions.csv; do
    if [[ -e "$repo/data/cameo/$f" ]]; then
        echo "import-shared-data: removing GPL file data/cameo/$f (reference only)" >&2
        rm -f "$repo/data/cameo/$f"
    fi
done

echo "import-shared-data: data/ refreshed from $shared"
