/** Stress tests: historical windows, correlation shock, user shocks, Monte Carlo percentiles and fan chart. */
import { stressWeightsText } from '../../../shared/api/backtest.js';
import { fanChartOption } from '../../../shared/charts/backtest-fan.js';
import { html, type Html } from '../format.js';
import { facts, figure, section, table, type SectionBuilder } from '../section-kit.js';

export const stressSection: SectionBuilder = (ctx) => {
  const s = ctx.stress;
  if (!s) return null;
  const { fmt } = ctx;
  const parts: Html[] = [];
  const opt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : fmt.pct(v));
  const windows = (s.windows ?? []).filter((w) => w.covered !== false);
  if (windows.length > 0) {
    const withBench = windows.some((w) => w.benchmarkReturn !== undefined && w.benchmarkReturn !== null);
    parts.push(
      html`<h3>Historical windows</h3>${table(
        [
          { label: 'Window' },
          { label: 'From', nowrap: true },
          { label: 'To', nowrap: true },
          { label: 'Portfolio return', align: 'right' },
          { label: 'Max drawdown', align: 'right' },
          ...(withBench ? [{ label: 'Benchmark return', align: 'right' as const }, { label: 'Benchmark drawdown', align: 'right' as const }] : []),
        ],
        windows.map((w) => [
          w.name,
          w.start,
          w.end,
          opt(w.portfolioReturn),
          opt(w.portfolioMaxDrawdown),
          ...(withBench ? [opt(w.benchmarkReturn), opt(w.benchmarkMaxDrawdown)] : []),
        ]),
      )}`,
    );
  }
  if (s.correlationShock) {
    const c = s.correlationShock;
    const how = c.mode === 'set' ? 'set to' : 'raised to at least';
    const level = fmt.pct(c.beta ?? 0.95, 0);
    // Results saved before the historical figure existed lack the field: leave the row out rather than print dashes.
    const historical = c.base.historicalCvar !== undefined || c.shocked.historicalCvar !== undefined;
    const days = c.historicalScenarios !== undefined ? ` of ${fmt.int(c.historicalScenarios)} days re-coloured to the shocked covariance` : '';
    const note = historical ? html`<p class="note">Daily CVaR as a positive loss: parametric assumes normal returns; historical uses the observed days${days}.${c.historicalNote ? ` ${c.historicalNote}` : ''}</p>` : '';
    parts.push(
      html`<h3>Correlation shock</h3><p>All pairwise correlations ${how} ${fmt.num(c.level, 2)}, volatilities unchanged${c.repaired ? '; the shocked matrix was repaired to stay positive semi-definite' : ''}.</p>${table(
        [{ label: '' }, { label: 'Before', align: 'right' }, { label: 'After', align: 'right' }],
        [
          ['Volatility (annual)', fmt.pct(c.base.volatility), fmt.pct(c.shocked.volatility)],
          [historical ? `CVaR ${level} (daily, parametric)` : `CVaR ${level}`, fmt.pct(c.base.cvar), fmt.pct(c.shocked.cvar)],
          ...(historical ? [[`CVaR ${level} (daily, historical)`, opt(c.base.historicalCvar), opt(c.shocked.historicalCvar)]] : []),
          ...(c.base.averageCorrelation !== undefined && c.shocked.averageCorrelation !== undefined
            ? [['Average correlation', fmt.num(c.base.averageCorrelation, 2), fmt.num(c.shocked.averageCorrelation, 2)]]
            : []),
        ],
      )}${note}`,
    );
  }
  if (s.shocks && s.shocks.contributions.length > 0) {
    const sh = s.shocks;
    parts.push(
      html`<h3>Scenario shock</h3>${facts([['Instant P&L of the portfolio', fmt.pctSigned(sh.pnl)]])}${table(
        [{ label: 'Ticker' }, { label: 'Weight', align: 'right' }, { label: 'Shock', align: 'right' }, { label: 'P&L contribution', align: 'right' }, { label: 'From' }],
        sh.contributions.filter((c) => c.shock !== 0).map((c) => [c.ticker, fmt.pct(c.weight), fmt.pctSigned(c.shock), fmt.pctSigned(c.pnl), c.source ?? '']),
      )}`,
    );
  }
  const mc = s.monteCarlo;
  if (mc && mc.horizons.length > 0) {
    const thresholds = [...new Set(mc.horizons.flatMap((h) => h.lossProbabilities.map((l) => l.threshold)))].sort((a, b) => a - b);
    parts.push(
      html`<h3>Monte Carlo (block bootstrap, ${fmt.int(mc.paths)} paths${mc.blockLength ? `, ${fmt.int(mc.blockLength)}-day blocks` : ''})</h3>${table(
        [
          { label: 'Horizon' },
          { label: '5 %', align: 'right' },
          { label: '25 %', align: 'right' },
          { label: 'Median', align: 'right' },
          { label: '75 %', align: 'right' },
          { label: '95 %', align: 'right' },
          ...thresholds.map((t) => ({ label: `P(loss > ${fmt.pct(t, 0)})`, align: 'right' as const })),
        ],
        mc.horizons.map((h) => [
          `${fmt.num(h.years, 0)} ${h.years === 1 ? 'year' : 'years'}`,
          fmt.pct(h.p5),
          fmt.pct(h.p25),
          fmt.pct(h.p50),
          fmt.pct(h.p75),
          fmt.pct(h.p95),
          ...thresholds.map((t) => {
            const l = h.lossProbabilities.find((x) => x.threshold === t);
            return l ? fmt.pct(l.probability, 1) : '–';
          }),
        ]),
      )}<p class="note">Cumulative returns over each horizon by percentile of the simulated paths.</p>`,
    );
    if (mc.fan && mc.fan.length > 1) {
      parts.push(figure(fanChartOption(mc.fan, { animation: false }), ctx.contentWidth, 220, 'Simulated growth: median, 25–75 % and 5–95 % bands.'));
    }
  }
  if (parts.length === 0) return null;
  const weights = s.weightsFrom ? html`<p class="note" data-weights-from>Computed on ${stressWeightsText(s.weightsFrom)}.</p>` : '';
  return section('stress', html`${weights}${parts}`);
};
