#!/usr/bin/env python3
"""Issue 18 (W5): the two paper-kind instances of Chou et al.'s limit claims, as instance files.

A = G / sqrt(M) with G standard Gaussian, b = A |z| with z standard Gaussian, L = 2, r0 = 1,
u0 = |g| / ||g|| (uniform on the positive part of the sphere, as the paper draws it).
  chou-paper-n200.json  : N = 200,  M = 30,  eta = 0.02 (gamma(r0, r_inf) underflows double)
  chou-eta01-n1000.json : N = 1000, M = 150, eta = 0.1
Seeded (numpy default_rng): the same files on every machine.
Usage: python3 bench/limit_instances.py [DIR]   (DIR defaults to bench/instances)
"""
import json
import os
import sys

import numpy as np

CASES = [("chou-paper-n200.json", 200, 30, 0.02, 18200), ("chou-eta01-n1000.json", 1000, 150, 0.1, 181000)]


def instance(n, m, eta, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((m, n)) / np.sqrt(m)
    z = np.abs(rng.standard_normal(n))
    g = np.abs(rng.standard_normal(n))
    return {"format": "wnverify-instance/2", "problem": "diagonal-net", "A": a.tolist(), "b": (a @ z).tolist(),
            "L": 2, "r0": 1.0, "u0": (g / np.linalg.norm(g)).tolist(), "eta": eta}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "instances")
    os.makedirs(out, exist_ok=True)
    for name, n, m, eta, seed in CASES:
        with open(os.path.join(out, name), "w") as f:
            json.dump(instance(n, m, eta, seed), f)
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
