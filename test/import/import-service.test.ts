import { afterAll, describe, expect, it } from 'vitest';
import { BULK_THRESHOLD_BYTES } from '../../src-main/services/import-service.js';
import { call, counts, fileOf, runtimeIn, textFile } from './helpers.js';

const rt = runtimeIn();
afterAll(() => rt.close());

describe('import service over a real database', () => {
  it('previews without writing: format, counts, date range, skipped rows, nothing stored', async () => {
    const before = counts(rt);
    const p = await call(rt, 'import-preview', { files: [fileOf('AAPL.csv')] });
    expect(p.errors).toEqual([]);
    expect(p.files[0]).toMatchObject({ format: 'yahoo-finance', kind: 'prices', rows: 3, tickers: ['AAPL'], firstDate: '2024-01-02', lastDate: '2024-01-05', counts: { AAPL: 3 }, alreadyStored: 0 });
    expect(p.files[0]!.skipped).toEqual([{ line: 4, reason: expect.any(String) }]);
    expect(counts(rt)).toEqual(before);
  });

  it('commits prices, then a re-import adds nothing and leaves no empty batch', async () => {
    const first = await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
    expect(first.inserted.prices).toBe(3);
    const stored = await call(rt, 'prices-get', { ticker: 'AAPL' });
    expect(stored.find((r) => r.date === '2024-01-03')).toMatchObject({ close: 184.25, adjClose: 183.150375, volume: 58414500 });
    const before = counts(rt);
    const again = await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
    expect(again.inserted).toEqual({ prices: 0, transactions: 0, positions: 0 });
    expect(again.files[0]!.warnings.join(' ')).toMatch(/already stored/);
    expect(counts(rt)).toEqual(before);
    const preview = await call(rt, 'import-preview', { files: [fileOf('AAPL.csv')] });
    expect(preview.files[0]!.alreadyStored).toBe(3);
  });

  it('writes nothing when any file of the commit has an error, and names file:line', async () => {
    const before = counts(rt);
    const r = await rt.call('import-commit', {
      files: [fileOf('spy_us_d.csv'), textFile('broken.csv', 'date,A,B\n2024-01-02,1,2\n2024-01-03,1,oops\n')],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('user-error');
      expect(r.error.message).toContain('broken.csv:3: B: "oops" is not a number');
    }
    expect(counts(rt)).toEqual(before);
  });

  it('keeps series in their own currency', async () => {
    await call(rt, 'import-commit', { files: [fileOf('stooq-bulk.txt')], options: { currency: 'USD' } });
    await call(rt, 'import-commit', { files: [fileOf('wide-eu-excel.csv')], options: { currency: 'CHF' } });
    const list = await call(rt, 'instruments-list', {});
    expect(list.find((i) => i.ticker === 'MSFT')!.currency).toBe('USD');
    expect(list.find((i) => i.ticker === 'Nestlé')!.currency).toBe('CHF');
    expect((await call(rt, 'prices-get', { ticker: 'Roche' })).find((p) => p.date === '2024-01-04')).toMatchObject({ close: 244, currency: 'CHF' });
  });

  it('undoes a batch: its rows go, earlier rows stay, and it cannot be undone twice', async () => {
    const before = counts(rt);
    const r = await call(rt, 'import-commit', { files: [fileOf('spy_us_d.csv')] });
    expect(r.inserted.prices).toBe(3);
    const batches = await call(rt, 'import-batches', {});
    expect(batches[0]).toMatchObject({ id: r.batchIds[0], fileName: 'spy_us_d.csv', format: 'stooq', rows: 3, undone: false });
    const undone = await call(rt, 'import-undo', { batchId: r.batchIds[0]! });
    expect(undone.removed).toBe(3);
    expect(counts(rt)).toEqual({ ...before, batches: before.batches + 1 });
    expect((await call(rt, 'import-batches', {}))[0]!.undone).toBe(true);
    const twice = await rt.call('import-undo', { batchId: r.batchIds[0]! });
    expect(twice.ok).toBe(false);
  });
});

describe('broker data: dedupe, holdings, reconciliation', () => {
  const b = runtimeIn();
  afterAll(() => b.close());

  it('imports Schwab transactions and positions; re-import adds nothing', async () => {
    const r = await call(b, 'import-commit', { files: [fileOf('schwab-transactions.csv'), fileOf('schwab-positions.csv')] });
    expect(r.inserted).toEqual({ prices: 0, transactions: 10, positions: 3 });
    expect(r.files[0]!.skipped.map((x) => x.line)).toEqual([13, 14]);
    const again = await call(b, 'import-commit', { files: [fileOf('schwab-transactions.csv'), fileOf('schwab-positions.csv')] });
    expect(again.inserted).toEqual({ prices: 0, transactions: 0, positions: 0 });
    const tx = await call(b, 'transactions-list', { account: 'Individual ...234' });
    expect(tx.find((t) => t.sourceLine === 5)).toMatchObject({ type: 'sell', ticker: 'MSFT', quantity: -5, amount: 2100.37, sourceFile: 'schwab-transactions.csv' });
  });

  it('derives holdings with splits and shows differences from the snapshot', async () => {
    const h = await call(b, 'holdings-list', {});
    // MSFT: bought 5, sold 5, so it is not held; NVDA: 10 bought + 90 from the split.
    expect(h).toEqual([
      { account: 'Individual ...234', ticker: 'AAPL', quantity: 20 },
      { account: 'Individual ...234', ticker: 'NVDA', quantity: 100 },
    ]);
    const before = await call(b, 'holdings-list', { asOf: '2024-10-05' });
    expect(before.find((x) => x.ticker === 'NVDA')!.quantity).toBe(10);
    const rec = await call(b, 'holdings-reconcile', {});
    expect(rec.find((x) => x.ticker === 'NVDA')).toMatchObject({ derived: 100, reported: 100, difference: 0 });
    // The snapshot holds 1 MSFT the transactions never bought: shown, not hidden.
    expect(rec.find((x) => x.ticker === 'MSFT')).toMatchObject({ derived: 0, reported: 1, difference: -1 });
  });

  it('keeps identical-looking rows of one file (partial fills) and still dedupes on re-import', async () => {
    const text = 'Date,Kind,Ticker,Qty,Price,Total\n2024-01-02,buy,XYZ,10,5,-50\n2024-01-02,buy,XYZ,10,5,-50\n';
    const mapping = { kind: 'transactions' as const, date: 'Date', type: 'Kind', ticker: 'Ticker', quantity: 'Qty', price: 'Price', amount: 'Total' };
    const r = await call(b, 'import-commit', { files: [textFile('fills.csv', text)], options: { mapping, account: 'fills' } });
    expect(r.inserted.transactions).toBe(2);
    const again = await call(b, 'import-commit', { files: [textFile('fills.csv', text)], options: { mapping, account: 'fills' } });
    expect(again.inserted.transactions).toBe(0);
    // An extended export (one more identical fill) adds exactly the new one.
    const more = await call(b, 'import-commit', { files: [textFile('fills2.csv', `${text}2024-01-02,buy,XYZ,10,5,-50\n`)], options: { mapping, account: 'fills' } });
    expect(more.inserted.transactions).toBe(1);
    expect((await call(b, 'holdings-list', { account: 'fills' }))[0]).toMatchObject({ ticker: 'XYZ', quantity: 30 });
    // The same rows in another account are that account's own.
    const other = await call(b, 'import-commit', { files: [textFile('fills.csv', text)], options: { mapping, account: 'other' } });
    expect(other.inserted.transactions).toBe(2);
  });

  it('Trading 212 partial fills with distinct ids are both kept; DEGIRO fills of one order too', async () => {
    const r = await call(b, 'import-commit', { files: [fileOf('trading212-history.csv'), fileOf('degiro-transactions-nl.csv')], options: { account: 'eu' } });
    // Trading 212's 7 rows (its dividend is net: no separate tax row) and DEGIRO's 4 fills.
    expect(r.inserted.transactions).toBe(7 + 4);
    const shell = (await call(b, 'holdings-list', { account: 'eu' })).find((h) => h.ticker === 'SHEL');
    expect(shell!.quantity).toBe(16);
  });
});

describe('mapping wizard and templates', () => {
  const t = runtimeIn();
  afterAll(() => t.close());
  const text = 'Trade day;Instrument;Last;Turnover\n02.01.2024;ACME;12,50;1.000\n03.01.2024;ACME;12,75;2.000\n';

  it('an unknown layout asks for a mapping and returns its header', async () => {
    const p = await call(t, 'import-preview', { files: [textFile('bank.csv', text)] });
    expect(p.errors[0]!.message).toMatch(/map its columns/);
    expect(p.files[0]!.header).toEqual(['Trade day', 'Instrument', 'Last', 'Turnover']);
  });

  it('a mapping reads the file; saved as a template it is offered for files of the same shape', async () => {
    const mapping = { kind: 'prices' as const, date: 'Trade day', ticker: 'Instrument', fields: { close: 'Last', volume: 'Turnover' } };
    const p = await call(t, 'import-preview', { files: [textFile('bank.csv', text)], options: { mapping } });
    expect(p.errors).toEqual([]);
    expect(p.files[0]).toMatchObject({ format: 'mapped', tickers: ['ACME'], firstDate: '2024-01-02' });
    expect(p.files[0]!.sample[1]).toMatchObject({ close: 12.75, volume: 2000 });
    await call(t, 'import-templates-save', { name: 'My bank', header: p.files[0]!.header, mapping });
    const next = await call(t, 'import-preview', { files: [textFile('bank-feb.csv', text.replace(/01\.2024/g, '02.2024'))] });
    expect(next.files[0]!.templates).toEqual(['My bank']);
    const done = await call(t, 'import-commit', { files: [textFile('bank-feb.csv', text.replace(/01\.2024/g, '02.2024'))], options: { template: 'My bank' } });
    expect(done.inserted.prices).toBe(2);
    expect((await call(t, 'import-templates-list', {})).map((x) => x.name)).toEqual(['My bank']);
    expect((await call(t, 'import-templates-delete', { name: 'My bank' })).removed).toBe(true);
  });
});

describe('large imports are jobs', () => {
  const j = runtimeIn();
  afterAll(() => j.close());

  function wide(tickers: number, days: number): string {
    const lines = [['date', ...Array.from({ length: tickers }, (_, k) => `W${k}`)].join(',')];
    for (let t = 0; t < days; t++) {
      const d = new Date(Date.UTC(2001, 0, 1) + t * 86_400_000).toISOString().slice(0, 10);
      lines.push([d, ...Array.from({ length: tickers }, (_, k) => (50 + k + t / 7).toFixed(3))].join(','));
    }
    return `${lines.join('\n')}\n`;
  }

  it('parses a file above 1 MB in a worker with progress events, and a cancelled import writes nothing', async () => {
    const big = textFile('big.csv', wide(60, 2500));
    const progress: string[] = [];
    const stop = j.listen((event, payload) => {
      if (event === 'job-progress') progress.push((payload as { message?: string }).message ?? '');
    });
    const before = counts(j);
    const pending = j.call('import-commit', { files: [big], jobId: 'cancel-me' });
    const cancelled = await j.call('job-cancel', { jobId: 'cancel-me' });
    expect(cancelled).toEqual({ ok: true, data: { cancelled: true } });
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
    expect(counts(j)).toEqual(before);

    const done = await call(j, 'import-commit', { files: [big], jobId: 'run-me' });
    stop();
    expect(done.inserted.prices).toBe(60 * 2500);
    expect(progress.some((m) => m.startsWith('writing'))).toBe(true);
  });
});

describe('bulk imports write in a worker on their own connection', () => {
  const k = runtimeIn();
  afterAll(() => k.close());

  function wideText(tickers: number, days: number): string {
    const lines = [['date', ...Array.from({ length: tickers }, (_, c) => `B${c}`)].join(',')];
    for (let t = 0; t < days; t++) {
      const d = new Date(Date.UTC(2002, 0, 1) + t * 86_400_000).toISOString().slice(0, 10);
      lines.push([d, ...Array.from({ length: tickers }, (_, c) => (10 + c + t / 9).toFixed(4))].join(','));
    }
    return `${lines.join('\n')}\n`;
  }

  it(`commits a file above BULK_THRESHOLD_BYTES (${BULK_THRESHOLD_BYTES}) atomically, re-import adds nothing, errors write nothing`, async () => {
    const text = wideText(220, 2200);
    expect(text.length).toBeGreaterThan(BULK_THRESHOLD_BYTES);
    const events: string[] = [];
    const stop = k.listen((event, payload) => {
      if (event === 'job-progress') events.push((payload as { message?: string }).message ?? '');
    });
    const r = await call(k, 'import-commit', { files: [textFile('bulk.csv', text)], jobId: 'bulk-1' });
    stop();
    expect(r.inserted.prices).toBe(220 * 2200);
    expect(r.files[0]).toMatchObject({ format: 'wide', rows: 220 * 2200, firstDate: '2002-01-01' });
    expect(events.some((m) => m.startsWith('writing'))).toBe(true);
    // The main connection sees the worker's commit.
    expect((await call(k, 'prices-get', { ticker: 'B7', start: '2002-01-02', end: '2002-01-02' }))[0]!.close).toBeCloseTo(17 + 1 / 9, 4);
    const again = await call(k, 'import-commit', { files: [textFile('bulk.csv', text)] });
    expect(again.inserted.prices).toBe(0);
    const before = counts(k);
    const broken = await k.call('import-commit', { files: [textFile('bulk-bad.csv', text.replace(/\n2003-01-01,[^,]*,/, '\n2003-01-01,oops,'))] });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/bulk-bad\.csv:\d+: B0: "oops" is not a number/);
    expect(counts(k)).toEqual(before);
  });
});
