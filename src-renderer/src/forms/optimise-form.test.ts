import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import SettingsForm from '../screens/optimise/SettingsForm.svelte';
import { setTickers, work } from '../state/workbench.svelte.js';
import { newScenario } from '../state/scenario-actions.svelte.js';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { scenarioFileSchema } from '../../../shared/domain/scenario.js';
import { defaultForm, holdingsTotal, syncAssets, validateForm, type OptimiseForm } from './optimise-form.js';
import { parseNumber, parsePercent, percentText } from './parse.js';
import { formFromScenario, scenarioFromRequest } from './scenario-form.js';
import { newView } from './views-form.js';

const KNOWN = new Set(['AAPL', 'GOOG', 'FB', 'XOM']);

function form(patch: Partial<OptimiseForm> = {}): OptimiseForm {
  const f = { ...defaultForm(), tickers: ['AAPL', 'GOOG', 'FB'], ...patch };
  f.assets = syncAssets(f);
  return f;
}

describe('number parsing', () => {
  it('reads percent fields as fractions and rejects junk', () => {
    expect(parsePercent('8')).toEqual({ ok: true, value: 0.08 });
    expect(parsePercent(' 8,5 % ')).toEqual({ ok: true, value: 0.085 });
    expect(parsePercent('')).toEqual({ ok: true, value: undefined });
    expect(parseNumber('1e-3')).toEqual({ ok: true, value: 0.001 });
    for (const bad of ['abc', '1,000,0', '--1', '5x']) expect(parseNumber(bad).ok).toBe(false);
  });

  it('percentText and parsePercent round-trip', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const back = parsePercent(percentText(x));
        expect(back.ok && back.value !== undefined).toBe(true);
        if (back.ok && back.value !== undefined) expect(back.value).toBeCloseTo(x, 9);
      }),
    );
  });
});

