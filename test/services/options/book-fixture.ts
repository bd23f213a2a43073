/** A real store for option tests: GBM closes for AAPL and MSFT (wide CSV through the importer) plus option files. */
import type { Runtime } from '../../../src-main/services/runtime.js';
import { call, runtimeIn, textFile } from '../../import/helpers.js';

/** Weekday dates from `start`, `n` of them. */
export function weekdays(start: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Deterministic GBM path (annual vol `vol`) from `s0`. */
export function gbm(n: number, s0: number, vol: number, seed: number): number[] {
  let x = seed >>> 0;
  const uniform = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x + 0.5) / 4294967296;
  };
  const out = [s0];
  while (out.length < n) {
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    out.push(out[out.length - 1]! * Math.exp(-0.5 * vol * vol / 252 + (vol / Math.sqrt(252)) * z));
  }
  return out;
}

export const DATES = weekdays('2021-01-04', 800);
export const AAPL = gbm(DATES.length, 150, 0.25, 7);
export const MSFT = gbm(DATES.length, 300, 0.2, 11);
export const AS_OF = DATES[DATES.length - 1]!;

export const BOOK_CSV = `underlying,type,strike,expiry,quantity,multiplier,style,price,iv,dividend_yield
AAPL,call,${Math.round(AAPL.at(-1)!)},2024-06-21,-10,100,european,,0.25,0
AAPL,put,${Math.round(AAPL.at(-1)! * 0.9)},2024-09-20,5,100,american,,0.3,0.01
MSFT,call,${Math.round(MSFT.at(-1)! * 1.05)},2024-12-20,4,100,european,,0.22,0.008
`;

export async function storeWithPrices(): Promise<Runtime> {
  const rt = runtimeIn();
  const rows = DATES.map((d, i) => `${d},${AAPL[i]!.toFixed(4)},${MSFT[i]!.toFixed(4)}`);
  await call(rt, 'import-commit', { files: [textFile('prices.csv', `date,AAPL,MSFT\n${rows.join('\n')}\n`)] });
  return rt;
}
