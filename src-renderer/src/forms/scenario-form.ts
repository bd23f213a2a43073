/** Converts between the Optimise form and a saved scenario (the same JSON the CLI reads). */
import type { ScenarioFile, ScenarioFileInput } from '../../../shared/domain/scenario.js';
import { robustFormFromOptions } from './robust-form.js';
import { defaultForm, emptyAssetRow, emptyBl, type AssetRow, type OptimiseForm, type OptimiseRequest, type SectorCap, type TeBenchmark } from './optimise-form.js';
import { numberText, parseNumber, percentText } from './parse.js';
import type { BlForm, ViewRow } from './views-form.js';

/**
 * The scenario to save for a validated request; `form` (the form it came from) adds the choices the options
 * keep only resolved: the tracking-error benchmark kind and the risk budgets as typed.
 */
export function scenarioFromRequest(name: string, request: OptimiseRequest, form?: Pick<OptimiseForm, 'teBenchmark' | 'riskBudgets'>): ScenarioFileInput {
  const budgets = request.options.targets?.riskBudgets ? typedBudgets(form?.riskBudgets ?? {}, Object.keys(request.options.targets.riskBudgets)) : undefined;
  return {
    format: 'frontier-scenario',
    name: name.trim(),
    tickers: request.tickers,
    window: request.window,
    options: request.options,
    ...(request.holdings ? { holdings: request.holdings } : {}),
    ...(form ? { form: { teBenchmark: form.teBenchmark, ...(budgets ? { riskBudgets: budgets } : {}) } } : {}),
  };
}

/** The typed budgets of `tickers` as numbers (the request validated them), or undefined when one does not parse. */
function typedBudgets(typed: Record<string, string>, tickers: string[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const t of tickers) {
    const p = parseNumber(typed[t] ?? '');
    if (!p.ok || p.value === undefined || !(p.value > 0)) return undefined;
    out[t] = p.value;
  }
  return out;
}

/** Rebuilds the form from a saved (parsed, defaults filled) scenario; `points` = frontier resolution last used. */
export function formFromScenario(s: ScenarioFile, points?: number): OptimiseForm {
  const f = defaultForm();
  const o = s.options;
  f.name = s.name;
  f.tickers = [...s.tickers];
  f.objective = o.objective;
  f.returns = o.estimators.returns;
  f.risk = o.estimators.risk;
  f.span = numberText(o.estimators.span);
  f.robust = robustFormFromOptions(o);
  f.start = s.window.start ?? '';
  f.end = s.window.end ?? '';
  f.rf = percentText(o.targets.rf);
  f.lower = percentText(o.constraints.bounds[0]);
  f.upper = percentText(o.constraints.bounds[1]);
  f.targetVolatility = percentText(o.targets.targetVolatility);
  f.targetReturn = percentText(o.targets.targetReturn);
  f.riskAversion = numberText(o.targets.riskAversion);
  f.beta = numberText(o.targets.beta * 100);
  f.l2 = numberText(o.constraints.l2);
  f.txCost = o.constraints.txCost > 0 ? percentText(o.constraints.txCost) : '';
  f.maxTurnover = percentText(o.constraints.maxTurnover);
  f.maxHoldings = o.constraints.maxHoldings === undefined ? '' : String(o.constraints.maxHoldings);
  f.trackingError = percentText(o.constraints.trackingError);
  f.marketNeutral = o.constraints.marketNeutral;
  f.teBenchmark = teBenchmarkOf(s);
  if (f.teBenchmark === 'custom') f.benchmarkWeights = Object.fromEntries(Object.entries(o.constraints.benchmarkWeights ?? {}).map(([t, w]) => [t, percentText(w)]));
  f.riskBudgets = budgetsText(s);
  f.points = String(points ?? 30);

  const assets: Record<string, AssetRow> = {};
  for (const t of s.tickers) {
    const row = emptyAssetRow(t);
    const cur = s.holdings?.[t];
    if (cur !== undefined) row.current = percentText(cur);
    const b = o.constraints.assetBounds[t];
    if (b) {
      if (cur !== undefined && b[0] === cur && b[1] === cur) row.locked = true;
      else {
        row.min = b[0] === o.constraints.bounds[0] ? '' : percentText(b[0]);
        row.max = b[1] === o.constraints.bounds[1] ? '' : percentText(b[1]);
      }
    }
    assets[t] = row;
  }
  const caps: SectorCap[] = [];
  for (const g of o.constraints.groups) {
    for (const t of g.tickers) if (assets[t]) assets[t].sector = g.name;
    if (g.min !== undefined || g.max !== undefined) caps.push({ sector: g.name, min: percentText(g.min), max: percentText(g.max) });
  }
  f.assets = assets;
  f.sectorCaps = caps;
  f.bl = blFormOf(s);
  return f;
}

