/** The optimisation job functions (as the worker pool runs them): plain data in and out, typed errors. */
import { describe, expect, it } from 'vitest';
import { optimizeJobs } from '../../../src-main/jobs/kinds/optimize.js';
import { syntheticPrices } from './synthetic.js';

const ctx = { progress: () => {}, isCancelled: () => false };
const prices = syntheticPrices(6, 300);

describe('optimizeJobs', () => {
  it('optimize: options input is parsed with defaults, weights come back as a record', async () => {
    const r = await optimizeJobs.optimize({ prices, options: { objective: 'min-volatility' }, window: { completeRows: false, last: 200 } }, ctx);
    expect(Object.keys(r.weights)).toEqual(prices.tickers);
    expect(r.diagnostics.estimators.returns).toBe('historical');
    expect(structuredClone(r)).toEqual(r); // crosses a thread boundary as is
  });

  it('frontier: points and assets', async () => {
    const r = await optimizeJobs.frontier({ prices, options: {}, points: 5 }, ctx);
    expect(r.points).toHaveLength(5);
    expect(r.assets).toHaveLength(6);
  });

  it('estimate: covariance as nested arrays', async () => {
    const r = await optimizeJobs.estimate({ prices, options: { estimators: { risk: 'exp', span: 60 } } }, ctx);
    expect(r.covariance).toHaveLength(6);
    expect(r.covariance[0]).toHaveLength(6);
  });

  it('core errors become Errors with a code', async () => {
    await expect(optimizeJobs.optimize({ prices, options: { constraints: { bounds: [0, 0.1] } } }, ctx)).rejects.toMatchObject({ code: 'infeasible' });
    await expect(optimizeJobs.optimize({ prices, options: { objective: 'nope' } as never }, ctx)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