describe('validateForm', () => {
  it('accepts the defaults and builds a request the API schema accepts', () => {
    const { errors, request } = validateForm(form(), KNOWN);
    expect(errors).toEqual({});
    expect(request!.tickers).toEqual(['AAPL', 'GOOG', 'FB']);
    const parsed = optimizeOptionsSchema.parse(request!.options);
    expect(parsed.objective).toBe('min-volatility');
    expect(parsed.constraints.bounds).toEqual([0, 1]);
  });

  it('refuses no tickers, unknown tickers and duplicates', () => {
    expect(validateForm(form({ tickers: [] }), KNOWN).errors.tickers).toMatch(/at least one/);
    expect(validateForm(form({ tickers: ['AAPL', 'ZZZ'] }), KNOWN).errors.tickers).toMatch(/unknown ticker: ZZZ/);
    expect(validateForm(form({ tickers: ['AAPL', 'AAPL'] }), KNOWN).errors.tickers).toMatch(/twice/);
  });

  it('names the field of a bad number and of min > max', () => {
    const f = form({ rf: 'abc' });
    f.assets.GOOG!.min = '40';
    f.assets.GOOG!.max = '30';
    const { errors, request } = validateForm(f, KNOWN);
    expect(request).toBeUndefined();
    expect(errors.rf).toMatch(/not a number/);
    expect(errors['asset:GOOG:min']).toMatch(/min is above max/);
    expect(validateForm(form({ lower: '50', upper: '10' }), KNOWN).errors.bounds).toMatch(/above the upper/);
  });

  it('refuses bounds no fully invested portfolio can meet', () => {
    expect(validateForm(form({ upper: '30' }), KNOWN).errors.bounds).toMatch(/maximum weights add up to 90\.00 %/);
    const f = form();
    for (const t of f.tickers) f.assets[t]!.min = '40';
    expect(validateForm(f, KNOWN).errors.bounds).toMatch(/minimum weights add up to 120\.00 %/);
  });

  it('asks for the target an objective needs', () => {
    expect(validateForm(form({ objective: 'efficient-risk' }), KNOWN).errors.targetVolatility).toMatch(/needs a target volatility/);
    expect(validateForm(form({ objective: 'efficient-return' }), KNOWN).errors.targetReturn).toMatch(/needs a target return/);
    const ok = validateForm(form({ objective: 'efficient-risk', targetVolatility: '15' }), KNOWN);
    expect(ok.request!.options.targets?.targetVolatility).toBeCloseTo(0.15, 12);
  });

  it('sums holdings, refuses more than 100 % and locks an asset at its weight', () => {
    const f = form();
    f.assets.AAPL!.current = '60';
    f.assets.GOOG!.current = '30';
    expect(holdingsTotal(f)).toBeCloseTo(0.9, 12);
    f.assets.GOOG!.locked = true;
    const { request } = validateForm(f, KNOWN);
    expect(request!.options.constraints?.assetBounds).toEqual({ GOOG: [0.3, 0.3] });
    expect(request!.holdings).toEqual({ AAPL: 0.6, GOOG: 0.3 });
    f.assets.FB!.current = '20';
    expect(validateForm(f, KNOWN).errors.holdings).toMatch(/110\.00 %/);
    f.assets.FB!.current = '';
    f.assets.AAPL!.locked = true;
    f.assets.AAPL!.current = '';
    expect(validateForm(f, KNOWN).errors['asset:AAPL:locked']).toMatch(/current weight/);
  });

  it('turns sectors into groups with caps and checks the caps', () => {
    const f = form();
    f.assets.AAPL!.sector = 'Tech';
    f.assets.GOOG!.sector = 'Tech';
    f.assets.FB!.sector = 'Media';
    f.sectorCaps = [{ sector: 'Tech', min: '', max: '50' }];
    const { request } = validateForm(f, KNOWN);
    expect(request!.options.constraints?.groups).toEqual([
      { name: 'Tech', tickers: ['AAPL', 'GOOG'], max: 0.5 },
      { name: 'Media', tickers: ['FB'] },
    ]);
    f.sectorCaps = [{ sector: 'Energy', min: '', max: '20' }, { sector: 'Tech', min: '60', max: '50' }, { sector: '', min: '', max: '' }];
    const { errors } = validateForm(f, KNOWN);
    expect(errors['cap:0']).toMatch(/no chosen asset is in Energy/);
    expect(errors['cap:1']).toMatch(/min is above max/);
    expect(errors['cap:2']).toMatch(/choose a sector/);
  });
});

describe('Black-Litterman views', () => {
  function withViews(...views: ReturnType<typeof newView>[]): OptimiseForm {
    return form({ bl: { enabled: true, prior: 'historical', tau: '5', omega: 'idzorek', riskAversion: '', marketCaps: {}, views } });
  }

  it('builds absolute and relative views with confidences as fractions', () => {
    const abs = { ...newView('absolute'), long: 'AAPL', value: '8', confidence: 70 };
    const rel = { ...newView('relative'), long: 'GOOG', short: 'FB', value: '2', confidence: 40 };
    const { errors, request } = validateForm(withViews(abs, rel), KNOWN);
    expect(errors).toEqual({});
    const bl = optimizeOptionsSchema.parse(request!.options).blackLitterman!;
    expect(bl.omega).toBe('idzorek');
    expect(bl.tau).toBeCloseTo(0.05, 12);
    expect(bl.views).toEqual([
      { asset: 'AAPL', return: 0.08, confidence: 0.7 },
      { long: ['GOOG'], short: ['FB'], return: 0.02, confidence: 0.4 },
    ]);
  });

  it('refuses bad views with a message at the row', () => {
    const { errors, request } = validateForm(
      withViews(
        { ...newView('absolute'), long: 'XOM', value: '5' }, // known instrument but not chosen
        { ...newView('absolute'), long: '', value: '5' },
        { ...newView('relative'), long: 'GOOG', short: 'GOOG', value: '1' },
        { ...newView('absolute'), long: 'AAPL', value: '5', confidence: 150 },
        { ...newView('relative'), long: 'GOOG', short: '', value: '1' },
        { ...newView('absolute'), long: 'AAPL', value: 'lots' },
      ),
      KNOWN,
    );
    expect(request).toBeUndefined();
    expect(errors['view:0']).toMatch(/unknown asset XOM/);
    expect(errors['view:1']).toMatch(/choose the asset/);
    expect(errors['view:2']).toMatch(/both sides/);
    expect(errors['view:3']).toMatch(/confidence/);
    expect(errors['view:4']).toMatch(/underperform/);
    expect(errors['view:5']).toMatch(/not a number/);
  });

  it('ignores the views table while Black-Litterman is off', () => {
    const f = withViews({ ...newView('absolute'), long: 'NOPE', value: 'x' });
    f.bl.enabled = false;
    const { errors, request } = validateForm(f, KNOWN);
    expect(errors).toEqual({});
    expect(request!.options.blackLitterman).toBeUndefined();
  });
});

