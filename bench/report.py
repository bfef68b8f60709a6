#!/usr/bin/env python3
"""Compares the Java side (java.json) with the NumPy/SciPy peer (peer.json) of the harness in
bench/ on the same instances: checks that both computed the same numbers (evaluation counts, end
states) and prints every ratio of issue 18 against its target. Usage: python3 bench/report.py DIR"""
import json
import os
import sys

import numpy as np


def state(d, name):
    p = os.path.join(d, name)
    return np.fromfile(p, dtype="<f8") if os.path.exists(p) else None


def point(y):
    u = y[1:]
    return y[0] * u / np.sqrt(u @ u)


def verdict(ok):
    return "meets target" if ok else "SHORT of target"


def merged(d, name):
    """The per-size files n*/name (written as each size finishes) merged into one record."""
    parts = []
    for sub in sorted(os.listdir(d)):
        p = os.path.join(d, sub, name)
        if sub.startswith("n") and os.path.exists(p):
            with open(p) as f:
                parts.append(json.load(f))
    if not parts:
        with open(os.path.join(d, name)) as f:
            return json.load(f)
    out = dict(parts[0])
    out["sizes"] = {}
    for q in parts:
        out["sizes"].update(q["sizes"])
        for k in q:
            if k.startswith("scalar_fallback"):
                out[k] = q[k]
    out["load_start"] = min(q["load_start"] for q in parts)
    out["load_end"] = max(q["load_end"] for q in parts)
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
    jv, py = merged(d, "java.json"), merged(d, "peer.json")
    print("machine load (1-min average): java %.2f -> %.2f, peer %.2f -> %.2f; backend %s; %s; numpy %s, BLAS threads %s"
          % (jv["load_start"], jv["load_end"], py["load_start"], py["load_end"], jv["backend"], jv["java"],
             py["numpy"], py["blas_threads"]))
    print("floor: peak FMA %.2f GFMA/s on one core" % (jv["floors"]["fma_per_s_1core"] / 1e9))
    scal = [k for k in jv if k.startswith("scalar_fallback")]
    rows = []
    for n, j in sorted(jv["sizes"].items(), key=lambda kv: int(kv[0])):
        if n not in py["sizes"]:
            continue
        p = py["sizes"][n]
        idir = os.path.join(d, "n" + n)
        m = 150
        print("\nN = %s, M = %d (A = %.2f MB)" % (n, m, 8 * m * int(n) / 1e6))
        rhs = j["rhs"]
        fl = j["rhs_floor_s"]
        print("  RHS  floor %.1f us (read %.1f GB/s); fused 1 thread %.1f us = %.2f x floor [target <= 2: %s]; "
              "2 threads %.1f us; emitted kernel %.1f us; NumPy %.1f us -> NumPy/fused %.2f (1t), %.2f (2t)"
              % (fl * 1e6, j["read_bytes_per_s"] / 1e9, rhs["fused_1t_s"] * 1e6, rhs["fused_1t_s"] / fl,
                 verdict(rhs["fused_1t_s"] / fl <= 2), rhs["fused_2t_s"] * 1e6, rhs["emitted_s"] * 1e6,
                 p["rhs_s"] * 1e6, p["rhs_s"] / rhs["fused_1t_s"], p["rhs_s"] / rhs["fused_2t_s"]))
        ys = state(idir, "peer-w1.f64")
        w1 = j["w1"]
        for key in [k for k in w1]:
            e = w1[key]
            yj = state(idir, "java-w1-%s.f64" % key.replace("fast_", ""))
            diff = float(np.max(np.abs(yj - ys))) if yj is not None else float("nan")
            dn = (e["nfev"] - p["w1"]["nfev"]) / p["w1"]["nfev"]
            ratio = p["w1"]["seconds"] / e["seconds"]
            fast = key.startswith("fast")
            print("  W1   %-16s %7.2f s, nfev %7d (SciPy %d, %+.2f%%), |y_java - y_scipy|_max = %.1e; SciPy %.2f s -> ratio %.2f%s"
                  % (key, e["seconds"], e["nfev"], p["w1"]["nfev"], 100 * dn, diff, p["w1"]["seconds"], ratio,
                     ("  [>= 3x: %s; nfev within 5%%: %s; end state to 1e-8: %s]"
                      % (verdict(ratio >= 3), verdict(abs(dn) <= 0.05), verdict(diff <= 1e-8))) if fast else ""))
        yw = state(idir, "peer-w2.f64")
        w2 = j["w2"]
        for key, e in w2.items():
            if key == "discrete_descent":
                xj = state(idir, "java-w2-discrete_descent-x.f64")
                diff = float(np.max(np.abs(xj - point(yw))))
                what = "|x_java - x_numpy|_max"
            else:
                yj = state(idir, "java-w2-%s.f64" % key.replace("fast_", ""))
                diff = float(np.max(np.abs(yj - yw)))
                what = "|y_java - y_numpy|_max"
            ratio = p["w2"]["seconds"] / e["seconds"]
            print("  W2   %-16s %7.2f s for %d steps, %s = %.1e; NumPy %.2f s -> ratio %.2f%s"
                  % (key, e["seconds"], e["steps"], what, diff, p["w2"]["seconds"], ratio,
                     ("  [>= 3x: %s]" % verdict(ratio >= 3)) if key.startswith("fast") else ""))
        rows.append((int(n), w1["fast_1t"]["seconds"], w1["fast_1t"]["seconds"] / w1["fast_1t"]["nfev"],
                     w2["fast_1t"]["seconds"], p["w1"]["seconds"], p["w2"]["seconds"]))
    if len(rows) > 1:
        rows.sort()
        n0 = rows[0]
        print("\nscaling, time / (N M) relative to N = %d (target: not growing, i.e. <= 1 up to noise)" % n0[0])
        for r in rows:
            k = n0[0] / r[0]
            print("  N = %4d: W1 total %.2f, W1 per evaluation %.2f, W2 %.2f   (SciPy W1 %.2f, NumPy W2 %.2f)"
                  % (r[0], r[1] * k / n0[1], r[2] * k / n0[2], r[3] * k / n0[3], r[4] * k / n0[4], r[5] * k / n0[5]))
    for k in scal:
        print("\nplain-Java fallback (bit-identical to the vector backend), %s: %.1f us per RHS" % (k[16:], jv[k] * 1e6))


if __name__ == "__main__":
    main()
