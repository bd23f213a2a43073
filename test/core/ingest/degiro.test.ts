import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src-main/core/ingest/parse-file.js';
import { degiroDescriptionType } from '../../../src-main/core/ingest/formats/degiro-account.js';
import type { ParsedFile, TransactionRow } from '../../../src-main/core/ingest/types.js';
import { parseFixture } from './fixtures.js';

const at = (f: ParsedFile, line: number): TransactionRow => {
  const r = f.transactions.find((t) => t.line === line);
  if (!r) throw new Error(`no transaction on line ${line}`);
  return r;
};

describe('DEGIRO account statement (Account.csv)', () => {
  it('Dutch: trades from "Koop/Verkoop n @ p", currency before amount, dividend tax, FX, fills kept apart', () => {
    const f = parseFixture('degiro-account-nl.csv', { account: 'dg' });
    expect(f.format).toBe('degiro-account');
    expect(f.kind).toBe('transactions');
    expect(f.errors).toEqual([]);
    expect(at(f, 6)).toMatchObject({ account: 'dg', date: '2024-12-03', type: 'sell', ticker: 'NL0010273215', quantity: -2, price: 650.1, amount: 1300.2, currency: 'EUR' });
    expect(at(f, 9)).toMatchObject({ type: 'buy', quantity: 5, price: 228, amount: -1140, currency: 'USD', externalId: '7a3f9c2e-1111-4b7a-9d2e-000000000001#0' });
    expect(at(f, 10)).toMatchObject({ type: 'buy', quantity: 10, externalId: '7a3f9c2e-1111-4b7a-9d2e-000000000001#1' });
    expect(at(f, 11)).toMatchObject({ type: 'fee', amount: -2, quantity: null, externalId: '7a3f9c2e-1111-4b7a-9d2e-000000000001#0' });
    expect(at(f, 4)).toMatchObject({ type: 'tax', amount: -15, currency: 'USD' });
    expect(at(f, 5)).toMatchObject({ type: 'dividend', amount: 115, currency: 'USD' });
    expect(at(f, 2)).toMatchObject({ type: 'fx', amount: 95.06, currency: 'EUR' });
    expect(at(f, 3)).toMatchObject({ type: 'fx', amount: -100, currency: 'USD' });
    expect(at(f, 14)).toMatchObject({ type: 'interest', amount: -0.01 });
    expect(at(f, 15)).toMatchObject({ type: 'deposit', amount: 5000 });
    expect(at(f, 17)).toMatchObject({ type: 'withdrawal', amount: -1500 });
    expect(f.skipped.map((s) => s.line)).toEqual([8, 13, 16]);
    expect(f.skipped[1]!.reason).toMatch(/continuation/);
  });

  it('German: "Kauf n zu je p", thousands points, Währungswechsel, Dividendensteuer; money-market rows skipped', () => {
    const f = parseFixture('degiro-account-de.csv');
    expect(f.format).toBe('degiro-account');
    expect(f.errors).toEqual([]);
    expect(at(f, 8)).toMatchObject({ type: 'buy', quantity: 15, price: 228, amount: -3420, currency: 'USD' });
    expect(at(f, 6)).toMatchObject({ type: 'sell', quantity: -2, price: 650.1, amount: 1300.2 });
    expect(at(f, 4)).toMatchObject({ type: 'tax', amount: -15 });
    expect(at(f, 2)).toMatchObject({ type: 'fx', amount: 95.06 });
    expect(at(f, 10)).toMatchObject({ type: 'deposit', amount: 5000 });
    expect(at(f, 11)).toMatchObject({ type: 'withdrawal', amount: -1500 });
    expect(f.skipped).toEqual([{ line: 12, reason: expect.stringMatching(/internal cash movement/) }]);
  });

  it('English: decimal points with thousands commas; an unknown description is skipped with its text', () => {
    const f = parseFixture('degiro-account-en.csv');
    expect(f.errors).toEqual([]);
    expect(at(f, 8)).toMatchObject({ type: 'buy', quantity: 15, price: 228, amount: -3420 });
    expect(at(f, 9)).toMatchObject({ type: 'buy', quantity: 5, price: 700, amount: -3500, currency: 'EUR' });
    expect(at(f, 10)).toMatchObject({ type: 'deposit', amount: 5000 });
    expect(at(f, 11)).toMatchObject({ type: 'interest', amount: 0.12 });
    expect(f.skipped).toEqual([{ line: 13, reason: 'unknown DEGIRO description "Stock split: 3 for 1" (not imported)' }]);
  });

  it('French: "Achat n @ p", space thousands separators, a decimal comma even where a value fits both styles', () => {
    const f = parseFixture('degiro-account-fr.csv');
    expect(f.format).toBe('degiro-account');
    expect(f.errors).toEqual([]);
    expect(at(f, 4)).toMatchObject({ type: 'buy', quantity: 15, price: 228, amount: -3420, currency: 'USD' });
    expect(at(f, 5)).toMatchObject({ type: 'fee', amount: -2 });
    expect(at(f, 2)).toMatchObject({ type: 'tax', amount: -15 });
    expect(at(f, 6)).toMatchObject({ type: 'deposit', amount: 5000 });
    // "1,000" in a French file is one (a decimal comma), never a thousand.
    expect(at(f, 7)).toMatchObject({ type: 'fx', amount: 1 });
  });

  it('classifies descriptions in French and Spanish too, and never reads "Verkoop" as a buy', () => {
    expect(degiroDescriptionType('Verkoop 3 @ 10,5 EUR')).toBe('sell');
    expect(degiroDescriptionType('Achat 3 à 10,5 EUR')).toBe('buy');
    expect(degiroDescriptionType('Venta 1 @ 20 USD')).toBe('sell');
    expect(degiroDescriptionType('Impôts sur dividende')).toBe('tax');
    expect(degiroDescriptionType('Retención del dividendo')).toBe('tax');
    expect(degiroDescriptionType('Dividendo')).toBe('dividend');
    expect(degiroDescriptionType('Ingreso Cambio de Divisa')).toBe('fx');
    expect(degiroDescriptionType('Frais de courtage')).toBe('fee');
    expect(degiroDescriptionType('Something new')).toBeNull();
  });

  it('a trade description whose quantity cannot be read is an error naming line, column and value', () => {
    const text = 'Datum,Tijd,Valutadatum,Product,ISIN,Omschrijving,FX,Mutatie,,Saldo,,Order Id\n01-10-2024,10:00,01-10-2024,X,NL0010273215,"Koop 1,2,3 @ 1,00 EUR",,EUR,"-1,00",EUR,"0,00",id1\n';
    const f = parseImportFile(new TextEncoder().encode(text), 'Account.csv');
    expect(f.errors).toEqual([{ line: 2, column: 'Omschrijving', value: 'Koop 1,2,3 @ 1,00 EUR', message: 'cannot read the quantity and price of this trade' }]);
  });
});

