/** Converts between the Optimise form and a saved scenario (the same JSON the CLI reads). */
import type { ScenarioFile, ScenarioFileInput } from '../../../shared/domain/scenario.js';
import { defaultForm, emptyAssetRow, emptyBl, type AssetRow, type OptimiseForm, type OptimiseRequest, type SectorCap } from './optimise-form.js';
import { numberText, percentText } from './parse.js';
import type { BlForm, ViewRow } from './views-form.js';

/** The scenario to save for a validated request. */
export function scenarioFromRequest(name: string, request: OptimiseRequest): ScenarioFileInput {
  return {
    format: 'frontier-scenario',
    name: name.trim(),
    tickers: request.tickers,
    window: request.window,
    options: request.options,
    ...(request.holdings ? { holdings: request.holdings } : {}),
  };
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
