import { describe, expect, it } from 'vitest';
import { parseOptionsFile } from '../../../src-main/core/options/import-options.js';
import { contractId, parseContractId, parseOptionSymbol } from '../../../src-main/core/options/symbols.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('option symbols', () => {
  it('reads IBKR, OCC, Fidelity/Schwab symbols', () => {
    const want = { underlying: 'AAPL', type: 'call', strike: 150, expiry: '2025-01-17' };
    expect(parseOptionSymbol('AAPL 17JAN25 150 C')).toEqual(want);
    expect(parseOptionSymbol('AAPL  250117C00150000')).toEqual(want);
    expect(parseOptionSymbol('AAPL250117C00150000')).toEqual(want);
    expect(parseOptionSymbol('-AAPL250117C150')).toEqual(want);
    expect(parseOptionSymbol('AAPL 01/17/2025 150.00 C')).toEqual(want);
    expect(parseOptionSymbol('SPY 20DEC24 472.5 P')).toEqual({ underlying: 'SPY', type: 'put', strike: 472.5, expiry: '2024-12-20' });
    expect(parseOptionSymbol('SPX   241220P04500000')).toEqual({ underlying: 'SPX', type: 'put', strike: 4500, expiry: '2024-12-20' });
  });

  it('rejects plain tickers and impossible dates', () => {
    for (const s of ['AAPL', 'BRK.B', 'AAPL 31FEB25 150 C', '-AAPL251317C150', 'EUR.USD']) expect(parseOptionSymbol(s), s).toBeNull();
  });

  it('contract ids round-trip', () => {
    const c = { underlying: 'AAPL', type: 'put' as const, strike: 172.5, expiry: '2025-03-21' };
    expect(contractId(c)).toBe('AAPL_2025-03-21_P_172.5');
    expect(parseContractId(contractId(c))).toEqual(c);
    expect(parseContractId('AAPL_2025-02-30_P_1')).toBeNull();
  });
});

describe('generic options CSV', () => {
  const today = '2024-06-03';
  it('is recognised from its header, with defaults for the optional columns', () => {
    const r = parseOptionsFile(bytes('Underlying,Type,Strike,Expiry,Quantity,Price\nAAPL,C,150,2025-01-17,-3,12.5\nMSFT,put,400,2024-12-20,2,\n'), 'o.csv', { today, asOf: '2024-06-01' });
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('options-generic');
    expect(r.positions).toHaveLength(2);
    expect(r.positions[0]).toMatchObject({ underlying: 'AAPL', type: 'call', strike: 150, expiry: '2025-01-17', quantity: -3, multiplier: 100, style: 'european', price: 12.5, impliedVol: null, dividendYield: 0, asOf: '2024-06-01', source: 'o.csv:2' });
    expect(r.positions[1]!.price).toBeNull();
  });

  it('names FILE line, column and value of every bad cell', () => {
    const r = parseOptionsFile(bytes('underlying,type,strike,expiry,quantity,style,iv\nAAPL,X,150,2025-01-17,1,european,0.2\nAAPL,C,-1,2025-13-01,0,bermudan,25\nAAPL,C,150,2025-01-17,1,,\n'), 'bad.csv', { today });
    const where = r.errors.map((e) => `${e.line}:${e.column}:${e.value}`);
    expect(where).toEqual(['2:type:X', '3:strike:-1', '3:expiry:2025-13-01', '3:quantity:0', '3:style:bermudan', '3:iv:25']);
    expect(r.errors[0]!.message).toMatch(/not call or put/);
  });

  it('flags a contract listed twice', () => {
    const r = parseOptionsFile(bytes('underlying,type,strike,expiry,quantity\nAAPL,C,150,2025-01-17,1\nAAPL,C,150,2025-01-17,2\n'), 'dup.csv', { today });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 3 });
    expect(r.errors[0]!.message).toMatch(/listed twice.*line 2/);
  });
});
