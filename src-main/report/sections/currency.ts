/** Currency: base currency, net exposures (after hedges), the local/currency risk split and the rates used. */
import { barChartHeight } from '../../../shared/charts/bars.js';
import { currencyExposureChartOption } from '../../../shared/charts/currency.js';
import { html } from '../format.js';
import { figure, section, table, type SectionBuilder } from '../section-kit.js';

export const currencySection: SectionBuilder = (ctx) => {
  const c = ctx.optimize?.currency;
  if (!c) return null;
  const { fmt } = ctx;
  const ccys = Object.keys(c.exposures);
  // Gross exposure before hedging: the weight in the currency; the hedged part is gross − net.
  const gross: Record<string, number> = {};
  for (const [t, w] of Object.entries(ctx.optimize?.weights ?? {})) {
    const k = c.instrumentCurrencies[t];
    if (k && k !== c.base) gross[k] = (gross[k] ?? 0) + w;
  }
  const hedged = Object.fromEntries(ccys.map((k) => [k, (gross[k] ?? 0) - c.exposures[k]!]));
  const chart = ccys.length > 0 ? figure(currencyExposureChartOption(c.exposures, hedged, { animation: false }), ctx.contentWidth, barChartHeight(ccys.length, 2)) : html``;
  const split = c.riskSplit;
  const pctOr = (x: number | null) => (x === null ? '–' : fmt.pct(x));
  return section(
    'currency',
    html`<p>Prices converted to <b>${c.base}</b> on each price's own date, before returns (${c.weightsUsed} weights). Exposures are fractions of the portfolio value net of hedges; a hedged position earns its local return plus the short-rate differential (first-order approximation).</p>
${chart}${table(
      [{ label: 'Currency' }, { label: 'Weight', align: 'right' }, { label: 'Hedge ratio', align: 'right' }, { label: 'Net exposure', align: 'right' }],
      ccys.map((k) => [k, fmt.pct(gross[k] ?? 0), fmt.pct(c.hedges[k] ?? 0), fmt.pct(c.exposures[k]!)]),
    )}
${table(
      [{ label: 'Risk part' }, { label: 'Share of variance', align: 'right' }, { label: 'Volatility (annualised)', align: 'right' }],
      [
        ['Local assets', pctOr(split.local), pctOr(split.localVolatility)],
        ['Currencies (incl. interaction)', pctOr(split.currency), pctOr(split.currencyVolatility)],
        ['Total', '100 %', pctOr(split.totalVolatility)],
      ],
    )}
${table(
      [{ label: 'Pair' }, { label: 'How obtained' }, { label: 'Derived dates', align: 'right' }, { label: 'Filled with an earlier rate', align: 'right' }],
      c.pairs.map((p) => [p.pair, p.routes.join('; '), String(p.derived), p.filled > 0 ? `${p.filled} (≤ ${p.maxAgeUsed} days old)` : '0']),
    )}
${c.warnings.length > 0 ? html`<p class="note">${c.warnings.join(' ')}</p>` : html``}`,
  );
};
