/** Shape of one entry of published-cases.json (the machine-readable list of published test cases). */
export type Tolerance = { rtol: number; atol: number } | { decimal: number };

export interface CaseRun {
  /** 'not-run': an applicable case not transcribed yet; it counts as a miss. */
  type: 'not-run' | 'inline-cov' | 'evaluate' | 'optimize' | 'moments' | 'expected-returns' | 'hrp-weights' | 'hrp-cluster-var' | 'hrp-order' | 'black-litterman';
  /** Folder under ../shared/data. */
  data: string;
  /** Column subset (Riskfolio's asset list) or, for weight cases, the order of `expected`. */
  tickers?: string[];
  window?: { completeRows?: boolean; last?: number; start?: string; end?: string };
  /** optimizeOptionsSchema input; constraints.currentWeights "equal" = 1/n each. */
  options?: Record<string, unknown>;
  estimators?: Record<string, unknown>;
  blackLitterman?: Record<string, unknown>;
  /** Which figures `expected` holds: mv (return, volatility, Sharpe), semi, cvar, cdar, prior, posterior, weights. */
  figures?: string;
  /** Compare weights (in `tickers` order) instead of figures. */
  weights?: boolean;
  rf?: number;
  /** rf of the Black–Litterman market prior when it differs from `rf` (the Sharpe ratio's). */
  priorRf?: number;
  /** efficient-risk at (the min-risk objective's figure + plus), as "efficient_risk(min_value + 0.01)". */
  targetFromMin?: { objective: string; plus: number };
  market?: string;
  /** Inline price rows (inline-cov). */
  prices?: number[][];
  mu?: number[];
  covDiag?: number[];
}

export interface PublishedCase {
  /** library/file::test (Riskfolio: file::column). */
  id: string;
  /** Repository@commit and path of the published test. */
  source: string;
  applies: boolean;
  /** Why a case does not apply. */
  reason?: string;
  run?: CaseRun;
  /** The library's expected numbers (null = not asserted by the published test). */
  expected?: (number | null)[];
  tolerance?: Tolerance;
  /** "published": the library's number; "exact": the exact optimum of the same problem (note says which). */
  oracle?: 'published' | 'exact';
  note?: string;
  /** An applicable case Frontier does not pass yet, with the reason; it counts as a miss in the figure. */
  knownMiss?: string;
}