describe('DEGIRO portfolio (Portfolio.csv)', () => {
  it.each([
    ['degiro-portfolio-nl.csv', 3],
    ['degiro-portfolio-de.csv', 2],
    ['degiro-portfolio-en.csv', 2],
  ])('%s: ISIN as ticker, local value and its currency, the cash row skipped', (name, n) => {
    const f = parseFixture(name, { asOf: '2024-12-06', account: 'dg' });
    expect(f.format).toBe('degiro-portfolio');
    expect(f.kind).toBe('positions');
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([]);
    expect(f.positions).toHaveLength(n);
    expect(f.positions[0]).toMatchObject({ account: 'dg', asOf: '2024-12-06', ticker: 'US0378331005', isin: 'US0378331005', quantity: 15, price: 242.84, value: 3642.6, currency: 'USD', line: 3 });
    expect(f.skipped).toEqual([{ line: 2, reason: 'cash balance: CASH & CASH FUND & FTX CASH (EUR)' }]);
  });

  it('without an as-of date the snapshot is dated today and says so', () => {
    const f = parseFixture('degiro-portfolio-en.csv');
    const today = new Date().toISOString().slice(0, 10);
    expect(f.positions[0]!.asOf).toBe(today);
    expect(f.warnings.join(' ')).toContain(`as of ${today}`);
  });
});