describe('market prior', () => {
  it('needs a positive market cap for every chosen ticker and round-trips them', () => {
    const f = form({ name: 'Mkt' });
    f.bl = { enabled: true, prior: 'market', tau: '5', omega: 'proportional', riskAversion: 'market', marketCaps: { AAPL: '2500', GOOG: '1800' }, views: [] };
    expect(validateForm(f, KNOWN).errors['bl:marketCaps']).toMatch(/market cap for FB/);
    f.bl.marketCaps.FB = '-3';
    expect(validateForm(f, KNOWN).errors['bl:cap:FB']).toMatch(/negative/);
    f.bl.marketCaps.FB = '900';
    const { errors, request } = validateForm(f, KNOWN);
    expect(errors).toEqual({});
    const bl = optimizeOptionsSchema.parse(request!.options).blackLitterman!;
    expect(bl.marketCaps).toEqual({ AAPL: 2500, GOOG: 1800, FB: 900 });
    expect(bl.riskAversion).toBe('market');
    const back = formFromScenario(scenarioFileSchema.parse(scenarioFromRequest('Mkt', request!)), 30);
    expect(back.bl).toEqual(f.bl);
  });
});

describe('scenario round trip', () => {
  it('form → scenario → form keeps every setting', () => {
    const f = form({ name: 'Core', objective: 'efficient-return', targetReturn: '9', rf: '2', upper: '60', start: '2015-01-02' });
    f.assets.AAPL!.current = '40';
    f.assets.AAPL!.locked = true;
    f.assets.GOOG!.max = '35';
    f.assets.GOOG!.sector = 'Tech';
    f.assets.AAPL!.sector = 'Tech';
    f.sectorCaps = [{ sector: 'Tech', min: '10', max: '70' }];
    f.bl = { enabled: true, prior: 'equal', tau: '2.5', omega: 'proportional', riskAversion: '2.5', marketCaps: {}, views: [{ ...newView('relative'), long: 'GOOG', short: 'FB', value: '2', confidence: 30 }] };
    const { request } = validateForm(f, KNOWN);
    const saved = scenarioFileSchema.parse(scenarioFromRequest(f.name, request!));
    const back = formFromScenario(saved, 30);
    expect(back).toEqual(f);
  });
});

