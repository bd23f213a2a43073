/** Options: positions with Greeks, per-underlying totals, the revaluation grid and the adopted (proposed) hedge. */
import { optionsGridChartOption, optionsPayoffChartOption } from '../../../shared/charts/options.js';
import { html, type Html } from '../format.js';
import { facts, figure, section, table, type SectionBuilder } from '../section-kit.js';

export const optionsSection: SectionBuilder = (ctx) => {
  const book = ctx.input.optionBook;
  if (!book) return null;
  const { fmt } = ctx;
  const g = book.greeks;
  const parts: Html[] = [];
  const n = (x: number | null, d = 2) => (x === null ? '–' : fmt.num(x, d));
  parts.push(
    html`<p>Option positions as of ${g.asOf}, valued at each underlying's last stored close on or before that date, rate ${fmt.pct(g.rate)}. Delta and gamma in shares of the underlying (Δ·q·m); vega per 1.00 of vol; theta per year; dollar gamma is the P&L of a 1 % move (½·Γ·(0.01·S)²·m·q).</p>`,
    table(
      [
        { label: 'Underlying' }, { label: 'Type' }, { label: 'Strike', align: 'right' }, { label: 'Expiry', nowrap: true }, { label: 'Qty', align: 'right' },
        { label: 'Price', align: 'right' }, { label: 'IV', align: 'right' }, { label: 'Delta', align: 'right' }, { label: 'Gamma', align: 'right' },
        { label: 'Vega', align: 'right' }, { label: 'Theta', align: 'right' }, { label: '$ delta', align: 'right' },
      ],
      g.positions.map((p) =>
        p.status === 'priced'
          ? [p.underlying, p.type, n(p.strike), p.expiry, n(p.quantity, 0), n(p.price), p.impliedVol === null ? '–' : fmt.pct(p.impliedVol, 1), n(p.delta, 1), n(p.gamma, 3), n(p.vega, 0), n(p.theta, 0), fmt.money(p.dollarDelta)]
          : [p.underlying, p.type, n(p.strike), p.expiry, n(p.quantity, 0), p.status, p.error ?? '', '', '', '', '', ''],
      ),
    ),
    html`<h3>By underlying</h3>`,
    table(
      [{ label: 'Underlying' }, { label: 'Spot', align: 'right' }, { label: 'Delta (shares)', align: 'right' }, { label: 'Gamma', align: 'right' }, { label: 'Vega', align: 'right' }, { label: 'Theta', align: 'right' }, { label: '$ delta', align: 'right' }, { label: '$ gamma (1 %)', align: 'right' }],
      Object.entries(g.byUnderlying).map(([u, x]) => [u, n(x.spot), n(x.delta, 1), n(x.gamma, 3), n(x.vega, 0), n(x.theta, 0), fmt.money(x.dollarDelta), fmt.money(x.dollarGamma)]),
    ),
    facts([
      ['Dollar delta', `${fmt.money(g.portfolio.dollarDelta)}${g.pctOfNav.dollarDelta === null ? '' : ` (${fmt.pct(g.pctOfNav.dollarDelta)} of NAV)`}`],
      ['Dollar gamma, 1 % move', fmt.money(g.portfolio.dollarGamma)],
      ['Vega, per 1.00 of vol', fmt.money(g.portfolio.vega)],
      ['Theta, per year', fmt.money(g.portfolio.theta)],
      g.nav === null ? null : ['NAV', `${fmt.money(g.nav)} (${g.navSource ?? ''})`],
    ]),
  );
  const ladder = (g.vegaByTenor ?? []).filter((b) => b.vega !== 0);
  if (ladder.length > 0) parts.push(html`<h3>Vega by tenor</h3>`, table([{ label: 'Time to expiry' }, { label: 'Vega, per 1.00 of vol', align: 'right' }], ladder.map((b) => [b.bucket, fmt.money(b.vega)])));
  if (g.warnings.length > 0) parts.push(html`<p class="note">${g.warnings.join(' · ')}</p>`);
  if (book.grid) {
    const w = ctx.contentWidth;
    parts.push(
      html`<h3>Revaluation grid</h3>`,
      figure(optionsGridChartOption(book.grid.spotShifts, book.grid.volShifts, book.grid.pnl, { animation: false }), w, 300, `Full repricing of ${book.grid.positions} positions at +${book.grid.horizonDays} days: P&L in money by spot move and vol move (points).`),
      figure(optionsPayoffChartOption(book.grid.payoff, { animation: false }), w, 220, 'P&L vs spot move today and at expiry.'),
    );
    if (book.grid.excluded.length > 0) parts.push(html`<p class="note">Left out: ${book.grid.excluded.map((e) => `${e.position}: ${e.reason}`).join('; ')}</p>`);
  }
  if (book.hedge) {
    const h = book.hedge.hedge;
    const tri = (x: { delta: number; gamma: number; vega: number }) => [n(x.delta, 1), n(x.gamma, 3), n(x.vega, 0)];
    parts.push(
      html`<h3>Proposed hedge</h3><p>Adopted ${book.hedge.adoptedAt.slice(0, 10)} for the book of ${book.hedge.asOf}: neutralise ${h.neutralize.join(', ')}${h.wholeContracts ? ' in whole shares and contracts' : ''}; cost ${fmt.money(h.cost)}.</p>`,
      h.trades.length === 0
        ? html`<p>No trade needed: the book is within the bands.</p>`
        : table(
            [{ label: 'Instrument' }, { label: 'Trade', align: 'right' }, { label: 'Price', align: 'right' }, { label: 'Cost', align: 'right' }],
            h.trades.map((t) => [t.instrument, `${n(t.quantity, h.wholeContracts ? 0 : 2)} ${t.kind === 'shares' ? 'shares' : 'contracts'}`, n(t.price), fmt.money(t.cost)]),
          ),
      table([{ label: '' }, { label: 'Delta', align: 'right' }, { label: 'Gamma', align: 'right' }, { label: 'Vega', align: 'right' }], [['Before', ...tri(h.before)], ['After', ...tri(h.after)], ['Band ±', ...tri(h.bands)]]),
    );
  }
  return section('options', html`${parts}`);
};
