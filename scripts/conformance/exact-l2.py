#!/usr/bin/env python3
"""Exact figures for PyPortfolioOpt's EfficientCVaR/EfficientCDaR test_efficient_risk_L2_reg (numpy only).

With γ = 1 the caps (CVaR 0.03, CDaR 0.18) do not bind, so the optimum is argmax μᵀw − ‖w‖² on the long-only
simplex, w = clip((μ − ν)/2, 0, 1) with ν set by bisection so Σw = 1 (unique). Its historical CVaR / CDaR
(β = 0.95, uncompounded drawdowns from 0) are printed; the published figures are the slack LP variables.
usage: python3 scripts/conformance/exact-l2.py ../shared/data/pypfopt/stock_prices.csv
"""
import sys
import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/pypfopt/stock_prices.csv"
P = np.genfromtxt(path, delimiter=",", skip_header=1)[:, 1:]
P = P[~np.isnan(P).any(axis=1)]  # prices.dropna(), as setup_efficient_cvar
R = P[1:] / P[:-1] - 1
mu = np.exp(np.log1p(R).sum(0) * 252 / len(R)) - 1
lo, hi = -10.0, 10.0
for _ in range(200):
    nu = (lo + hi) / 2
    if np.clip((mu - nu) / 2, 0, 1).sum() > 1:
        lo = nu
    else:
        hi = nu
w = np.clip((mu - nu) / 2, 0, 1)
beta, T = 0.95, len(R)
pr = R @ w


def tail(x):
    # Rockafellar–Uryasev: min over α of α + Σ max(x − α, 0)/((1 − β)T); the minimiser is a sample point
    xs = np.sort(x)
    k = int(beta * T)
    return min(a + np.maximum(x - a, 0).sum() / ((1 - beta) * T) for a in xs[max(0, k - 3):k + 3])


cum = np.cumsum(pr)
dd = np.maximum.accumulate(np.concatenate([[0.0], cum]))[1:] - cum
print({"return": float(w @ mu), "cvar": float(tail(-pr)), "cdar": float(tail(dd))})