describe('trading constraints in the form', () => {
  it('turn costs, turnover, holdings count and tracking error into constraints against current weights', () => {
    const f = form({ txCost: '0.5', maxTurnover: '30', maxHoldings: '2', trackingError: '4' });
    f.assets.AAPL!.current = '50';
    f.assets.GOOG!.current = '50';
    const { errors, request } = validateForm(f, KNOWN);
    expect(errors).toEqual({});
    const options = optimizeOptionsSchema.parse(request!.options);
    expect(options.constraints).toMatchObject({
      txCost: 0.005,
      maxTurnover: 0.3,
      maxHoldings: 2,
      trackingError: 0.04,
      currentWeights: { AAPL: 0.5, GOOG: 0.5 },
      benchmarkWeights: { AAPL: 0.5, GOOG: 0.5 },
    });
    // And a saved scenario brings the fields back.
    const back = formFromScenario(scenarioFileSchema.parse(scenarioFromRequest('T', request!)));
    expect([back.txCost, back.maxTurnover, back.maxHoldings, back.trackingError]).toEqual(['0.5', '30', '2', '4']);
  });

  it('refuses them without current weights, and bad numbers, at the field', () => {
    const { errors } = validateForm(form({ maxTurnover: '20', maxHoldings: '1.5', trackingError: '-1' }), KNOWN);
    expect(errors.holdings).toMatch(/current weights/);
    expect(errors.maxHoldings).toMatch(/whole number/);
    expect(errors.trackingError).toMatch(/above 0/);
  });

  it('allows market-neutral only with shorting', () => {
    expect(validateForm(form({ marketNeutral: true }), KNOWN).errors.marketNeutral).toMatch(/negative lower bound/);
    const { errors, request } = validateForm(form({ marketNeutral: true, lower: '-50', upper: '50' }), KNOWN);
    expect(errors).toEqual({});
    expect(optimizeOptionsSchema.parse(request!.options).constraints.marketNeutral).toBe(true);
  });
});

describe('risk-parity budgets', () => {
  it('all empty means equal risk: no budgets are sent', () => {
    const { errors, request } = validateForm(form({ objective: 'risk-parity' }), KNOWN);
    expect(errors).toEqual({});
    expect(request!.options.targets?.riskBudgets).toBeUndefined();
  });

  it('relative budgets are normalised to sum to 1 and accepted by the API schema', () => {
    const { errors, request } = validateForm(form({ objective: 'risk-parity', riskBudgets: { AAPL: '2', GOOG: '1', FB: '1,0' } }), KNOWN);
    expect(errors).toEqual({});
    const budgets = optimizeOptionsSchema.parse(request!.options).targets.riskBudgets!;
    expect(budgets.AAPL).toBeCloseTo(0.5, 15);
    expect(budgets.GOOG).toBeCloseTo(0.25, 15);
    expect(budgets.FB).toBeCloseTo(0.25, 15);
  });

  it('names the asset whose budget is missing, zero, negative or not a number', () => {
    const { errors, request } = validateForm(form({ objective: 'risk-parity', riskBudgets: { AAPL: '0', GOOG: 'x', FB: '' } }), KNOWN);
    expect(request).toBeUndefined();
    expect(errors['budget:AAPL']).toMatch(/above 0/);
    expect(errors['budget:GOOG']).toMatch(/not a number/);
    expect(errors['budget:FB']).toMatch(/every asset a budget/);
    expect(validateForm(form({ objective: 'risk-parity', riskBudgets: { AAPL: '-1', GOOG: '1', FB: '1' } }), KNOWN).errors['budget:AAPL']).toMatch(/above 0/);
  });

  it('are ignored for other objectives', () => {
    const { errors, request } = validateForm(form({ objective: 'min-volatility', riskBudgets: { AAPL: 'junk' } }), KNOWN);
    expect(errors).toEqual({});
    expect(request!.options.targets?.riskBudgets).toBeUndefined();
  });
});

