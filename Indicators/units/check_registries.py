#!/usr/bin/env python3
"""Check the unit registries in Indicators/units/ (Python 3 standard library only).

Internal checks always run: columns, unique codes, NFC names, ASCII English names,
known types and regions, ISO dates, successors that exist, a crosswalk that agrees
with the 2024 registry's successors and covers every 2025 unit.

With --reference DIR (the project's reference data, e.g. ../shared/data/vn from the
repository root) it also compares codes, names (ignoring the prefixes "Tỉnh",
"Thành phố", "TP" and punctuation), types, the 63 -> 34 mapping, and the population
and area of the 34 units with provinces-2025.csv and provinces-2024.csv.

Exit status 0 when every check passes, 1 otherwise; one line per problem.
"""
import argparse
import csv
import datetime
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["code", "name", "name_en", "type", "region", "population", "area_km2",
          "valid_from", "valid_to", "successors"]
TYPES = {"province", "city"}
REGIONS = {"Red River Delta", "Northern Midlands and Mountains",
           "North Central and Central Coast", "Central Highlands", "South East",
           "Mekong River Delta"}
problems = []


def bad(msg):
    problems.append(msg)


def read(path, strict=True):
    """Rows of a CSV; our own files (strict) must be UTF-8 without BOM, LF line ends."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if strict and text.startswith("\ufeff"):
        bad(f"{path}: has a BOM")
    if strict and "\r" in text:
        bad(f"{path}: has CR line ends")
    text = text.lstrip("\ufeff")
    rows = list(csv.reader(text.splitlines()))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def key(name):
    """Name key: NFC, lower case, prefixes and punctuation removed, diacritics kept."""
    n = unicodedata.normalize("NFC", name).strip()
    for p in ("Thành phố ", "Tỉnh ", "TP. ", "TP "):
        if n.startswith(p):
            n = n[len(p):]
    return re.sub(r"[\s\-.,]+", "", n.lower())


def ascii_key(name):
    return re.sub(r"[^a-z]", "", name.lower())


def check_registry(path, n, valid_from, valid_to, need_successors):
    head, rows = read(path)
    if head != HEADER:
        bad(f"{path}: header {head} != {HEADER}")
    if len(rows) != n:
        bad(f"{path}: {len(rows)} rows, expected {n}")
    seen = set()
    for i, r in enumerate(rows, start=2):
        where = f"{os.path.basename(path)}:{i}"
        c = r["code"]
        if not re.fullmatch(r"\d\d", c):
            bad(f"{where}: code {c!r} is not two digits")
        if c in seen:
            bad(f"{where}: duplicate code {c}")
        seen.add(c)
        if unicodedata.normalize("NFC", r["name"]) != r["name"]:
            bad(f"{where}: name not NFC")
        if not r["name_en"].isascii() or not r["name_en"]:
            bad(f"{where}: name_en {r['name_en']!r} not ASCII")
        if r["type"] not in TYPES:
            bad(f"{where}: type {r['type']!r}")
        if (r["type"] == "city") != r["name"].startswith("Thành phố "):
            bad(f"{where}: type {r['type']} but name {r['name']!r}")
        if r["region"] not in REGIONS:
            bad(f"{where}: region {r['region']!r}")
        for col in ("population", "area_km2"):
            if r[col]:
                try:
                    if float(r[col]) <= 0:
                        bad(f"{where}: {col} not positive")
                except ValueError:
                    bad(f"{where}: {col} {r[col]!r} not a number")
        if r["valid_from"] != valid_from or r["valid_to"] != valid_to:
            bad(f"{where}: validity {r['valid_from']}..{r['valid_to']}")
        for d in (r["valid_from"], r["valid_to"]):
            if d:
                datetime.date.fromisoformat(d)
        if need_successors and not r["successors"]:
            bad(f"{where}: no successors")
        if not need_successors and r["successors"]:
            bad(f"{where}: unexpected successors")
    return {r["code"]: r for r in rows}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", help="folder with provinces-2025.csv and provinces-2024.csv")
    a = ap.parse_args()

    new = check_registry(os.path.join(HERE, "vn-provinces-2025.csv"), 34, "2025-07-01", "", False)
    old = check_registry(os.path.join(HERE, "vn-provinces-2024.csv"), 63, "2008-08-01", "2025-06-30", True)
    for c, r in old.items():
        for s in r["successors"].split(";"):
            if s not in new:
                bad(f"vn-provinces-2024.csv: {c} successor {s} is not a 2025 unit")
    targets = {s for r in old.values() for s in r["successors"].split(";")}
    if targets != set(new):
        bad(f"2025 units without a predecessor: {sorted(set(new) - targets)}")
    for c, r in new.items():
        if not r["population"] or not r["area_km2"]:
            bad(f"vn-provinces-2025.csv: {c} lacks population or area")

    head, cross = read(os.path.join(HERE, "vn-crosswalk-2025.csv"))
    if head != ["from_code", "from_name", "to_code", "to_name", "valid_from"]:
        bad(f"vn-crosswalk-2025.csv: header {head}")
    if len(cross) != 63 or {r["from_code"] for r in cross} != set(old):
        bad("vn-crosswalk-2025.csv: does not list the 63 codes once each")
    for r in cross:
        o = old.get(r["from_code"])
        if not o or o["name"] != r["from_name"] or o["successors"] != r["to_code"]:
            bad(f"vn-crosswalk-2025.csv: {r['from_code']} disagrees with the 2024 registry")
        if r["to_code"] in new and new[r["to_code"]]["name"] != r["to_name"]:
            bad(f"vn-crosswalk-2025.csv: {r['from_code']} to_name disagrees")
        if r["valid_from"] != "2025-07-01":
            bad(f"vn-crosswalk-2025.csv: {r['from_code']} valid_from {r['valid_from']}")

    if a.reference:
        _, ref25 = read(os.path.join(a.reference, "provinces-2025.csv"), strict=False)
        _, ref24 = read(os.path.join(a.reference, "provinces-2024.csv"), strict=False)
        ref25 = {r["code"]: r for r in ref25}
        ref24 = {r["code"]: r for r in ref24}
        if set(ref25) != set(new):
            bad(f"2025 codes differ: {sorted(set(ref25) ^ set(new))}")
        if set(ref24) != set(old):
            bad(f"2024 codes differ: {sorted(set(ref24) ^ set(old))}")
        for c in sorted(set(ref25) & set(new)):
            m, r = new[c], ref25[c]
            if key(m["name"]) != key(r["name"]):
                bad(f"2025 {c}: name {m['name']!r} vs reference {r['name']!r}")
            if (m["type"] == "city") != (r["type"] == "thành phố trung ương"):
                bad(f"2025 {c}: type {m['type']} vs reference {r['type']}")
            for col in ("population", "area_km2"):
                if float(m[col]) != float(r[col]):
                    bad(f"2025 {c}: {col} {m[col]} vs reference {r[col]}")
            mine = sorted(o for o, x in old.items() if c in x["successors"].split(";"))
            theirs = sorted(r["predecessor_codes"].split(";"))
            if mine != theirs:
                bad(f"2025 {c}: predecessors {mine} vs reference {theirs}")
        for c in sorted(set(ref24) & set(old)):
            m, r = old[c], ref24[c]
            if key(m["name"]) != key(r["name"]):
                bad(f"2024 {c}: name {m['name']!r} vs reference {r['name']!r}")
            if ascii_key(m["name_en"]) != ascii_key(r["name_ascii"]):
                bad(f"2024 {c}: name_en {m['name_en']!r} vs reference {r['name_ascii']!r}")
            if m["successors"] != r["successor_code"]:
                bad(f"2024 {c}: successor {m['successors']} vs reference {r['successor_code']}")

    for p in problems:
        print(p)
    checked = "internal checks" + (" and reference comparison" if a.reference else "")
    print(f"registries: {len(problems)} problem(s) ({checked})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