/** Largest gap between two weight maps over the union of their tickers (absent = 0). */
function weightGap(a: Record<string, number>, b: Record<string, number>): number {
  let gap = 0;
  for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) gap = Math.max(gap, Math.abs((a[t] ?? 0) - (b[t] ?? 0)));
  return gap;
}

/**
 * The benchmark kind to show: the saved choice when the saved weights still fit it (a hand-edited file may
 * not), else what the weights are — the holdings, 1/n each, or explicit weights (files from the CLI or older
 * versions have no saved choice).
 */
function teBenchmarkOf(s: ScenarioFile): TeBenchmark {
  const bw = s.options.constraints.benchmarkWeights;
  const saved = s.form?.teBenchmark;
  if (!bw) return saved ?? 'current';
  const n = s.tickers.length;
  const fits: Record<TeBenchmark, boolean> = {
    current: weightGap(bw, s.holdings ?? s.options.constraints.currentWeights ?? {}) <= 1e-12,
    equal: weightGap(bw, Object.fromEntries(s.tickers.map((t) => [t, 1 / n]))) <= 1e-12,
    custom: true,
  };
  if (saved && fits[saved]) return saved;
  return fits.current ? 'current' : fits.equal ? 'equal' : 'custom';
}

/** Risk budgets as field text: as typed when they still normalise to the saved budgets, else the saved shares in percent. */
function budgetsText(s: ScenarioFile): Record<string, string> {
  const saved = s.options.targets.riskBudgets;
  if (!saved) return {};
  const typed = s.form?.riskBudgets;
  if (typed) {
    const sum = Object.values(typed).reduce((a, b) => a + b, 0);
    const normalised = Object.fromEntries(Object.entries(typed).map(([t, v]) => [t, v / sum]));
    if (weightGap(normalised, saved) <= 1e-12) return Object.fromEntries(Object.entries(typed).map(([t, v]) => [t, numberText(v)]));
  }
  return Object.fromEntries(Object.entries(saved).map(([t, v]) => [t, percentText(v)]));
}

function blFormOf(s: ScenarioFile): BlForm {
  const bl = s.options.blackLitterman;
  if (!bl) return emptyBl();
  const views: ViewRow[] = bl.views.map((v) =>
    'asset' in v
      ? { kind: 'absolute', long: v.asset, short: '', value: percentText(v.return), confidence: Math.round((v.confidence ?? 0.5) * 100) }
      : { kind: 'relative', long: v.long.join(', '), short: v.short.join(', '), value: percentText(v.return), confidence: Math.round((v.confidence ?? 0.5) * 100) },
  );
  return {
    enabled: true,
    prior: typeof bl.prior === 'string' ? bl.prior : 'historical',
    tau: percentText(bl.tau),
    omega: bl.omega,
    riskAversion: bl.riskAversion === undefined ? '' : String(bl.riskAversion),
    marketCaps: Object.fromEntries(Object.entries(bl.marketCaps ?? {}).map(([t, v]) => [t, numberText(v)])),
    views,
  };
}
