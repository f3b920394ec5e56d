#!/usr/bin/env python3
"""Build the Vietnamese unit registries shipped in Indicators/units/.

Python 3 standard library only. Inputs (none is shipped in the project):

  --pkg2025 DIR   the data/ folder of the PyPI package `vietnam-provinces` 2025.10.1
                  (34 provincial units: code, name, division type)
  --pkg2024 DIR   the data/ folder of the PyPI package `vietnam-provinces` 0.6.0
                  (63 provincial units before 1 July 2025: code, name)
  --facts FILE    a CSV with columns code,area_km2,population for the 34 units (the
                  figures published by the reorganisation portal); optional

Facts written in this file (public law and public classification):
  MERGERS   which pre-2025 provinces form each 2025 unit: Resolution 202/2025/QH15 of the
            National Assembly (12 June 2025, in force 1 July 2025). A merged unit keeps the
            code of the province that hosts its political-administrative centre.
  REGION_*  the six socio-economic regions (GSO classification; see README.md).

Usage (from the repository root, packages installed in throw-away venvs under /tmp):
  python3 Indicators/units/build_registries.py \
      --pkg2025 /tmp/vp/lib/python3.11/site-packages/vietnam_provinces/data \
      --pkg2024 /tmp/vp06/lib/python3.11/site-packages/vietnam_provinces/data \
      --facts ../shared/data/vn/provinces-2025.csv --out Indicators/units
Then run the tests (Tests/CityIndexCLITests/ShippedContentTests.swift compares the registries
with ../shared/data/vn).
"""
import argparse
import csv
import json
import os
import unicodedata

VALID_FROM_2025 = "2025-07-01"
VALID_TO_2024 = "2025-06-30"
# The 63-unit configuration took effect when Hà Tây merged into Hà Nội
# (Resolution 15/2008/QH12, in force 1 August 2008). It is the start of the
# configuration, not the founding date of each province.
VALID_FROM_2024 = "2008-08-01"

# 2025 code -> pre-2025 codes (Resolution 202/2025/QH15). The 11 units not listed
# kept their territory and code.
MERGERS = {
    "08": ["02", "08"],          # Tuyên Quang  = Hà Giang + Tuyên Quang
    "15": ["10", "15"],          # Lào Cai      = Lào Cai + Yên Bái
    "19": ["06", "19"],          # Thái Nguyên  = Bắc Kạn + Thái Nguyên
    "24": ["24", "27"],          # Bắc Ninh     = Bắc Giang + Bắc Ninh
    "25": ["17", "25", "26"],    # Phú Thọ      = Hòa Bình + Phú Thọ + Vĩnh Phúc
    "31": ["30", "31"],          # Hải Phòng    = Hải Dương + Hải Phòng
    "33": ["33", "34"],          # Hưng Yên     = Hưng Yên + Thái Bình
    "37": ["35", "36", "37"],    # Ninh Bình    = Hà Nam + Nam Định + Ninh Bình
    "44": ["44", "45"],          # Quảng Trị    = Quảng Bình + Quảng Trị
    "48": ["48", "49"],          # Đà Nẵng      = Đà Nẵng + Quảng Nam
    "51": ["51", "62"],          # Quảng Ngãi   = Quảng Ngãi + Kon Tum
    "52": ["52", "64"],          # Gia Lai      = Bình Định + Gia Lai
    "56": ["56", "58"],          # Khánh Hòa    = Khánh Hòa + Ninh Thuận
    "66": ["54", "66"],          # Đắk Lắk      = Phú Yên + Đắk Lắk
    "68": ["60", "67", "68"],    # Lâm Đồng     = Bình Thuận + Đắk Nông + Lâm Đồng
    "75": ["70", "75"],          # Đồng Nai     = Bình Phước + Đồng Nai
    "79": ["74", "77", "79"],    # TP. Hồ Chí Minh = Bình Dương + Bà Rịa - Vũng Tàu + TP. HCM
    "80": ["72", "80"],          # Tây Ninh     = Tây Ninh + Long An
    "82": ["82", "87"],          # Đồng Tháp    = Tiền Giang + Đồng Tháp
    "86": ["83", "84", "86"],    # Vĩnh Long    = Bến Tre + Trà Vinh + Vĩnh Long
    "91": ["89", "91"],          # An Giang     = An Giang + Kiên Giang
    "92": ["92", "93", "94"],    # Cần Thơ      = Cần Thơ + Hậu Giang + Sóc Trăng
    "96": ["95", "96"],          # Cà Mau       = Bạc Liêu + Cà Mau
}

RRD = "Red River Delta"
NMM = "Northern Midlands and Mountains"
NCC = "North Central and Central Coast"
CH = "Central Highlands"
SE = "South East"
MRD = "Mekong River Delta"

