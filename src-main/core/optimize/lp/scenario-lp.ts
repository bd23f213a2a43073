/**
 * Scenario LPs on T daily returns: Rockafellar–Uryasev min-CVaR and Chekhlov–Uryasev–Zabarankin
 * min-CDaR (uncompounded drawdowns, as PyPortfolioOpt's EfficientCVaR / EfficientCDaR).
 */
import { addCols, addDenseRow, newLp, type LpBuilder } from './lp-builder.js';
import { addPortfolio, type PortfolioCols, type PortfolioSpec } from './portfolio-lp.js';

export interface ScenarioLp {
  lp: LpBuilder;
  cols: PortfolioCols;
  /** Column of α (VaR / DaR threshold at the optimum). */
  alphaCol: number;
  /** Rows holding the scenario constraints: [first, last). */
  scenarioRows: [number, number];
}

/**
 * min α + Σ u_t / ((1−β)T)  s.t.  u_t ≥ −r_t·w − α, u ≥ 0, plus the portfolio block.
 * `returns` is T×n row-major daily simple returns.
 */
export function buildCvarLp(spec: PortfolioSpec, returns: Float64Array, T: number, beta: number): ScenarioLp {
  const n = spec.tickers.length;
  const lp = newLp(T * (n + 2) + 8 * n + 64);
  const cols = addPortfolio(lp, spec);
  const alphaCol = addCols(lp, 1, 1, -Infinity, Infinity, 'alpha');
  const u0 = addCols(lp, T, 1 / ((1 - beta) * T), 0, Infinity, 'u');
  const first = lp.rowLower.length;
  const idx = [alphaCol, 0];
  const val = [1, 1];
  for (let t = 0; t < T; t++) {
    idx[1] = u0 + t;
    // r_t·w + α + u_t ≥ 0
    addDenseRow(lp, 0, Infinity, 0, returns, t * n, n, idx, val, 'cvar-scenario');
  }
  return { lp, cols, alphaCol, scenarioRows: [first, lp.rowLower.length] };
}

/**
 * min α + Σ z_t / ((1−β)T)  s.t.  z_t ≥ u_t − α, z ≥ 0, u_t ≥ u_{t−1} − r_t·w, u ≥ 0, u_0 = 0.
 * u_t is then at least the drawdown of the uncompounded cumulative return at t.
 */
export function buildCdarLp(spec: PortfolioSpec, returns: Float64Array, T: number, beta: number): ScenarioLp {
  const n = spec.tickers.length;
  const lp = newLp(T * (n + 5) + 8 * n + 64);
  const cols = addPortfolio(lp, spec);
  const alphaCol = addCols(lp, 1, 1, -Infinity, Infinity, 'alpha');
  const u0 = addCols(lp, T, 0, 0, Infinity, 'u');
  const z0 = addCols(lp, T, 1 / ((1 - beta) * T), 0, Infinity, 'z');
  const first = lp.rowLower.length;
  const empty = new Float64Array(0);
  for (let t = 0; t < T; t++) {
    // u_t − u_{t−1} + r_t·w ≥ 0   (u_{−1} = 0 is the fixed u_0 of the paper)
    if (t === 0) addDenseRow(lp, 0, Infinity, 0, returns, 0, n, [u0], [1], 'cdar-drawdown');
    else addDenseRow(lp, 0, Infinity, 0, returns, t * n, n, [u0 + t - 1, u0 + t], [-1, 1], 'cdar-drawdown');
  }
  for (let t = 0; t < T; t++) {
    // z_t − u_t + α ≥ 0
    addDenseRow(lp, 0, Infinity, 0, empty, 0, 0, [alphaCol, u0 + t, z0 + t], [1, -1, 1], 'cdar-tail');
  }
  return { lp, cols, alphaCol, scenarioRows: [first, lp.rowLower.length] };
}
