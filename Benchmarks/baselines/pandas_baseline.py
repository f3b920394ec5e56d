#!/usr/bin/env python3
"""Vectorised pandas/numpy baseline for cityindex-bench (issue 7).

Reads the same CityIndex store (sqlite3 module) one period at a time, then per period: min-max normalisation to
0-100 (direction-aware), weighted arithmetic means over the three-level tree with weights
re-normalised over present children, competition ranks of the index. Writes one CSV:
period,unit,score,rank (ranked units only), and prints the wall time of its own work.

usage: pandas_baseline.py --db STORE --tree TREE.json --out RESULT.csv
"""
import argparse
import json
import sqlite3
import time

import numpy as np
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    start = time.perf_counter()
    tree = json.load(open(a.tree))
    nodes = {n["id"]: n for n in tree["nodes"]}
    indicators = [n["id"] for n in tree["nodes"] if not n["children"]]
    con = sqlite3.connect(a.db)
    periods = sorted(p for (p,) in con.execute("SELECT DISTINCT period FROM observation"))
    scale = float(tree["scale"])
    out = []
    # One period at a time, as CityIndex scores: the whole long table of a national panel
    # (21 M rows) would not fit in memory as pandas objects.
    for period in periods:
        g = pd.read_sql_query(
            "SELECT unit, indicator, value FROM observation WHERE period = ?", con, params=(period,))
        m = g.pivot(index="unit", columns="indicator", values="value").reindex(columns=indicators)
        m = m.sort_index()
        lo, hi = m.min(), m.max()
        span = (hi - lo).replace(0, np.nan)
        lower = np.array([nodes[i]["direction"] == "lower" for i in indicators])
        s = (m - lo) / span * scale
        s.loc[:, lower] = ((hi - m) / span * scale).loc[:, lower]
        scores = {i: s[i].to_numpy() for i in indicators}

        def score(node_id):
            n = nodes[node_id]
            if not n["children"]:
                return scores[node_id]
            parts = np.column_stack([score(c) for c in n["children"]])
            w = np.array([nodes[c]["weight"] for c in n["children"]], dtype=float)
            present = ~np.isnan(parts)
            num = np.where(present, parts, 0.0) @ w
            den = present.astype(float) @ w
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where(den > 0, num / den, np.nan)

        index = pd.Series(score(tree["root"]), index=m.index).dropna()
        ranks = index.rank(method="min", ascending=False).astype(int)
        out.append(pd.DataFrame({"period": period, "unit": index.index, "score": index.values, "rank": ranks.values}))
    con.close()
    result = pd.concat(out)
    result.to_csv(a.out, index=False, float_format="%.17g")
    print(f"pandas baseline: {len(result)} ranked unit-periods in {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
