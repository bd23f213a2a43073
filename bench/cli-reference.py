"""Reference for `npm run bench -- cli`: the same work as `frontier optimize --prices FILE --json`
done the PyPortfolioOpt way, with numpy and scipy only (PyPortfolioOpt is not installed here, so its
min_volatility / max_sharpe are written out with the same conventions: daily simple returns, no forward
fill, CAGR expected returns, sample covariance x 252, long-only, SLSQP).

usage: python3 cli-reference.py --help | FILE.csv min-volatility|max-sharpe
"""
import sys

if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
    print(__doc__)
    sys.exit(0)

import csv
import json

import numpy as np
from scipy.optimize import minimize

path, objective = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "min-volatility"
with open(path, newline="") as f:
    rows = list(csv.reader(f))
tickers = rows[0][1:]
prices = np.array([[float(x) if x else np.nan for x in r[1:]] for r in rows[1:]])
returns = prices[1:] / prices[:-1] - 1
n = len(tickers)
mu = np.array([np.prod(1 + r[~np.isnan(r)]) ** (252 / np.count_nonzero(~np.isnan(r))) - 1 for r in returns.T])
mask = ~np.isnan(returns).any(axis=1)
cov = np.cov(returns[mask], rowvar=False, ddof=1) * 252
rf = 0.0
bounds = [(0.0, 1.0)] * n
budget = [{"type": "eq", "fun": lambda w: w.sum() - 1}]
w0 = np.full(n, 1 / n)
if objective == "max-sharpe":
    fun = lambda w: -(w @ mu - rf) / np.sqrt(w @ cov @ w)
else:
    fun = lambda w: w @ cov @ w
res = minimize(fun, w0, method="SLSQP", bounds=bounds, constraints=budget, options={"ftol": 1e-12, "maxiter": 500})
w = res.x
vol = float(np.sqrt(w @ cov @ w))
ret = float(w @ mu)
print(json.dumps({"weights": dict(zip(tickers, w.tolist())), "performance": {"expectedReturn": ret, "volatility": vol, "sharpe": (ret - rf) / vol}, "status": "optimal" if res.success else str(res.message)}))
