/** Loads what a factor model needs from the store into the optimise options (ts: the set's returns; xs: characteristics). */
import type { Database } from '../store/database.js';
import { parseFactorModel, type FactorModelOptions } from '../../shared/domain/factors.js';
import type { OptimizeOptions, PriceWindow } from '../../shared/domain/optimize.js';
import { loadCharacteristics, loadFactorSeries } from '../store/factors-repo.js';

/**
 * The options with the factor model's data loaded from the store when it needs any (ts: the set's
 * returns over the window; xs: the tickers' classification and exposures). Other options pass through.
 */
export function withFactorData(db: Database, options: OptimizeOptions, tickers: readonly string[], window: PriceWindow): OptimizeOptions {
  const fm = options.factorModel;
  if (!fm || fm.data) return options;
  return { ...options, factorModel: { ...fm, data: factorData(db, fm, tickers, window) } };
}

export function factorData(db: Database, fm: FactorModelOptions, tickers: readonly string[], window: PriceWindow): NonNullable<FactorModelOptions['data']> {
  const spec = parseFactorModel(fm.model);
  if (spec?.kind === 'ts') return { series: loadFactorSeries(db, spec.set, window.start, window.end) };
  if (spec?.kind === 'xs') return { characteristics: loadCharacteristics(db, tickers) };
  return {};
}