# The six socio-economic regions of the 63 provinces (GSO classification).
REGION_2024 = {
    RRD: ["01", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37"],
    NMM: ["02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "24", "25"],
    NCC: ["38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60"],
    CH: ["62", "64", "66", "67", "68"],
    SE: ["70", "72", "74", "75", "77", "79"],
    MRD: ["80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"],
}
# The 34 units: the region used in statistical releases after 1 July 2025, which
# follows the region of the unit's seat (see README.md for the cross-region mergers).
REGION_2025 = {
    RRD: ["01", "22", "24", "31", "33", "37"],
    NMM: ["04", "08", "11", "12", "14", "15", "19", "20", "25"],
    NCC: ["38", "40", "42", "44", "46", "48", "51", "56"],
    CH: ["52", "66", "68"],
    SE: ["75", "79", "80"],
    MRD: ["82", "86", "91", "92", "96"],
}

# Centrally-run cities (thành phố trực thuộc trung ương) among the 63 as they stood in
# 2024. Huế (code 46) became the sixth on 1 January 2025 (Resolution 175/2024/QH15);
# the 2024 registry keeps the name and type of 2024 (see README.md).
CITIES_2024 = {"01", "31", "48", "79", "92"}

# English (ASCII) names that are not the plain diacritic-free Vietnamese name.
NAME_EN = {"79": "Ho Chi Minh City"}

# Spelling normalisations applied to the package's names: the modern tone-mark
# placement used by Resolution 202/2025/QH15 (Hòa, not Hoà) and the 2024 name of
# Thừa Thiên Huế (the 0.6.0 package already carries the 2025 name).
NAME_2024_OVERRIDE = {"46": "Thừa Thiên Huế"}
TONE_FIX = {"Hoà": "Hòa", "Khánh Hoà": "Khánh Hòa", "Thanh Hoá": "Thanh Hóa"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def ascii_name(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def strip_prefix(name):
    for p in ("Tỉnh ", "Thành phố "):
        if name.startswith(p):
            return name[len(p):]
    return name


def load_pkg(folder):
    with open(os.path.join(folder, "nested-divisions.json"), encoding="utf-8") as f:
        data = json.load(f)
    return [(f"{p['code']:02d}", nfc(p["name"]), p["division_type"]) for p in data]


def region_of(table, code):
    hits = [r for r, codes in table.items() if code in codes]
    assert len(hits) == 1, (code, hits)
    return hits[0]


def fix_tones(name):
    for a, b in TONE_FIX.items():
        name = name.replace(a, b)
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pkg2025", required=True)
    ap.add_argument("--pkg2024", required=True)
    ap.add_argument("--facts")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()

    facts = {}
    if a.facts:
        with open(a.facts, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                facts[row["code"]] = (row["population"], row["area_km2"])

    new = load_pkg(a.pkg2025)
    old = load_pkg(a.pkg2024)
    assert len(new) == 34 and len(old) == 63

    successor = {}
    for new_code, olds in MERGERS.items():
        for o in olds:
            assert o not in successor
            successor[o] = new_code
    new_codes = {c for c, _, _ in new}
    for c, _, _ in old:
        successor.setdefault(c, c)  # unchanged units keep their code
    assert set(successor.values()) == new_codes, set(successor.values()) ^ new_codes

    header = ["code", "name", "name_en", "type", "region", "population", "area_km2",
              "valid_from", "valid_to", "successors"]

    rows25 = []
    for code, name, dtype in sorted(new):
        kind = "city" if dtype == "thành phố trung ương" else "province"
        name = fix_tones(name)
        en = NAME_EN.get(code, ascii_name(strip_prefix(name)))
        pop, area = facts.get(code, ("", ""))
        rows25.append([code, name, en, kind, region_of(REGION_2025, code), pop, area,
                       VALID_FROM_2025, "", ""])

    rows24 = []
    names24 = {}
    for code, name, _ in sorted(old):
        name = fix_tones(NAME_2024_OVERRIDE.get(code, name))
        kind = "city" if code in CITIES_2024 else "province"
        if kind == "province":
            name = strip_prefix(name)
        elif not name.startswith("Thành phố "):
            name = "Thành phố " + name
        names24[code] = name
        en = NAME_EN.get(code, ascii_name(strip_prefix(name)))
        rows24.append([code, name, en, kind, region_of(REGION_2024, code), "", "",
                       VALID_FROM_2024, VALID_TO_2024, successor[code]])

    names25 = {r[0]: r[1] for r in rows25}
    cross = [[c, names24[c], successor[c], names25[successor[c]], VALID_FROM_2025]
             for c in sorted(names24)]

    def write(fname, head, rows):
        with open(os.path.join(a.out, fname), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(head)
            w.writerows(rows)

    write("vn-provinces-2025.csv", header, rows25)
    write("vn-provinces-2024.csv", header, rows24)
    write("vn-crosswalk-2025.csv", ["from_code", "from_name", "to_code", "to_name", "valid_from"], cross)
    print(f"wrote {len(rows25)} + {len(rows24)} units, {len(cross)} crosswalk rows to {a.out}")


if __name__ == "__main__":
    main()