describe('tracking-error benchmark', () => {
  it('equal weight needs no current holdings and sends 1/n per asset', () => {
    const { errors, request } = validateForm(form({ trackingError: '3', teBenchmark: 'equal' }), KNOWN);
    expect(errors).toEqual({});
    const c = optimizeOptionsSchema.parse(request!.options).constraints;
    expect(c.trackingError).toBeCloseTo(0.03, 15);
    for (const t of ['AAPL', 'GOOG', 'FB']) expect(c.benchmarkWeights![t]).toBeCloseTo(1 / 3, 15);
    expect(c.currentWeights).toBeUndefined();
  });

  it('explicit weights are percents (empty = 0 %) that must add up to 100 %', () => {
    const ok = validateForm(form({ trackingError: '3', teBenchmark: 'custom', benchmarkWeights: { AAPL: '60', GOOG: '40' } }), KNOWN);
    expect(ok.errors).toEqual({});
    expect(ok.request!.options.constraints?.benchmarkWeights).toEqual({ AAPL: 0.6, GOOG: 0.4 });
    const short = validateForm(form({ trackingError: '3', teBenchmark: 'custom', benchmarkWeights: { AAPL: '60', GOOG: '30' } }), KNOWN);
    expect(short.errors.benchmark).toMatch(/add up to 90\.00 %, not 100 %/);
    const bad = validateForm(form({ trackingError: '3', teBenchmark: 'custom', benchmarkWeights: { AAPL: 'abc' } }), KNOWN);
    expect(bad.errors['benchmark:AAPL']).toMatch(/not a number/);
  });

  it('current holdings stay the default and still need holdings', () => {
    expect(validateForm(form({ trackingError: '3' }), KNOWN).errors.holdings).toMatch(/current weights/);
  });
});

describe('SettingsForm (component)', () => {
  afterEach(() => {
    cleanup();
    newScenario();
  });
  const chosen = new Set(['AAA', 'BBB']);

  it('shows a budget per asset only for risk parity, the normalised shares, and errors next to the field', async () => {
    setTickers(['AAA', 'BBB']);
    const { rerender } = render(SettingsForm, { errors: {} });
    expect(screen.queryByLabelText('Risk budget AAA')).toBeNull();
    work.form.objective = 'risk-parity';
    await tick();
    await fireEvent.input(screen.getByLabelText('Risk budget AAA'), { target: { value: '3' } });
    await fireEvent.input(screen.getByLabelText('Risk budget BBB'), { target: { value: '1' } });
    await tick();
    expect(screen.getByTestId('budget-share-AAA').textContent).toBe('75.0 % of risk');
    expect(screen.getByTestId('budget-share-BBB').textContent).toBe('25.0 % of risk');
    expect(validateForm(work.form, chosen).request!.options.targets?.riskBudgets).toEqual({ AAA: 0.75, BBB: 0.25 });

    await fireEvent.input(screen.getByLabelText('Risk budget BBB'), { target: { value: '-2' } });
    await rerender({ errors: validateForm(work.form, chosen).errors });
    const field = screen.getByLabelText('Risk budget BBB');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.parentElement!.textContent).toContain('a risk budget must be above 0');
  });

  it('offers current / equal / explicit benchmarks for the tracking-error cap', async () => {
    setTickers(['AAA', 'BBB']);
    const { rerender } = render(SettingsForm, { errors: {} });
    await fireEvent.input(screen.getByLabelText('Tracking-error cap (%)'), { target: { value: '2' } });
    const select = screen.getByLabelText<HTMLSelectElement>('Tracking-error benchmark');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['current holdings', 'equal weight', 'benchmark weights below']);
    expect(screen.queryByLabelText('Benchmark weight AAA (%)')).toBeNull();
    // Svelte reads a changed <select> through `:checked`, which happy-dom does not match for options, so the
    // choice is made on the state; the select must follow it.
    work.form.teBenchmark = 'custom';
    await tick();
    expect(select.value).toBe('custom');
    await fireEvent.input(screen.getByLabelText('Benchmark weight AAA (%)'), { target: { value: '70' } });
    await rerender({ errors: validateForm(work.form, chosen).errors });
    expect(screen.getByRole('alert').textContent).toMatch(/add up to 70\.00 %, not 100 %/);
    await fireEvent.input(screen.getByLabelText('Benchmark weight BBB (%)'), { target: { value: '30' } });
    const { errors, request } = validateForm(work.form, chosen);
    expect(errors).toEqual({});
    expect(request!.options.constraints?.benchmarkWeights).toEqual({ AAA: 0.7, BBB: 0.3 });
  });
});
