#!/usr/bin/env python3
"""Independent numpy/scipy cross-check values for Frontier's estimators and mean-variance objectives.

usage: python3 scripts/crosscheck/crosscheck.py ../shared/data > test/fixtures/crosscheck/reference.json

Written from the conventions in docs (PyPortfolioOpt's expected_returns / risk_models formulas, pandas'
ewm(adjust=True, ignore_na=False) semantics) with plain numpy; optimisation answers come from scipy's
SLSQP, then polished by solving the KKT system of the identified active set exactly and checking the
multiplier signs, so the stored weights are exact to ~1e-12 where the check passes.
No pandas: NaN handling is written out (leading NaNs only in the reference data).
"""
import json
import sys
import numpy as np
from scipy.optimize import minimize, brentq

F = 252


def read_wide(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    X = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=range(1, len(header)))
    return header[1:], X


def returns_from_prices(P, log=False):
    R = np.log(P[1:] / P[:-1]) if log else P[1:] / P[:-1] - 1.0
    keep = ~np.all(np.isnan(R), axis=1)  # dropna(how="all")
    return R[keep]


# ---------------------------------------------------------------- expected returns
def mean_historical(R, compounding=True):
    out = []
    for j in range(R.shape[1]):
        r = R[:, j][~np.isnan(R[:, j])]
        out.append(np.prod(1 + r) ** (F / len(r)) - 1 if compounding else r.mean() * F)
    return np.array(out)


def ewm_last(x, span):
    """pandas Series.ewm(span).mean().iloc[-1] with adjust=True, ignore_na=False."""
    a = 2.0 / (span + 1.0)
    T = len(x)
    ages = np.arange(T - 1, -1, -1, dtype=float)
    w = (1 - a) ** ages
    ok = ~np.isnan(x)
    return float(np.sum(w[ok] * x[ok]) / np.sum(w[ok]))


def ema_historical(R, span):
    return np.array([(1 + ewm_last(R[:, j], span)) ** F - 1 for j in range(R.shape[1])])


def capm(R, market=None, rf=0.0):
    mkt = np.nanmean(R, axis=1) if market is None else market
    full = np.column_stack([R, mkt])
    full = full[~np.any(np.isnan(full), axis=1)]
    C = np.cov(full, rowvar=False)
    betas = C[:-1, -1] / C[-1, -1]
    m = full[:, -1]
    mret = np.prod(1 + m) ** (F / len(m)) - 1
    return rf + betas * (mret - rf)


# ---------------------------------------------------------------- risk models
def pairwise_cov(R):
    n = R.shape[1]
    S = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            ok = ~np.isnan(R[:, i]) & ~np.isnan(R[:, j])
            S[i, j] = np.cov(R[ok, i], R[ok, j])[0, 1]
    return S


def fix_psd(S):
    try:
        np.linalg.cholesky(S + 1e-16 * np.eye(len(S)))
        return S, False
    except np.linalg.LinAlgError:
        q, V = np.linalg.eigh(S)
        q = np.where(q > 0, q, 0)
        return V @ np.diag(q) @ V.T, True


def semicov(R, benchmark=0.0):
    D = np.fmin(R - benchmark, 0)  # fmin ignores NaN -> 0
    return D.T @ D / R.shape[0] * F


def exp_cov(R, span):
    n = R.shape[1]
    means = np.nanmean(R, axis=0)
    S = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            S[i, j] = S[j, i] = ewm_last((R[:, i] - means[i]) * (R[:, j] - means[j]), span)
    return S * F


def lw_constant_variance(R):
    """Ledoit & Wolf (2004) toward mu*I, written as in the paper with ddof-0 sample covariance."""
    X = np.nan_to_num(R)
    T, n = X.shape
    X = X - X.mean(axis=0)
    S = X.T @ X / T
    mu = np.trace(S) / n
    Fm = mu * np.eye(n)
    d2 = np.sum((S - Fm) ** 2) / n
    b2bar = sum(np.sum((np.outer(x, x) - S) ** 2) for x in X) / (T * T) / n
    b2 = min(b2bar, d2)
    delta = b2 / d2
    return delta * Fm + (1 - delta) * S, delta


