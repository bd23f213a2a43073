/** Underwater series and drawdown episodes of a value series. */
import type { DrawdownOut as Drawdown } from '../../../shared/api/backtest.js';

// One definition of an episode for the engine and the API (as PeriodReturn in metrics.ts).
export type { DrawdownOut as Drawdown } from '../../../shared/api/backtest.js';

/** Underwater series: value / running peak − 1 (fractions ≤ 0), one per input value. */
export function underwater(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let peak = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > peak) peak = v;
    out[i] = v / peak - 1;
  }
  return out;
}

/** Every drawdown episode (peak → trough → recovery), deepest first. */
export function drawdownEpisodes(dates: readonly string[], values: ArrayLike<number>): Drawdown[] {
  const episodes: Drawdown[] = [];
  let peakIdx = 0;
  let troughIdx = -1; // −1 = at a peak, not under water
  const close = (endIdx: number | null): void => {
    const last = endIdx ?? values.length - 1;
    episodes.push({
      start: dates[peakIdx]!,
      trough: dates[troughIdx]!,
      end: endIdx === null ? null : dates[endIdx]!,
      depth: values[troughIdx]! / values[peakIdx]! - 1,
      length: last - peakIdx,
      toTrough: troughIdx - peakIdx,
    });
  };
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (v >= values[peakIdx]!) {
      if (troughIdx >= 0) close(i);
      peakIdx = i;
      troughIdx = -1;
    } else if (troughIdx < 0 || v < values[troughIdx]!) {
      troughIdx = i;
    }
  }
  if (troughIdx >= 0) close(null);
  return episodes.sort((a, b) => a.depth - b.depth);
}

/** The `count` deepest drawdowns (default 5), deepest first. */
export function worstDrawdowns(dates: readonly string[], values: ArrayLike<number>, count = 5): Drawdown[] {
  return drawdownEpisodes(dates, values).slice(0, count);
}
