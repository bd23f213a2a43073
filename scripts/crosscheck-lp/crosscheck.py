#!/usr/bin/env python3
"""Independent numpy/scipy reference values for Frontier's LP/MIP, risk-parity, HRP and discrete
allocation code (test/core/optimize-lp, test/core/allocate).

    python3 scripts/crosscheck-lp/crosscheck.py [SHARED_DATA_DIR]   # default ../shared/data

Writes test/fixtures/crosscheck-lp/<dataset>.json: derived numbers only (objectives, weights, shares),
never the price data. Conventions (ARCHITECTURE.md): daily simple returns p_t/p_{t-1}-1, no fill;
expected returns = CAGR over each asset's own returns (x252); scenarios = rows where every asset has a
return; covariance for HRP / risk parity = sample covariance (ddof 1) of those rows x 252.
LPs: scipy.optimize.linprog (HiGHS); MIPs: scipy.optimize.milp; HRP: scipy.cluster.hierarchy;
risk parity: damped Newton on Spinu's objective (a different algorithm from Frontier's).
"""
import csv, json, math, os, sys
import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog, milp, LinearConstraint, Bounds
from scipy.cluster.hierarchy import linkage, to_tree
from scipy.spatial.distance import squareform

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "test", "fixtures", "crosscheck-lp")


def load(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    tickers = rows[0][1:]
    P = np.array([[float(x) if x != "" else np.nan for x in r[1:]] for r in rows[1:]])
    return tickers, P


def moments(P):
    R = P[1:] / P[:-1] - 1.0
    R = R[~np.all(np.isnan(R), axis=1)]
    mu = np.array([np.prod(1 + c[~np.isnan(c)]) ** (252 / np.sum(~np.isnan(c))) - 1 for c in R.T])
    S = R[~np.any(np.isnan(R), axis=1)]
    cov = np.cov(S, rowvar=False, ddof=1) * 252
    return mu, S, cov


def scenario_lp(S, beta, kind, lb, ub, groups=(), target=None, mu=None, K=None):
    """Returns (objective, weights). Variables: w(n), alpha, then u(T) [CVaR] or u(T), z(T) [CDaR], then z-binaries."""
    T, n = S.shape
    nu = T if kind == "cvar" else 2 * T
    nb = n if K is not None else 0
    nv = n + 1 + nu + nb
    c = np.zeros(nv)
    c[n] = 1.0
    if kind == "cvar":
        c[n + 1:n + 1 + T] = 1 / ((1 - beta) * T)
    else:
        c[n + 1 + T:n + 1 + 2 * T] = 1 / ((1 - beta) * T)
    A, lo, hi = [], [], []
    I = sp.identity(T, format="csr")
    zeros = lambda r, k: sp.csr_matrix((r, k))
    if kind == "cvar":
        # -R w - alpha - u <= 0
        A.append(sp.hstack([-sp.csr_matrix(S), -np.ones((T, 1)), -I, zeros(T, nb)]))
        lo.append(np.full(T, -np.inf)); hi.append(np.zeros(T))
    else:
        # u_t - u_{t-1} + R_t w >= 0 ; z_t - u_t + alpha >= 0
        D = sp.identity(T, format="csr") - sp.eye(T, k=-1, format="csr")
        A.append(sp.hstack([sp.csr_matrix(S), zeros(T, 1), D, zeros(T, T), zeros(T, nb)]))
        lo.append(np.zeros(T)); hi.append(np.full(T, np.inf))
        A.append(sp.hstack([zeros(T, n), np.ones((T, 1)), -I, I, zeros(T, nb)]))
        lo.append(np.zeros(T)); hi.append(np.full(T, np.inf))
    row = np.zeros((1, nv)); row[0, :n] = 1
    A.append(sp.csr_matrix(row)); lo.append([1.0]); hi.append([1.0])
    for members, gmin, gmax in groups:
        row = np.zeros((1, nv)); row[0, members] = 1
        A.append(sp.csr_matrix(row)); lo.append([gmin]); hi.append([gmax])
    if target is not None:
        row = np.zeros((1, nv)); row[0, :n] = mu
        A.append(sp.csr_matrix(row)); lo.append([target]); hi.append([np.inf])
    integrality = np.zeros(nv)
    col_lo = np.concatenate([lb, [-np.inf], np.zeros(nu), np.zeros(nb)])
    col_hi = np.concatenate([ub, [np.inf], np.full(nu, np.inf), np.ones(nb)])
    if K is not None:
        col_lo[:n] = 0
        integrality[n + 1 + nu:] = 1
        for i in range(n):
            row = np.zeros((1, nv)); row[0, i] = 1; row[0, n + 1 + nu + i] = -ub[i]
            A.append(sp.csr_matrix(row)); lo.append([-np.inf]); hi.append([0.0])
        row = np.zeros((1, nv)); row[0, n + 1 + nu:] = 1
        A.append(sp.csr_matrix(row)); lo.append([-np.inf]); hi.append([K])
    A = sp.vstack(A).tocsr()
    lo = np.concatenate([np.asarray(x, float) for x in lo]); hi = np.concatenate([np.asarray(x, float) for x in hi])
    if K is None:
        # linprog form: A_ub x <= b_ub, A_eq x = b_eq
        eq = lo == hi
        up = ~eq & np.isfinite(hi)
        dn = ~eq & np.isfinite(lo)
        A_ub = sp.vstack([A[up], -A[dn]])
        b_ub = np.concatenate([hi[up], -lo[dn]])
        res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A[eq], b_eq=lo[eq],
                      bounds=list(zip(col_lo, col_hi)), method="highs",
                      options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
        assert res.status == 0, res.message
        return float(res.fun), res.x[:n]
    res = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=integrality, bounds=Bounds(col_lo, col_hi),
               options={"mip_rel_gap": 1e-9})
    assert res.status == 0, res.message
    return float(res.fun), res.x[:n]


