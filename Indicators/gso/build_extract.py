#!/usr/bin/env python3
"""Build Indicators/gso/gso-provinces-2010-2016.csv from the GSO province tables.

Python 3 standard library only. Input (not shipped in the project):

  --source FILE   the General Statistics Office's "by province" yearbook tables as compiled on
                  21 Sep 2018 (the project's reference copy is
                  ../shared/data/vn/gso-province-tables-1995-2016.csv; columns table, topic,
                  area_level, gso_code, area_name_gso, year, preliminary, item, value)
  --registry FILE the 63 provinces before 1 July 2025 (Indicators/units/vn-provinces-2024.csv)
  --out FILE      where to write the extract (default: beside this script)

What it writes: one row per province, indicator and year, `unit,name,indicator,period,value,
source,note`, for the 63 provinces of the registry, the indicators of
Indicators/gso-provinces.yaml and the years of the income surveys (2010, 2012, 2014, 2016).
`unit` is the GSO code (the registry's code), `name` the registry's Vietnamese name; the
value is the published figure as it stands in the source; `note` says "preliminary" where
the source flags the figure as preliminary and "not available (.. in the source)" where the
cell is empty (the row is kept, with an empty value, so the gap is visible).

What it leaves out, and checks it may: the country and region rows (`area_level` country or
region); Hà Tây (code 28, merged into Hà Nội on 1 August 2008), whose cells for these years
must all be empty (the script stops otherwise); every other table, item and year. It stops
when a province of the registry lacks a row, when a (province, table, item, year) appears
twice, when a GSO province name does not match the registry's name for its code (ignoring
case, diacritics, punctuation and the prefixes TP. / Thành phố / City), or when a value is
not a plain decimal number.

Usage (from the repository root):
  python3 Indicators/gso/build_extract.py --source ../shared/data/vn/gso-province-tables-1995-2016.csv
"""
import argparse
import csv
import os
import re
import sys
import unicodedata

YEARS = ["2010", "2012", "2014", "2016"]
DISSOLVED = {"28": "Hà Tây, merged into Hà Nội on 1 August 2008 (Resolution 15/2008/QH12)"}

# indicator id -> (GSO table, item). The order is the order of the rows in the extract.
SERIES = [
    ("avg_population", "Average population by province", "Total"),
    ("income_pc", "Monthly average income per capita at current prices by income source and by province", "Total"),
    ("wage_income_pc", "Monthly average income per capita at current prices by income source and by province", "Salary & wage"),
    ("poverty_rate", "Poverty rate by province", ""),
    ("electricity", "Percentage of household using electricity by province", ""),
    ("literacy", "Percentage of literate population at 15 years of age and above by province", ""),
    ("trained_workers", "Percentage of trained employed workers at 15 years of age and above by province", ""),
    ("doctors", "Number of medical staff under provincial departments of health by province", "Doctor"),
    ("patient_beds", "Number of patient beds under provincial departments of health by province", "Total"),
    ("infant_mortality", "Infant mortality rate by province", ""),
    ("retail_sales", "Retail sales of goods and services at current prices by province", ""),
]

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def name_key(name):
    """Lower case ASCII letters only, without the prefixes TP / Thanh pho and the suffix City."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    letters = "".join(c for c in folded if c.isascii() and c.isalpha()).lower()
    for prefix in ("thanhpho", "tp"):
        if letters.startswith(prefix):
            letters = letters[len(prefix):]
    return letters[:-4] if letters.endswith("city") else letters


def source_text(table, item):
    return f"GSO yearbook table: {table}" + (f"; {item}" if item else "")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", default=os.path.join(root, "..", "shared", "data", "vn", "gso-province-tables-1995-2016.csv"))
    parser.add_argument("--registry", default=os.path.join(root, "Indicators", "units", "vn-provinces-2024.csv"))
    parser.add_argument("--out", default=os.path.join(here, "gso-provinces-2010-2016.csv"))
    args = parser.parse_args()

    with open(args.registry, encoding="utf-8", newline="") as f:
        registry = {r["code"]: r for r in csv.DictReader(f)}
    if len(registry) != 63:
        sys.exit(f"{args.registry}: expected the 63 provinces, found {len(registry)}")

    wanted = {(table, item): ident for ident, table, item in SERIES}
    found = {}
    with open(args.source, encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            ident = wanted.get((r["table"], r["item"]))
            if ident is None or r["year"] not in YEARS or r["area_level"] != "province":
                continue
            code = r["gso_code"]
            where = f"{args.source}:{line}"
            if code in DISSOLVED:
                if r["value"] != "":
                    sys.exit(f"{where}: {DISSOLVED[code]} has a value for {r['year']}: {r['value']}")
                continue
            unit = registry.get(code)
            if unit is None:
                sys.exit(f"{where}: GSO code {code} ({r['area_name_gso']}) is not in {args.registry}")
            if name_key(r["area_name_gso"]) != name_key(unit["name_en"]):
                sys.exit(f"{where}: GSO name {r['area_name_gso']!r} for code {code}, registry says {unit['name_en']!r}")
            if r["value"] != "" and not NUMBER.fullmatch(r["value"]):
                sys.exit(f"{where}: value {r['value']!r} is not a decimal number")
            key = (code, ident, r["year"])
            if key in found:
                sys.exit(f"{where}: a second row for {key}")
            notes = []
            if r["preliminary"] == "1":
                notes.append("preliminary")
            if r["value"] == "":
                notes.append("not available (.. in the source)")
            found[key] = (r["value"], source_text(r["table"], r["item"]), "; ".join(notes))

    rows = []
    for year in YEARS:
        for code in sorted(registry):
            for ident, table, item in SERIES:
                key = (code, ident, year)
                if key not in found:
                    sys.exit(f"{args.source}: no row for {registry[code]['name']} ({code}), {table} / {item!r}, {year}")
                value, source, note = found[key]
                rows.append([code, registry[code]["name"], ident, year, value, source, note])

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["unit", "name", "indicator", "period", "value", "source", "note"])
        writer.writerows(rows)
    empty = sum(1 for r in rows if r[4] == "")
    print(f"{args.out}: {len(rows)} rows ({len(registry)} provinces × {len(SERIES)} indicators × {len(YEARS)} years), {empty} without a value")


if __name__ == "__main__":
    main()
