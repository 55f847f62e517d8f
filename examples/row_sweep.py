#!/usr/bin/env python3
"""Row sizes from the minimum up, for two flows, through the Python module:
latency and toggle estimate per row into a CSV (and a PNG when matplotlib
imports). With --time, the same sweep run by the CLI (build/lowwear map)
is timed too and both times are printed.

usage: PYTHONPATH=python examples/row_sweep.py CIRCUIT [-o OUT.csv]
           [--rows 10] [--flows lowwear,losss] [--time]"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time

import lowwear


def sweep(circuit, flows, rows):
    out = []
    for flow in flows:
        least = lowwear.map(circuit, flow=flow, cec=False).cells
        for row in range(least, least + rows):
            p = lowwear.map(circuit, flow=flow, row=row, cec=False)
            out.append({"flow": flow, "row": row, "latency": p.cycles,
                        "toggle_estimate": p.metrics["toggle_estimate"]})
    return out


def cli_sweep(binary, circuit, rows_done):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "p.json")
        for r in rows_done:
            subprocess.run([binary, "map", circuit, "--flow", r["flow"],
                            "--row", str(r["row"]), "--no-cec", "-o", out],
                           check=True, capture_output=True)


def plot(rows, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    for flow in sorted({r["flow"] for r in rows}):
        mine = [r for r in rows if r["flow"] == flow]
        plt.plot([r["row"] for r in mine], [r["latency"] for r in mine],
                 marker="o", label=flow)
    plt.xlabel("row (cells)")
    plt.ylabel("latency (cycles)")
    plt.legend()
    plt.savefig(path)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("circuit")
    ap.add_argument("-o", default="row_sweep.csv")
    ap.add_argument("--rows", type=int, default=10)
    ap.add_argument("--flows", default="lowwear,losss")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--binary", default="build/lowwear")
    a = ap.parse_args()
    t0 = time.perf_counter()
    rows = sweep(a.circuit, a.flows.split(","), a.rows)
    python_s = time.perf_counter() - t0
    with open(a.o, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    png = os.path.splitext(a.o)[0] + ".png"
    print("wrote %s%s" % (a.o, " and " + png if plot(rows, png) else ""))
    if a.time:
        t0 = time.perf_counter()
        cli_sweep(a.binary, a.circuit, rows)
        print("python %.2f s, cli %.2f s (%d maps each)"
              % (python_s, time.perf_counter() - t0, len(rows)))


if __name__ == "__main__":
    try:
        main()
    except lowwear.Error as e:
        sys.exit("row_sweep: %s" % e)
