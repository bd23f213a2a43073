"""Independent numpy reference for the backtest conformance test (run by hand; prints JSON).

Monthly-rebalanced AAPL/XOM/JPM (0.5/0.3/0.2) on ../shared/data/pypfopt/stock_prices.csv with
10 bps proportional costs and a 2 % risk-free rate on the 0 % cash, benchmark WMT. Conventions as in
src-main/core/backtest/README.md. Usage: python3 backtest_reference.py PATH/TO/stock_prices.csv
"""
import csv
import json
import sys

import numpy as np

path = sys.argv[1]
rows = list(csv.reader(open(path)))
header = rows[0]
cols = [header.index(t) for t in ("AAPL", "XOM", "JPM")]
bcol = header.index("WMT")
dates = [r[0] for r in rows[1:]]
P = np.array([[float(r[c]) for c in cols] for r in rows[1:]])
B = np.array([float(r[bcol]) for r in rows[1:]])
w = np.array([0.5, 0.3, 0.2])
k = 10 / 10_000
V0 = 10_000.0

n = len(dates)
holdings = np.zeros(3)
equity = np.zeros(n)
costs = 0.0
turnovers = []
for t in range(n):
    if t > 0:
        holdings *= P[t] / P[t - 1]
    V = holdings.sum() if t > 0 else V0
    if t == 0 or dates[t][:7] != dates[t - 1][:7]:
        # V' = V - k * sum|w V' - h|: solve by bisection on the monotone residual (independent of the engine's iteration).
        lo, hi = 0.0, V
        for _ in range(200):
            mid = (lo + hi) / 2
            if mid + k * np.abs(w * mid - holdings).sum() > V:
                hi = mid
            else:
                lo = mid
        Vp = (lo + hi) / 2
        trade = w * Vp - holdings
        turnovers.append(0.5 * (np.abs(trade).sum() + abs(trade.sum())) / V)
        costs += V - Vp
        holdings = w * Vp
        V = Vp
    equity[t] = V

r = equity[1:] / equity[:-1] - 1
rfd = 1.02 ** (1 / 252) - 1
ex = r - rfd
days = len(r)
peak = np.maximum.accumulate(equity)
under = equity / peak - 1
rb = B[1:] / B[:-1] - 1
kk = int(np.ceil(0.05 * days - 1e-9))
srt = np.sort(r)
beta = np.cov(r, rb, ddof=1)[0, 1] / np.var(rb, ddof=1)
active = r - rb
out = {
    "rebalances": len(turnovers),
    "finalValue": equity[-1],
    "totalCosts": costs,
    "cagr": (equity[-1] / V0) ** (252 / days) - 1,
    "volatility": np.std(r, ddof=1) * np.sqrt(252),
    "sharpe": ex.mean() / np.std(ex, ddof=1) * np.sqrt(252),
    "sortino": ex.mean() * 252 / (np.sqrt(np.mean(np.minimum(ex, 0) ** 2)) * np.sqrt(252)),
    "maxDrawdown": under.min(),
    "var95": -srt[kk - 1],
    "cvar95": -srt[:kk].mean(),
    "turnover": sum(turnovers[1:]) / (days / 252),
    "beta": beta,
    "alpha": 252 * (r.mean() - rfd - beta * (rb.mean() - rfd)),
    "trackingError": np.std(active, ddof=1) * np.sqrt(252),
    "informationRatio": active.mean() * 252 / (np.std(active, ddof=1) * np.sqrt(252)),
}
print(json.dumps({key: float(v) for key, v in out.items()}, indent=2))
