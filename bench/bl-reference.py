"""numpy closed-form Black-Litterman posterior (mu and Sigma) with 10 views, the views of bench/engine.ts.

usage: python3 bench/bl-reference.py PRICES.csv   -> one JSON object {n, median_ms, min_ms, cpu_median_ms, checksum}
Sigma = cov(pct_change) * 252; view k holds the assets i % 10 == k equally, Q_k = 0.05 + 0.01 k;
Omega = diag(P tau Sigma P'); tau = 0.05; prior pi = 2.5 Sigma w_eq.
"""
import json, sys, time
import numpy as np

px = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=None, dtype=str)
vals = px[:, 1:].astype(float)
R = vals[1:] / vals[:-1] - 1
S = np.cov(R, rowvar=False) * 252
n, K, tau = S.shape[0], 10, 0.05
P = np.zeros((K, n))
for k in range(K):
    idx = np.arange(k, n, K)
    P[k, idx] = 1.0 / len(idx)
Q = 0.05 + 0.01 * np.arange(K)
pi = 2.5 * S @ np.full(n, 1.0 / n)


def posterior():
    tSP = tau * (S @ P.T)
    A = P @ tSP
    A = A + np.diag(np.diag(A))
    mu = pi + tSP @ np.linalg.solve(A, Q - P @ pi)
    sig = (1 + tau) * S - tSP @ np.linalg.solve(A, tSP.T)
    return mu, sig


wall, cpu = [], []
for _ in range(9):
    c0, t0 = time.process_time(), time.perf_counter()
    mu, sig = posterior()
    wall.append((time.perf_counter() - t0) * 1e3)
    cpu.append((time.process_time() - c0) * 1e3)
print(json.dumps({"n": n, "median_ms": float(np.median(wall)), "min_ms": min(wall), "cpu_median_ms": float(np.median(cpu)),
                  "checksum": {"mu_sum": float(mu.sum()), "sigma_trace": float(np.trace(sig)), "sigma_sum": float(sig.sum())}}))
