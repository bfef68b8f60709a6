#!/usr/bin/env python3
"""Peer implementation of one WN-GD run of Chou, Rauhut, Ward Section 4, for a speed comparison.

Reads the trial written by the Java side (org.wnverify.check.experiments.PeerBench): A (M x N,
row-major), b, the initial direction u0, r0, eta~; runs WN-GD on L(x) = ||A x^2 - b||^2 / 4 with
x = r u / ||u||, learning rates (eta~, 1), the same step rule as the Java code (Armijo
backtracking from h = 0.1, never above 0.1, step grown by 2^(1/8) after each accepted step,
sufficient-decrease constant 1e-4), stopped at loss <= 1e-12 or 10^6 iterations. Prints the same
line as the Java side. Not part of the toolkit; numpy is not a runtime dependency.

Usage: OPENBLAS_NUM_THREADS=1 python3 bench/wn_gd.py trial.json
"""
import json
import sys
import time

import numpy as np

ARMIJO = 1e-4
GROWTH = 2.0 ** 0.125
STEP = 0.1
MIN_STEP = 1e-300


def main(path):
    with open(path) as f:
        t = json.load(f)
    m, n = t["M"], t["N"]
    a = np.ascontiguousarray(np.array(t["A"], dtype=np.float64).reshape(m, n))
    b = np.array(t["b"], dtype=np.float64)
    u = np.array(t["u0"], dtype=np.float64)
    r = float(t["r0"])
    eta = float(t["eta"])
    depth = int(t["L"])
    assert depth == 2
    cap, target = 1_000_000, 1e-12

    def loss_of(r, u):
        nu = np.sqrt(u @ u)
        x = (r / nu) * u
        res = a @ (x * x) - b
        return (res @ res) / (2.0 * depth), x, res, nu

    t0 = time.perf_counter()
    loss, x, res, nu = loss_of(r, u)
    h = STEP
    it = evals = 0
    evals = 1
    while loss > target and it < cap:
        g = x * (a.T @ res)                 # gradient of L at x (L = 2): x^(L-1) . A^T res
        ug = u @ g
        dr = -eta * ug / nu
        du = -(r / nu) * (g - u * (ug / (nu * nu)))
        pred = dr * dr / eta + du @ du
        if not pred > 0:
            break
        if it > 0:
            h = min(h * GROWTH, STEP)
        while True:
            rt, ut = r + h * dr, u + h * du
            lt, xt, rest, nut = loss_of(rt, ut)
            evals += 1
            if lt <= loss - ARMIJO * h * pred:
                break
            h *= 0.5
            if h < MIN_STEP:
                break
        if h < MIN_STEP:
            break
        r, u, loss, x, res, nu = rt, ut, lt, xt, rest, nut
        it += 1
    sec = time.perf_counter() - t0
    eps1 = np.abs(x * x).sum() - t["minL1"]
    print("numpy: iterations %d, loss evaluations %d, final loss %.4e, eps1 %.6f, final r %.6f, %.2f s, "
          "%.2f us/iteration" % (it, evals, loss, eps1, r, sec, sec / max(it, 1) * 1e6))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "trial.json")