def lw_single_factor(R):
    X = np.nan_to_num(R)
    t, n = X.shape
    Xm = X - X.mean(axis=0)
    xmkt = X.mean(axis=1)
    xm_c = xmkt - xmkt.mean()
    sample = Xm.T @ Xm / t
    betas = Xm.T @ xm_c / t
    varmkt = xm_c @ xm_c / t
    Fm = np.outer(betas, betas) / varmkt
    np.fill_diagonal(Fm, np.diag(sample))
    c = np.sum((sample - Fm) ** 2)
    y = Xm ** 2
    p = np.sum(y.T @ y) / t - np.sum(sample ** 2)
    rdiag = np.sum(y ** 2) / t - np.sum(np.diag(sample) ** 2)
    z = Xm * xm_c[:, None]  # the demeaned market, as PyPortfolioOpt 1.5.6 (an older release used the raw one)
    v1 = y.T @ z / t - betas[:, None] * sample
    roff1 = np.sum(v1 * betas[None, :]) / varmkt - np.sum(np.diag(v1) * betas) / varmkt
    v3 = z.T @ z / t - varmkt * sample
    roff3 = np.sum(v3 * np.outer(betas, betas)) / varmkt ** 2 - np.sum(np.diag(v3) * betas ** 2) / varmkt ** 2
    r = rdiag + 2 * roff1 - roff3
    delta = max(0.0, min(1.0, (p - r) / c / t))
    return delta * Fm + (1 - delta) * sample, delta


def lw_constant_correlation(R):
    X = np.nan_to_num(R)
    t, n = X.shape
    S = pairwise_cov(R)
    var = np.diag(S)
    std = np.sqrt(var)
    rbar = (np.sum(S / np.outer(std, std)) - n) / (n * (n - 1))
    Fm = rbar * np.outer(std, std)
    np.fill_diagonal(Fm, var)
    Xm = X - X.mean(axis=0)
    y = Xm ** 2
    pi_mat = y.T @ y / t - 2 * (Xm.T @ Xm) * S / t + S ** 2
    pi_hat = pi_mat.sum()
    help_ = Xm.T @ Xm / t
    theta = (Xm ** 3).T @ Xm / t - np.diag(help_)[:, None] * S - help_ * var[:, None] + var[:, None] * S
    np.fill_diagonal(theta, 0)
    rho = np.trace(pi_mat) + rbar * np.sum((std[None, :] / std[:, None]) * theta)
    gamma = np.sum((S - Fm) ** 2)
    delta = max(0.0, min(1.0, (pi_hat - rho) / gamma / t))
    return delta * Fm + (1 - delta) * S, delta


