/** Underwater series and drawdown episodes of a value series. */

export interface Drawdown {
  /** Date of the peak the drawdown starts from. */
  start: string;
  /** Date of the lowest value. */
  trough: string;
  /** First date back at or above the peak; null = not recovered by the last date. */
  end: string | null;
  /** Peak-to-trough loss as a negative fraction (−0.25 = 25 % below the peak). */
  depth: number;
  /** Trading days from the peak to the recovery (or to the last date when not recovered). */
  length: number;
  /** Trading days from the peak to the trough. */
  toTrough: number;
}

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
