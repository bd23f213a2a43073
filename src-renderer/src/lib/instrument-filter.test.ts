import { describe, expect, it } from 'vitest';
import type { InstrumentSummary } from '../../../shared/api/market-data.js';
import { emptyAssetRow } from '../forms/optimise-form.js';
import { withStoredSectors } from '../forms/sector-defaults.js';
import { classificationUpdates, distinctValues, editOf, emptyFilter, filterInstruments, NONE } from './instrument-filter.js';

const inst = (ticker: string, o: Partial<InstrumentSummary> = {}): InstrumentSummary => ({
  ticker,
  name: null,
  currency: 'USD',
  sector: null,
  assetClass: null,
  tags: [],
  firstDate: '2020-01-02',
  lastDate: '2020-12-31',
  priceRows: 250,
  ...o,
});
const list = [
  inst('MSFT', { name: 'Microsoft', sector: 'Tech', assetClass: 'Equity', tags: ['core', 'us'] }),
  inst('BUND', { currency: 'EUR', assetClass: 'Bond', tags: ['eu'] }),
  inst('AAPL', { sector: 'Tech', assetClass: 'Equity', tags: ['us'] }),
  inst('XOM', { sector: 'Energy', assetClass: 'Equity' }),
];
const tickers = (l: InstrumentSummary[]) => l.map((i) => i.ticker);

describe('instrument filters', () => {
  it('filters by text, currency, sector, asset class and tag, combined, sorted by ticker', () => {
    expect(tickers(filterInstruments(list, emptyFilter()))).toEqual(['AAPL', 'BUND', 'MSFT', 'XOM']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), text: 'micro' }))).toEqual(['MSFT']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), currency: 'EUR' }))).toEqual(['BUND']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), sector: 'Tech', tag: 'core' }))).toEqual(['MSFT']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), sector: NONE }))).toEqual(['BUND']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), tag: NONE }))).toEqual(['XOM']);
    expect(tickers(filterInstruments(list, { ...emptyFilter(), assetClass: 'Equity', tag: 'us' }))).toEqual(['AAPL', 'MSFT']);
    expect(distinctValues(list, (i) => i.tags ?? [])).toEqual(['core', 'eu', 'us']);
    expect(distinctValues(list, (i) => [i.sector])).toEqual(['Energy', 'Tech']);
  });

  it('sends only the changed fields of changed rows', () => {
    const edits = Object.fromEntries(list.map((i) => [i.ticker, editOf(i)]));
    expect(classificationUpdates(list, edits)).toEqual([]);
    edits.BUND = { ...edits.BUND!, sector: ' Government ' };
    edits.MSFT = { ...edits.MSFT!, tags: 'us, core, core' }; // same set, other order: unchanged
    edits.XOM = { ...edits.XOM!, assetClass: '', tags: 'value' };
    edits.AAPL = { ...edits.AAPL!, sector: '' };
    // In list order; a blank field is sent as '' (the store clears it).
    expect(classificationUpdates(list, edits)).toEqual([
      { ticker: 'BUND', sector: 'Government' },
      { ticker: 'AAPL', sector: '' },
      { ticker: 'XOM', assetClass: '', tags: ['value'] },
    ]);
  });
});

describe('sector defaults for group constraints', () => {
  it('fills blank sectors of newly added rows from the store and keeps what the scenario says', () => {
    const assets = {
      MSFT: { ...emptyAssetRow('MSFT'), sector: 'Software' }, // typed in the scenario: kept
      XOM: emptyAssetRow('XOM'), // new and blank: from the store
      AAPL: emptyAssetRow('AAPL'), // already in the editor with a blank sector: left blank on purpose
      BUND: emptyAssetRow('BUND'), // no stored sector
    };
    const out = withStoredSectors(assets, new Set(['AAPL']), list);
    expect(Object.fromEntries(Object.entries(out).map(([t, r]) => [t, r.sector]))).toEqual({ MSFT: 'Software', XOM: 'Energy', AAPL: '', BUND: '' });
  });
});