# ---------------------------------------------------------------- QP with exact polish
def polish(P, q, Aeq, beq, Ain, bin_, lb, ub, x, tol=1e-7):
    """Solve the KKT system of the active set read off x; return (x, ok)."""
    n = len(q)
    act_lb = np.where(x - lb <= tol)[0]
    act_ub = np.where(ub - x <= tol)[0]
    act_in = [k for k in range(len(bin_)) if Ain[k] @ x - bin_[k] <= tol]
    rows, rhs = [], []
    for k in range(len(beq)):
        rows.append(Aeq[k]); rhs.append(beq[k])
    for k in act_in:
        rows.append(Ain[k]); rhs.append(bin_[k])
    for i in act_lb:
        e = np.zeros(n); e[i] = 1; rows.append(e); rhs.append(lb[i])
    for i in act_ub:
        e = np.zeros(n); e[i] = 1; rows.append(e); rhs.append(ub[i])
    A = np.array(rows).reshape(len(rows), n)
    m = A.shape[0]
    K = np.block([[P, -A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.lstsq(K, np.concatenate([-q, rhs]), rcond=None)[0]
    xs, y = sol[:n], sol[n:]
    ne, ni, nl = len(beq), len(act_in), len(act_lb)
    ok = (np.all(y[ne:ne + ni + nl] >= -1e-9) and np.all(y[ne + ni + nl:] <= 1e-9)
          and np.all(xs >= lb - 1e-10) and np.all(xs <= ub + 1e-10)
          and (len(bin_) == 0 or np.all(Ain @ xs - bin_ >= -1e-10)))
    return xs, bool(ok)


def slsqp_qp(P, q, Aeq, beq, Ain, bin_, lb, ub):
    n = len(q)
    cons = [{"type": "eq", "fun": lambda x, a=a, b=b: a @ x - b, "jac": lambda x, a=a: a} for a, b in zip(Aeq, beq)]
    cons += [{"type": "ineq", "fun": lambda x, a=a, b=b: a @ x - b, "jac": lambda x, a=a: a} for a, b in zip(Ain, bin_)]
    x0 = np.clip(np.full(n, 1.0 / n), lb, ub)
    res = minimize(lambda x: 0.5 * x @ P @ x + q @ x, x0, jac=lambda x: P @ x + q, bounds=list(zip(lb, ub)),
                   constraints=cons, method="SLSQP", options={"ftol": 1e-15, "maxiter": 2000})
    x, ok = polish(P, q, Aeq, beq, Ain, bin_, lb, ub, res.x)
    if not ok:
        raise RuntimeError("polish failed")
    return x


def problem(mu, S, lb, ub, groups=(), l2=0.0):
    n = len(mu)
    Aeq, beq = [np.ones(n)], [1.0]
    Ain, bin_ = [], []
    for members, lo, hi in groups:
        g = np.zeros(n); g[members] = 1
        if lo is not None:
            Ain.append(g); bin_.append(lo)
        if hi is not None:
            Ain.append(-g); bin_.append(-hi)
    return Aeq, beq, Ain, bin_


def solve_all(mu, S, R, tickers):
    n = len(mu)
    lb, ub = np.zeros(n), np.ones(n)
    out = {}
    Aeq, beq, Ain, bin_ = problem(mu, S, lb, ub)
    Z = np.zeros(n)
    out["min-volatility"] = slsqp_qp(2 * S, Z, Aeq, beq, Ain, bin_, lb, ub)
    out["max-utility"] = slsqp_qp(2.0 * S, -mu, Aeq, beq, Ain, bin_, lb, ub)  # delta = 2
    out["efficient-return"] = slsqp_qp(2 * S, Z, Aeq, beq, [mu], [0.2], lb, ub)
    out["l2-min-volatility"] = slsqp_qp(2 * S + 2 * 0.1 * np.eye(n), Z, Aeq, beq, Ain, bin_, lb, ub)
    # bounds 0..0.3 + group (first 3 assets) <= 0.4 and min-vol
    ub3 = np.full(n, 0.3)
    out["boxed-group-min-volatility"] = slsqp_qp(2 * S, Z, Aeq, beq, [-np.r_[np.ones(3), np.zeros(n - 3)]], [-0.4], lb, ub3)
    # max-return (LP): the best asset
    w = np.zeros(n); w[np.argmax(mu)] = 1; out["max-return"] = w
    # max-sharpe via y = kappa w: min y'Sy s.t. (mu-rf)'y = 1, y >= 0, then normalise
    rf = 0.02
    y = slsqp_qp(2 * S, Z, [mu - rf], [1.0], [], [], lb, np.full(n, np.inf))
    out["max-sharpe"] = y / y.sum()
    # efficient-risk (target vol 0.2): on the free set F of SLSQP, w(eta) = (x - eta*y)/(1'x - eta*1'y)
    target = 0.2
    cons = [{"type": "eq", "fun": lambda x: x.sum() - 1},
            {"type": "ineq", "fun": lambda x: target ** 2 - x @ S @ x}]
    res = minimize(lambda x: -mu @ x, np.full(n, 1 / n), bounds=[(0, 1)] * n, constraints=cons, method="SLSQP",
                   options={"ftol": 1e-15, "maxiter": 2000})
    Fr = np.where(res.x > 1e-7)[0]
    SF = S[np.ix_(Fr, Fr)]
    xv = np.linalg.solve(SF, mu[Fr]); yv = np.linalg.solve(SF, np.ones(len(Fr)))
    def wof(eta):
        return (xv - eta * yv) / (xv.sum() - eta * yv.sum())
    def gap(eta):
        wf = wof(eta); return np.sqrt(wf @ SF @ wf) - target
    # bracket around the SLSQP point's eta
    wf0 = res.x[Fr]
    g = SF @ wf0
    eta0 = float(np.median((mu[Fr] - 2 * 1.0 * g)))
    etas = np.linspace(-5, 5, 2001)
    vals = [gap(e) for e in etas]
    best = None
    for k in range(len(etas) - 1):
        if np.sign(vals[k]) != np.sign(vals[k + 1]) and np.isfinite(vals[k]) and np.isfinite(vals[k + 1]):
            e = brentq(gap, etas[k], etas[k + 1], xtol=1e-15)
            wf = wof(e)
            if np.all(wf >= -1e-12):
                cand = np.zeros(n); cand[Fr] = wf
                if best is None or mu @ cand > mu @ best:
                    best = cand
    out["efficient-risk"] = best
    # min-semivariance (benchmark 0): SLSQP on the smooth objective, then polish with the down set fixed
    T = R.shape[0]
    B = R * np.sqrt(F / T)
    f = lambda x: np.sum(np.minimum(B @ x, 0) ** 2)
    df = lambda x: 2 * B.T @ np.minimum(B @ x, 0)
    res = minimize(f, np.full(n, 1 / n), jac=df, bounds=[(0, 1)] * n,
                   constraints=[{"type": "eq", "fun": lambda x: x.sum() - 1}], method="SLSQP",
                   options={"ftol": 1e-16, "maxiter": 3000})
    x = res.x
    for _ in range(20):
        D = (B @ x) < 0
        H = 2 * B[D].T @ B[D]
        x2, ok = polish(H, Z, Aeq, beq, [], [], lb, ub, x)
        if np.array_equal((B @ x2) < 0, D):
            x = x2
            break
        x = x2
    out["min-semivariance"] = x
    return {k: {t: float(v) for t, v in zip(tickers, w)} for k, w in out.items()}


def black_litterman(S, pi, P, Q, tau=0.05, conf=None):
    """Textbook (He & Litterman) form with explicit inverses, deliberately different from the engine's."""
    omega = np.diag(np.diag(tau * P @ S @ P.T))
    if conf is not None:
        omega = np.diag([(1 - c) / c * tau * P[k] @ S @ P[k] for k, c in enumerate(conf)])
    tS_inv = np.linalg.inv(tau * S)
    Oi = np.linalg.inv(omega)
    M = np.linalg.inv(tS_inv + P.T @ Oi @ P)
    post = M @ (tS_inv @ pi + P.T @ Oi @ Q)
    return post, S + M


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    ref = {}
    for name, path in (("pypfopt", f"{base}/pypfopt/stock_prices.csv"), ("riskfolio", f"{base}/riskfolio/stock_prices.csv")):
        tickers, P = read_wide(path)
        R = returns_from_prices(P)
        d = {"tickers": tickers, "T": int(R.shape[0])}
        d["mu"] = {
            "historical": mean_historical(R).tolist(),
            "arithmetic": mean_historical(R, False).tolist(),
            "ema": ema_historical(R, 500).tolist(),
            "capm": capm(R).tolist(),
            "historical-log": mean_historical(returns_from_prices(P, log=True)).tolist(),
        }
        S, fixed = fix_psd(pairwise_cov(R) * F)
        d["sample_repaired"] = fixed
        lw, dlw = lw_constant_variance(R)
        sf, dsf = lw_single_factor(R)
        cc, dcc = lw_constant_correlation(R)
        d["cov"] = {
            "sample": S.tolist(),
            "semicovariance": fix_psd(semicov(R))[0].tolist(),
            "exp": fix_psd(exp_cov(R, 180))[0].tolist(),
            "ledoit-wolf": fix_psd(lw * F)[0].tolist(),
            "ledoit-wolf-single-factor": fix_psd(sf * F)[0].tolist(),
            "ledoit-wolf-constant-correlation": fix_psd(cc * F)[0].tolist(),
        }
        d["shrinkage"] = {"ledoit-wolf": dlw, "ledoit-wolf-single-factor": dsf, "ledoit-wolf-constant-correlation": dcc}
        if name == "riskfolio":
            m = tickers.index("SPY")
            assets = [t for t in tickers if t != "SPY"]
            RA = np.delete(R, m, axis=1)
            d["capm_spy"] = {"tickers": assets, "mu": capm(RA, R[:, m]).tolist()}
            mu = mean_historical(R)
            d["optimize"] = solve_all(mu, S, R, tickers)
            # Black-Litterman: market prior from caps 1..n, delta 2.5, one absolute + one relative view
            caps = np.arange(1, len(tickers) + 1, dtype=float)
            wm = caps / caps.sum()
            pi = 2.5 * S @ wm
            Pv = np.zeros((2, len(tickers))); Pv[0, tickers.index("AMZN")] = 1
            Pv[1, tickers.index("JPM")] = 1; Pv[1, tickers.index("MO")] = -1
            Qv = np.array([0.25, 0.05])
            post, post_cov = black_litterman(S, pi, Pv, Qv)
            post_i, post_cov_i = black_litterman(S, pi, Pv, Qv, conf=[0.6, 0.3])
            rm = R[:, m]
            delta_mkt = (rm.mean() * F - 0.0) / (rm.var(ddof=1) * F)
            d["black_litterman"] = {"caps": dict(zip(tickers, caps.tolist())), "delta": 2.5, "prior": pi.tolist(),
                                    "posterior": post.tolist(), "posterior_cov": post_cov.tolist(),
                                    "idzorek_posterior": post_i.tolist(), "delta_market_spy": float(delta_mkt)}
        ref[name] = d
    json.dump(ref, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
