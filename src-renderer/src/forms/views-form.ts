/** Black-Litterman settings and the views table as typed, and their validation. */
import type { z } from 'zod';
import type { viewsSchema } from '../../../shared/domain/optimize.js';
import { parseNumber, parsePercent } from './parse.js';

export type BlInput = z.input<typeof viewsSchema>;
export const BL_PRIORS = ['historical', 'equal', 'market', 'none'] as const;
export type BlPrior = (typeof BL_PRIORS)[number];

/** One view row. Absolute: "AAPL returns 8 %". Relative: "GOOG beats FB by 2 %". */
export interface ViewRow {
  kind: 'absolute' | 'relative';
  /** Absolute: the asset. Relative: the outperformer(s), comma separated. */
  long: string;
  /** Relative only: the underperformer(s), comma separated. */
  short: string;
  /** Annual return (absolute) or outperformance (relative), percent. */
  value: string;
  /** Confidence 0–100 %. */
  confidence: number;
}

export interface BlForm {
  enabled: boolean;
  prior: BlPrior;
  /** τ in percent (5 = 0.05). */
  tau: string;
  omega: 'proportional' | 'idzorek';
  /** δ; empty = engine default; "market" = implied from a market series. */
  riskAversion: string;
  /** Market capitalisations by ticker (any currency unit), used when the prior is "market". */
  marketCaps: Record<string, string>;
  views: ViewRow[];
}

export function newView(kind: ViewRow['kind'] = 'absolute'): ViewRow {
  return { kind, long: '', short: '', value: '', confidence: 50 };
}

function tickersOf(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * Checks the views (unknown asset, no asset, same asset on both sides, confidence out of range,
 * bad numbers), writing errors under `view:<i>` and BL settings under `bl:*`. Returns the settings
 * for the engine, or undefined when BL is off or there are errors.
 */
export function validateViews(bl: BlForm, universe: ReadonlySet<string>, errors: Record<string, string>): BlInput | undefined {
  if (!bl.enabled) return undefined;
  const before = Object.keys(errors).length;
  const tau = parsePercent(bl.tau);
  if (!tau.ok) errors['bl:tau'] = tau.message;
  else if (tau.value !== undefined && tau.value <= 0) errors['bl:tau'] = 'τ must be above 0';
  let riskAversion: number | 'market' | undefined;
  if (bl.riskAversion.trim().toLowerCase() === 'market') riskAversion = 'market';
  else {
    const d = parseNumber(bl.riskAversion);
    if (!d.ok) errors['bl:riskAversion'] = d.message;
    else if (d.value !== undefined && d.value <= 0) errors['bl:riskAversion'] = 'risk aversion must be above 0';
    else riskAversion = d.value;
  }

  let marketCaps: Record<string, number> | undefined;
  if (bl.prior === 'market') {
    marketCaps = {};
    const missing: string[] = [];
    for (const t of universe) {
      const p = parseNumber(bl.marketCaps[t] ?? '');
      if (!p.ok) errors[`bl:cap:${t}`] = p.message;
      else if (p.value === undefined) missing.push(t);
      else if (p.value < 0) errors[`bl:cap:${t}`] = 'a market cap cannot be negative';
      else marketCaps[t] = p.value;
    }
    if (missing.length > 0) errors['bl:marketCaps'] = `the market prior needs a market cap for ${missing.join(', ')}`;
  }

  const views: BlInput['views'] = [];
  bl.views.forEach((row, i) => {
    const key = `view:${i}`;
    const long = tickersOf(row.long);
    const short = row.kind === 'relative' ? tickersOf(row.short) : [];
    const value = parsePercent(row.value);
    const all = [...long, ...short];
    const unknown = all.filter((t) => !universe.has(t));
    let message: string | undefined;
    if (long.length === 0) message = row.kind === 'absolute' ? 'choose the asset the view is about' : 'choose the asset expected to outperform';
    else if (row.kind === 'relative' && short.length === 0) message = 'choose the asset expected to underperform';
    else if (unknown.length > 0) message = `unknown asset${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: not in the chosen tickers`;
    else if (long.some((t) => short.includes(t))) message = 'an asset cannot be on both sides of a view';
    else if (row.kind === 'absolute' && long.length > 1) message = 'an absolute view is about one asset';
    else if (!value.ok) message = value.message;
    else if (value.value === undefined) message = 'give the expected return';
    else if (!(row.confidence >= 0 && row.confidence <= 100)) message = 'confidence must be between 0 and 100 %';
    if (message) {
      errors[key] = message;
      return;
    }
    const ret = value.ok ? (value.value ?? 0) : 0;
    const confidence = row.confidence / 100;
    views.push(row.kind === 'absolute' ? { asset: long[0]!, return: ret, confidence } : { long, short, return: ret, confidence });
  });

  if (Object.keys(errors).length > before) return undefined;
  return {
    prior: bl.prior,
    tau: tau.ok && tau.value !== undefined ? tau.value : 0.05,
    omega: bl.omega,
    ...(riskAversion !== undefined ? { riskAversion } : {}),
    ...(marketCaps ? { marketCaps } : {}),
    views,
  };
}
