// Component tests: the editors show validation messages at the row and edit the shared form.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { validateForm } from '../../forms/optimise-form.js';
import { newView } from '../../forms/views-form.js';
import { setTickers, work } from '../../state/workbench.svelte.js';
import { newScenario } from '../../state/scenario-actions.svelte.js';
import PortfolioEditor from './PortfolioEditor.svelte';
import ViewsEditor from './ViewsEditor.svelte';

afterEach(() => {
  cleanup();
  newScenario();
});

function errorsNow(): Record<string, string> {
  return validateForm(work.form, new Set(['AAA', 'BBB', 'CCC'])).errors;
}

describe('ViewsEditor', () => {
  it('adds views through its buttons and shows the error of a bad view at its row', async () => {
    setTickers(['AAA', 'BBB']);
    const { rerender } = render(ViewsEditor, { errors: {} });
    await fireEvent.click(screen.getByRole('button', { name: 'Add absolute view' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add relative view' }));
    expect(work.form.bl.enabled).toBe(true);
    expect(work.form.bl.views.map((v) => v.kind)).toEqual(['absolute', 'relative']);

    const asset = screen.getByLabelText('View 1 asset');
    await fireEvent.input(asset, { target: { value: 'CCC' } }); // known instrument, not chosen
    expect(work.form.bl.views[0]!.long).toBe('CCC');
    await rerender({ errors: errorsNow() });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['View 1: unknown asset CCC: not in the chosen tickers', 'View 2: choose the asset expected to outperform']);
  });

  it('confidence slider writes a percent the validation turns into a fraction', async () => {
    setTickers(['AAA', 'BBB']);
    work.form.bl = { enabled: true, prior: 'historical', tau: '5', omega: 'idzorek', riskAversion: '', marketCaps: {}, views: [{ ...newView('absolute'), long: 'AAA', value: '6' }] };
    render(ViewsEditor, { errors: {} });
    await fireEvent.input(screen.getByLabelText('View 1 confidence (%)'), { target: { value: '80' } });
    await tick();
    expect(screen.getByText('80 %')).toBeTruthy();
    const { request } = validateForm(work.form, new Set(['AAA', 'BBB']));
    expect(request!.options.blackLitterman!.views).toEqual([{ asset: 'AAA', return: 0.06, confidence: 0.8 }]);
  });
});

describe('PortfolioEditor', () => {
  it('shows live totals and cash, and flags min above max at the row', async () => {
    setTickers(['AAA', 'BBB']);
    const { rerender } = render(PortfolioEditor, { errors: {} });
    await fireEvent.input(screen.getByLabelText('AAA current weight (%)'), { target: { value: '30' } });
    await fireEvent.input(screen.getByLabelText('BBB current weight (%)'), { target: { value: '45.5' } });
    await tick();
    const foot = screen.getByRole('table', { name: 'Portfolio editor' }).querySelector('tfoot')!;
    expect(foot.textContent).toContain('75.50 %');
    expect(foot.textContent).toContain('Cash 24.50 %');

    await fireEvent.input(screen.getByLabelText('BBB min weight (%)'), { target: { value: '50' } });
    await fireEvent.input(screen.getByLabelText('BBB max weight (%)'), { target: { value: '20' } });
    await rerender({ errors: errorsNow() });
    expect(screen.getByRole('alert').textContent).toMatch(/BBB: min is above max/);
  });

  it('pasted spreadsheet rows fill the current weights and unknown tickers are named', async () => {
    setTickers(['AAA', 'BBB']);
    render(PortfolioEditor, { errors: {} });
    await fireEvent.input(screen.getByLabelText('Pasted holdings'), { target: { value: 'AAA\t12,5\nZZZ\t3\nBBB\t40%' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(work.form.assets.AAA!.current).toBe('12,5');
    expect(work.form.assets.BBB!.current).toBe('40');
    expect(screen.getByText(/not in the chosen tickers: ZZZ/)).toBeTruthy();
  });
});
