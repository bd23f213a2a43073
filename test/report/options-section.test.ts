import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import type { Runtime } from '../../src-main/services/runtime.js';
import { optionsReportPart } from '../../src-main/services/options-report.js';
import { call, textFile } from '../import/helpers.js';
import { AS_OF, BOOK_CSV, storeWithPrices } from '../services/options/book-fixture.js';
import { fixtureScenario } from './fixtures.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await storeWithPrices();
});
afterAll(async () => {
  await rt.close();
});

describe('report options section', () => {
  it('is absent without option positions', async () => {
    expect(await optionsReportPart(rt.ctx, 0.03)).toEqual({});
  });

  it('prints the stored positions, their Greeks, the grid and the adopted hedge', async () => {
    await call(rt, 'options-import', { files: [textFile('book.csv', BOOK_CSV)], asOf: AS_OF });
    const adopted = await call(rt, 'options-hedge-adopt', { rate: 0.03, settings: { neutralize: ['delta'], instruments: ['AAPL', 'MSFT'], band: 1 } });
    expect(await call(rt, 'options-hedge-adopted', {})).toMatchObject({ id: adopted.id });
    const part = await optionsReportPart(rt.ctx, 0.03);
    expect(part.optionBook!.greeks.positions).toHaveLength(3);
    expect(part.optionBook!.grid!.pnl).toHaveLength(21);
    const built = buildReportHtml({ scenario: fixtureScenario({ n: 3 }), ...part }, { paper: 'a4', generatedAt: new Date('2026-12-02T00:00:00Z') });
    expect(built.sections).toContain('options');
    const html = built.html.slice(built.html.indexOf('id="options"'));
    expect(html).toContain('Proposed hedge');
    expect(html).toContain('Revaluation grid');
    const aaplTrade = adopted.hedge.trades.find((t) => t.instrument === 'AAPL')!;
    expect(html).toContain(aaplTrade.quantity.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
