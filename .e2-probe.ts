import { integerAllocation, greedyAllocation } from './src-main/core/allocate/discrete.js';
import { hrp } from './src-main/core/optimize/hrp.js';
import { loadReference } from './test/core/optimize-lp/reference-data.js';
import { loadHighs } from './src-main/core/optimize/lp/highs-runtime.js';
await loadHighs();
for (const ds of ['pypfopt', 'riskfolio'] as const) {
  const ref = loadReference(ds);
  const h = hrp(ref.cov, ref.tickers.length);
  if (!h.ok) throw new Error();
  for (const cash of [10000, 123456]) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await integerAllocation({ tickers: ref.tickers, weights: h.value.weights, prices: ref.last, cash });
    const c = process.cpuUsage(c0);
    console.log(ds, cash, (performance.now() - t0).toFixed(0), 'ms wall', ((c.user + c.system) / 1000).toFixed(0), 'ms cpu', r.ok && r.value.leftover);
  }
}
