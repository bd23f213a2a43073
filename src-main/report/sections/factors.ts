/** Factor risk decomposition of the optimised portfolio: exposures, each factor's variance contribution, the specific part. */
import { html } from '../format.js';
import { section, table, type SectionBuilder } from '../section-kit.js';

export const factorsSection: SectionBuilder = (ctx) => {
  const fr = ctx.optimize?.factorRisk;
  if (!fr || !(fr.totalVariance > 0)) return null;
  const { fmt } = ctx;
  const share = (v: number) => fmt.pct(v / fr.totalVariance);
  const active = fr.activeExposures;
  const rows = Object.keys(fr.exposures).map((f) => [
    f,
    fmt.num(fr.exposures[f]!, 3),
    ...(active ? [fmt.num(active[f] ?? NaN, 3)] : []),
    fmt.num(fr.contributions[f]! * 1e4, 2),
    share(fr.contributions[f]!),
  ]);
  const blank = active ? [''] : [];
  rows.push(['Specific', '–', ...blank, fmt.num(fr.specific * 1e4, 2), share(fr.specific)]);
  rows.push(['Total', '–', ...blank, fmt.num(fr.totalVariance * 1e4, 2), share(fr.totalVariance)]);
  return section(
    'factors',
    html`<p>Factor model ${fr.model}: portfolio exposures b = Bᵀw, each factor's contribution b<sub>k</sub>(Σ<sub>F</sub>b)<sub>k</sub> to the annualised variance, and the specific variance wᵀDw; they add up to the total (volatility ${fmt.pct(fr.volatility)}). Variances in basis points of variance (×10⁴).${active ? ` Active exposures are against the ${fr.activeAgainst} weights.` : ''}</p>
${table(
      [
        { label: 'Factor' },
        { label: 'Exposure', align: 'right' },
        ...(active ? [{ label: 'Active exposure', align: 'right' as const }] : []),
        { label: 'Variance (×10⁴)', align: 'right' },
        { label: 'Share of variance', align: 'right' },
      ],
      rows,
    )}`,
  );
};
