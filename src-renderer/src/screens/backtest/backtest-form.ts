/** The Backtest tab's form (strings as typed) and its conversion to API settings, with messages per field. */
import type { BacktestSettingsInput, OnFail, StressSettingsInput } from '../../../../shared/api/backtest.js';

export type WeightSource = 'optimised' | 'equal' | 'walk-forward';

export interface BacktestForm {
  weightSource: WeightSource;
  /** 'expanding' or a number of days for a rolling window. */
  windowKind: 'rolling' | 'expanding';
  windowDays: string;
  /** Walk-forward: what a rebalance that cannot be solved does. */
  onFail: OnFail;
  rebalance: 'none' | 'monthly' | 'quarterly' | 'annually' | 'band';
  /** Drift band in percent. */
  band: string;
  costBps: string;
  fixedCost: string;
  benchmark: string;
  log: boolean;
  /** Stress settings. */
  correlation: string;
  paths: string;
  /** "SPY=-20, TLT=3" in percent. */
  shocks: string;
}

export function defaultBacktestForm(): BacktestForm {
  return {
    weightSource: 'optimised',
    windowKind: 'rolling',
    windowDays: '756',
    onFail: 'stop',
    rebalance: 'monthly',
    band: '5',
    costBps: '10',
    fixedCost: '0',
    benchmark: '',
    log: false,
    correlation: '0.9',
    paths: '10000',
    shocks: '',
  };
}

export type FormErrors = Record<string, string>;

function number(text: string, key: string, errors: FormErrors, check: (x: number) => boolean, message: string): number | undefined {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x) || !check(x)) {
    errors[key] = message;
    return undefined;
  }
  return x;
}

/** Settings for `backtest-run`, or field errors. `optimised` are the weights of the last optimisation (if any). */
export function backtestSettings(
  form: BacktestForm,
  tickers: readonly string[],
  optimised: Record<string, number> | undefined,
): { errors: FormErrors; settings?: BacktestSettingsInput } {
  const errors: FormErrors = {};
  const costBps = number(form.costBps, 'costBps', errors, (x) => x >= 0 && x <= 10_000, 'cost in basis points, 0 to 10000');
  const fixedCost = number(form.fixedCost, 'fixedCost', errors, (x) => x >= 0, 'a fixed cost ≥ 0');
  let rebalance: BacktestSettingsInput['rebalance'];
  if (form.rebalance === 'none') rebalance = { kind: 'none' };
  else if (form.rebalance === 'band') {
    const band = number(form.band, 'band', errors, (x) => x > 0 && x < 100, 'a band between 0 and 100 %');
    if (band !== undefined) rebalance = { kind: 'band', band: band / 100 };
  } else rebalance = { kind: 'calendar', every: form.rebalance };
  const settings: BacktestSettingsInput = { ...(rebalance ? { rebalance } : {}), costBps: costBps ?? 0, fixedCost: fixedCost ?? 0 };
  if (form.weightSource === 'walk-forward') {
    settings.onFail = form.onFail;
    if (form.windowKind === 'expanding') settings.walkForward = { kind: 'expanding' };
    else {
      const days = number(form.windowDays, 'windowDays', errors, (x) => Number.isInteger(x) && x >= 20, 'a whole number of days ≥ 20');
      if (days !== undefined) settings.walkForward = { kind: 'rolling', days };
    }
  } else if (form.weightSource === 'optimised') {
    if (!optimised) errors.weightSource = 'run the optimisation first, or choose equal weights or walk-forward';
    else settings.weights = Object.fromEntries(Object.entries(optimised).filter(([t, w]) => tickers.includes(t) && Math.abs(w) > 1e-9));
  } else {
    if (tickers.length === 0) errors.weightSource = 'pick tickers on the Optimise tab first';
    settings.weights = Object.fromEntries(tickers.map((t) => [t, 1 / tickers.length]));
  }
  if (form.benchmark) settings.benchmark = form.benchmark;
  return Object.keys(errors).length > 0 ? { errors } : { errors, settings };
}

/** "SPY=-20, TLT=3" (percent) → {SPY: -0.2, TLT: 0.03}; unknown tickers and bad numbers are errors. */
export function parseShocks(text: string, tickers: readonly string[]): { shocks?: Record<string, number>; error?: string } {
  const shocks: Record<string, number> = {};
  for (const part of text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=\s*([+-]?\d+(?:\.\d+)?)\s*%?$/.exec(part);
    if (!m) return { error: `"${part}" is not TICKER=PERCENT (e.g. SPY=-20)` };
    const ticker = m[1]!.trim();
    if (!tickers.includes(ticker)) return { error: `${ticker} is not in the portfolio` };
    shocks[ticker] = Number(m[2]) / 100;
  }
  return Object.keys(shocks).length > 0 ? { shocks } : {};
}

/** Settings for `stress-run` from fixed weights. */
export function stressSettings(form: BacktestForm, weights: Record<string, number>): { errors: FormErrors; settings?: StressSettingsInput } {
  const errors: FormErrors = {};
  const correlation = number(form.correlation, 'correlation', errors, (x) => x >= -1 && x <= 1, 'a correlation between −1 and 1');
  const paths = number(form.paths, 'paths', errors, (x) => Number.isInteger(x) && x >= 100 && x <= 100_000, '100 to 100000 paths');
  const shocks = parseShocks(form.shocks, Object.keys(weights));
  if (shocks.error) errors.shocks = shocks.error;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    settings: {
      weights,
      correlation: correlation!,
      monteCarlo: { paths: paths! },
      ...(shocks.shocks ? { shocks: { assets: shocks.shocks } } : {}),
      ...(form.benchmark ? { benchmark: form.benchmark } : {}),
    },
  };
}
