#!/usr/bin/env python3
"""Exact equal-risk-contribution weights for Riskfolio-Lib's test_classic_riskparity_optimization (MV column).

Riskfolio solves min ½wᵀΣw − b·Σlog w with a conic solver (Clarabel/ECOS/SCS) and normalises; the published
weights carry that solver's tolerance (~3e-6). The optimum is unique: Newton's method on the same barrier
problem to machine precision. Σ is the sample covariance of the last 200 complete daily returns of the
test's 10 assets. usage: python3 scripts/conformance/exact-risk-parity.py ../shared/data/riskfolio/stock_prices.csv
"""
import sys
import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/riskfolio/stock_prices.csv"
header = open(path).readline().strip().split(",")[1:]
assets = sorted(["JCI", "TGT", "CMCSA", "CPB", "MO", "AMZN", "APA", "MMC", "JPM", "ZION"])
P = np.genfromtxt(path, delimiter=",", skip_header=1)[:, 1:][:, [header.index(a) for a in assets]]
R = P[1:] / P[:-1] - 1
R = R[~np.isnan(R).any(axis=1)][-200:]
S = np.cov(R.T)
n = len(assets)
b = np.full(n, 1.0 / n)
x = 1 / np.sqrt(np.diag(S))
for _ in range(100):
    g = S @ x - b / x
    H = S + np.diag(b / x**2)
    step = np.linalg.solve(H, g)
    t = 1.0
    while np.any(x - t * step <= 0):
        t /= 2
    x = x - t * step
    if np.abs(g).max() < 1e-18:
        break
w = x / x.sum()
print([float(v) for v in w])