def cvar_of(S, w, beta):
    L = -(S @ w)
    return min(a + np.sum(np.maximum(L - a, 0)) / ((1 - beta) * len(L)) for a in L)


def cdar_of(S, w, beta):
    C = np.cumsum(S @ w)
    dd = np.maximum.accumulate(np.maximum(C, 0)) - C
    return min(a + np.sum(np.maximum(dd - a, 0)) / ((1 - beta) * len(dd)) for a in dd)


def hrp(cov):
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    dist = np.sqrt(np.clip((1 - corr) / 2, 0, 1))
    np.fill_diagonal(dist, 0)
    order = to_tree(linkage(squareform(dist, checks=False), "single"), rd=False).pre_order()
    w = np.ones(len(cov))
    items = [order]
    def cvar_(c):
        sub = cov[np.ix_(c, c)]
        ivp = 1 / np.diag(sub); ivp /= ivp.sum()
        return ivp @ sub @ ivp
    while items:
        items = [i[j:k] for i in items for j, k in ((0, len(i) // 2), (len(i) // 2, len(i))) if len(i) > 1]
        for a in range(0, len(items), 2):
            v1, v2 = cvar_(items[a]), cvar_(items[a + 1])
            al = 1 - v1 / (v1 + v2)
            w[items[a]] *= al
            w[items[a + 1]] *= 1 - al
    return w, order


def risk_parity(cov, b):
    # damped Newton on f(x) = 0.5 x'Cx - b'log x
    x = 1 / np.sqrt(np.diag(cov))
    for _ in range(200):
        g = cov @ x - b / x
        H = cov + np.diag(b / x**2)
        dx = np.linalg.solve(H, g)
        t = 1.0
        while np.any(x - t * dx <= 0):
            t /= 2
        x = x - t * dx
        if np.max(np.abs(g)) < 1e-15:
            break
    return x / x.sum()


def greedy(w, p, V):
    order = sorted(range(len(w)), key=lambda i: w[i], reverse=True)
    ws = [w[i] for i in order]; ps = [p[i] for i in order]
    bought = [int(ws[k] * V / ps[k]) if ws[k] > 0 else 0 for k in range(len(ws))]
    funds = V - sum(b * q for b, q in zip(bought, ps))
    while funds > 0:
        cur = np.array(ps) * np.array(bought)
        cur = cur / cur.sum()
        deficit = np.array(ws) - cur
        idx = int(np.argmax(deficit)); counter = 0
        while ps[idx] > funds:
            deficit[idx] = 0
            idx = int(np.argmax(deficit))
            if deficit[idx] < 0 or counter == 10:
                break
            counter += 1
        if deficit[idx] <= 0 or counter == 10 or ps[idx] > funds:
            break
        bought[idx] += 1
        funds -= ps[idx]
    out = [0] * len(w)
    for k, i in enumerate(order):
        out[i] = bought[k]
    return out, funds


def integer_alloc(w, p, V):
    n = len(w)
    # variables: shares x (n, integer), u (n); min sum u - p'x (+V)
    c = np.concatenate([-p, np.ones(n)])
    I = np.identity(n)
    A = np.vstack([np.hstack([np.diag(p), I]), np.hstack([-np.diag(p), I]), np.concatenate([p, np.zeros(n)])[None, :]])
    lo = np.concatenate([w * V, -w * V, [-np.inf]]); hi = np.concatenate([np.full(2 * n, np.inf), [V]])
    res = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=np.concatenate([np.ones(n), np.zeros(n)]),
               bounds=Bounds(np.zeros(2 * n), np.concatenate([np.floor(V / p), np.full(n, np.inf)])),
               options={"mip_rel_gap": 1e-12})
    assert res.status == 0, res.message
    x = np.round(res.x[:n]).astype(int)
    return x.tolist(), float(V - p @ x), float(res.fun + V)


def dataset(name, path):
    tickers, P = load(path)
    mu, S, cov = moments(P)
    n = len(tickers)
    T = S.shape[0]
    lb, ub = np.zeros(n), np.ones(n)
    out = {"dataset": name, "tickers": tickers, "T": T, "mu": mu.tolist(), "cases": {}}
    cases = out["cases"]

    def record(key, kind, beta, obj, w, **params):
        measure = cvar_of(S, w, beta) if kind == "cvar" else cdar_of(S, w, beta)
        cases[key] = {"kind": kind, "beta": beta, "objective": obj, "measure": float(measure),
                      "expectedReturn": float(mu @ w), "weights": w.tolist(), **params}

    for kind in ("cvar", "cdar"):
        obj, w = scenario_lp(S, 0.95, kind, lb, ub)
        record(f"min-{kind}", kind, 0.95, obj, w)
        target = float(0.5 * (mu @ w + mu.max()))
        obj, w2 = scenario_lp(S, 0.95, kind, lb, ub, target=target, mu=mu)
        record(f"efficient-{kind}", kind, 0.95, obj, w2, targetReturn=target)
    half = n // 2
    groups = [(list(range(half)), -np.inf, 0.4), (list(range(half, n)), 0.3, np.inf)]
    obj, w = scenario_lp(S, 0.9, "cvar", lb, np.full(n, 0.15), groups=groups)
    record("min-cvar-constrained", "cvar", 0.9, obj, w, upper=0.15,
           groups=[{"name": "first-half", "tickers": tickers[:half], "max": 0.4},
                   {"name": "second-half", "tickers": tickers[half:], "min": 0.3}])
    for kind in ("cvar", "cdar"):
        obj, w = scenario_lp(S, 0.95, kind, lb, ub, K=3)
        record(f"min-{kind}-max3", kind, 0.95, obj, w, maxHoldings=3)

    w_hrp, order = hrp(cov)
    cases["hrp"] = {"weights": w_hrp.tolist(), "order": [int(i) for i in order]}
    cases["risk-parity"] = {"weights": risk_parity(cov, np.full(n, 1 / n)).tolist()}
    b = np.arange(1, n + 1, dtype=float); b /= b.sum()
    cases["risk-parity-budgets"] = {"budgets": b.tolist(), "weights": risk_parity(cov, b).tolist()}

    last = np.array([P[~np.isnan(P[:, j]), j][-1] for j in range(n)])
    alloc = []
    for V in (10000.0, 123456.0):
        g, left = greedy(w_hrp.tolist(), last.tolist(), V)
        x, left2, obj = integer_alloc(w_hrp, last, V)
        alloc.append({"cash": V, "greedy": {"shares": g, "leftover": left},
                      "lp": {"shares": x, "leftover": left2, "objective": obj}})
    out["allocation"] = {"weights": "hrp", "prices": "latest", "runs": alloc}
    return out


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name in ("pypfopt", "riskfolio"):
        path = os.path.join(DATA, name, "stock_prices.csv")
        if not os.path.exists(path):
            print(f"skip {name}: {path} not found", file=sys.stderr)
            continue
        res = dataset(name, path)
        with open(os.path.join(OUT, f"{name}.json"), "w") as f:
            json.dump(res, f, indent=1)
        print(f"{name}: T={res['T']} " + ", ".join(f"{k}={v.get('objective', '')}" for k, v in res["cases"].items()))
