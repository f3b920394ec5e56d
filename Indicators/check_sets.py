#!/usr/bin/env python3
"""Check the shipped Vietnamese criteria sets (qd2244-provinces.yaml, dti-provinces-2022.yaml,
or the files named) without the Swift engine.

Needs PyYAML. For each set: only the documented keys, ids valid and unique, weights
positive, the unit registry present, every `denominate.by` naming a registry attribute
(column) or an indicator of the set, every `impute.by` naming a registry column.
With --data FILE.csv (long layout) it also checks that the data cover exactly the
scored indicators for the registry's units, and reports the gaps.
Exit status 0 when everything passes, 1 otherwise.
"""
import argparse
import csv
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SET_KEYS = {"id", "version", "name", "source", "notes", "language", "scale", "precision",
            "ties", "units", "defaults", "root"}
STEP_KEYS = {"denominate", "impute", "treat", "transform", "normalise", "aggregate", "screen"}
NODE_KEYS = {"id", "name", "description", "unit", "direction", "weight", "target", "source",
             "notes", "scored", "children"} | (STEP_KEYS - {"screen"})
ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
DEFAULT_SETS = ["qd2244-provinces.yaml", "dti-provinces-2022.yaml"]
problems = []


def walk(node, path, out):
    out.append((path, node))
    for i, ch in enumerate(node.get("children") or []):
        walk(ch, f"{path}.children[{i}]", out)


def check_set(path, data_file):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    name = os.path.basename(path)
    for k in doc:
        if k not in SET_KEYS:
            problems.append(f"{name}: unknown set key {k!r}")
    for k in doc.get("defaults") or {}:
        if k not in STEP_KEYS:
            problems.append(f"{name}: unknown defaults key {k!r}")
    reg_path = os.path.join(os.path.dirname(path), doc["units"])
    with open(reg_path, encoding="utf-8", newline="") as f:
        reg = list(csv.DictReader(f))
    columns = set(reg[0])
    nodes = []
    walk(doc["root"], "root", nodes)
    ids = {}
    indicators = []
    for p, n in nodes:
        for k in n:
            if k not in NODE_KEYS:
                problems.append(f"{name}: {p}: unknown node key {k!r}")
        nid = n.get("id")
        if nid is not None:
            if not ID_RE.match(str(nid)):
                problems.append(f"{name}: {p}.id {nid!r} invalid")
            if nid in ids:
                problems.append(f"{name}: {p}.id {nid!r} duplicates {ids[nid]}")
            ids[nid] = p
        if "weight" in n and not (isinstance(n["weight"], (int, float)) and n["weight"] > 0):
            problems.append(f"{name}: {p}.weight must be positive")
        if not n.get("children"):
            indicators.append(n)
            if not nid:
                problems.append(f"{name}: {p}: indicator without id")
        elif n.get("scored") is False:
            problems.append(f"{name}: {p}: scored: false on a non-indicator")
    ind_ids = {n["id"] for n in indicators}
    for p, n in nodes:
        for step in ("denominate", "impute"):
            by = (n.get(step) or {}).get("by")
            if by is None:
                continue
            ok = by in columns or (step == "denominate" and by in ind_ids)
            if not ok:
                problems.append(f"{name}: {p}.{step}.by {by!r} is neither a registry column nor an indicator")
    by = ((doc.get("defaults") or {}).get("impute") or {}).get("by")
    if by is not None and by not in columns:
        problems.append(f"{name}: defaults.impute.by {by!r} is not a registry column")
    scored = sorted(n["id"] for n in indicators if n.get("scored", True))
    print(f"{name}: {len(nodes)} nodes, {len(indicators)} indicators ({len(scored)} scored), "
          f"registry {doc['units']} ({len(reg)} units)")
    if data_file:
        check_data(data_file, scored, [r["code"] for r in reg])


def check_data(path, scored, units):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    periods = sorted({r["period"] for r in rows})
    have = {(r["unit"], r["indicator"], r["period"]) for r in rows}
    if len(have) != len(rows):
        problems.append(f"{path}: duplicate unit/indicator/period rows")
    for r in rows:
        if r["unit"] not in units:
            problems.append(f"{path}: unknown unit {r['unit']!r}")
        if r["indicator"] not in scored:
            problems.append(f"{path}: indicator {r['indicator']!r} not a scored indicator of the set")
        try:
            float(r["value"])
        except ValueError:
            problems.append(f"{path}: value {r['value']!r} not a number")
    full = len(units) * len(scored) * len(periods)
    gaps = sorted(k for k in ((u, i, p) for u in units for i in scored for p in periods) if k not in have)
    print(f"{os.path.basename(path)}: {len(rows)} rows = {len(units)} units x {len(scored)} indicators "
          f"x {len(periods)} periods ({full}) - {len(gaps)} gaps")
    for g in gaps:
        print("  gap:", ",".join(g))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--data", help="long observations CSV to check against the (single) set")
    a = ap.parse_args()
    sets = a.sets or [os.path.join(HERE, f) for f in DEFAULT_SETS]
    for s in sets:
        check_set(s, a.data)
    for p in problems:
        print(p)
    print(f"criteria sets: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
