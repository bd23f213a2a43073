import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDateColumn } from '../../../src-main/core/ingest/dates.js';
import { decideNumberColumn, parseNumberCell } from '../../../src-main/core/ingest/numbers.js';
import { classifyAction } from '../../../src-main/core/ingest/actions.js';

const value = (raw: string, style: 'dot' | 'comma' = 'dot'): number | null => {
  const c = parseNumberCell(raw, style);
  return c.kind === 'value' ? c.value : null;
};

describe('numbers', () => {
  it('reads broker money: $, -$, +$, parentheses, thousands, suffixes, percent', () => {
    expect(value('-$3,699.16')).toBe(-3699.16);
    expect(value('($403.20)')).toBe(-403.2);
    expect(value('+$0.43')).toBe(0.43);
    expect(value('52.16M')).toBe(52_160_000);
    expect(value('564.84K')).toBeCloseTo(564_840, 6);
    expect(parseNumberCell('0.06%', 'dot')).toEqual({ kind: 'value', value: 0.06, percent: true });
    expect(value('1 950,60', 'comma')).toBe(1950.6);
    expect(value('58.123,45', 'comma')).toBe(58123.45);
    expect(value('"-1950,60"'.replace(/"/g, ''), 'comma')).toBe(-1950.6);
  });

  it('treats --, N/A, null and Not available as missing', () => {
    for (const raw of ['--', 'N/A', 'null', 'Not available', '', ' ']) expect(parseNumberCell(raw, 'dot').kind).toBe('missing');
  });

  it('decides the decimal style per column', () => {
    expect(decideNumberColumn(['1.234,5', '2,25']).style).toBe('comma');
    expect(decideNumberColumn(['1,234.5', '2.25']).style).toBe('dot');
    // Only 3-digit groups: the hint decides (a ; delimited file means decimal comma).
    expect(decideNumberColumn(['1,234'], 'comma').parse('1,234')).toEqual({ kind: 'value', value: 1.234, percent: false });
    expect(decideNumberColumn(['1,234']).parse('1,234')).toEqual({ kind: 'value', value: 1234, percent: false });
  });

  it('never mistakes 1 000 for 1 (a thousands separator is never dropped silently)', () => {
    expect(value('1 000', 'comma')).toBe(1000);
    expect(value('1 000', 'dot')).toBe(1000);
    expect(parseNumberCell('1,00,0', 'dot').kind).toBe('invalid');
  });

  it('round-trips any finite number written with a dot or a comma (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = x.toFixed(4);
        expect(value(s, 'dot')).toBeCloseTo(Number(s), 8);
        expect(value(s.replace('.', ','), 'comma')).toBeCloseTo(Number(s), 8);
      }),
    );
  });
});

describe('dates', () => {
  it('reads every layout the formats use', () => {
    const one = (raw: string, hint?: 'dmy' | 'mdy'): string | null => {
      const d = decideDateColumn([raw], hint);
      return d.ok ? d.decision.parse(raw) : null;
    };
    expect(one('2024-01-16, 10:31:05')).toBe('2024-01-16');
    expect(one('20240102')).toBe('2024-01-02');
    expect(one('1/16/2024 16:00:00')).toBe('2024-01-16');
    expect(one('11/18/2024 as of 11/15/2024')).toBe('2024-11-18');
    expect(one('15-11-2024')).toBe('2024-11-15');
    expect(one('31.12.2024')).toBe('2024-12-31');
    expect(one('02-Apr-2025')).toBe('2025-04-02');
    expect(one('Nov-22-2024')).toBe('2024-11-22');
    expect(one('December 31, 2024')).toBe('2024-12-31');
    expect(one('2024/11/22')).toBe('2024-11-22');
    expect(one('11/04/24', 'mdy')).toBe('2024-11-04');
    expect(one('2024-06-03 09:30:00-04:00')).toBe('2024-06-03');
  });

  it('refuses impossible dates and mixed layouts in one column', () => {
    const d = decideDateColumn(['2024-02-30']);
    expect(d.ok && d.decision.parse('2024-02-30')).toBeNull();
    expect(decideDateColumn(['2024-01-02', '01/03/2024']).ok).toBe(false);
    expect(decideDateColumn(['13/01/2024', '01/13/2024']).ok).toBe(false);
  });
});

describe('action text', () => {
  it('maps broker wording to types, transfers by sign, user table first', () => {
    expect(classifyAction('YOU BOUGHT VANGUARD (VTI) (Cash)', -1)).toBe('buy');
    expect(classifyAction('Reinvest Shares', -1)).toBe('buy');
    expect(classifyAction('Reinvest Dividend', 1)).toBe('dividend');
    expect(classifyAction('NRA Tax Adj', -1)).toBe('tax');
    expect(classifyAction('MoneyLink Transfer', -100)).toBe('withdrawal');
    expect(classifyAction('MoneyLink Transfer', 100)).toBe('deposit');
    expect(classifyAction('CDIV', 1)).toBe('dividend');
    expect(classifyAction('Weird Thing', 1)).toBeNull();
    expect(classifyAction('Weird Thing', 1, { 'weird thing': 'fee' })).toBe('fee');
  });
});
