import { describe, expect, it } from 'vitest';
import { fanChartOption, yearLabel } from '../../../shared/charts/backtest-fan.js';

describe('Monte Carlo fan chart option', () => {
  const fan = [
    { day: 0, p5: 1, p25: 1, p50: 1, p75: 1, p95: 1 },
    { day: 126, p5: 0.8, p25: 0.95, p50: 1.02, p75: 1.1, p95: 1.3 },
    { day: 252, p5: 0.7, p25: 0.9, p50: 1.05, p75: 1.2, p95: 1.5 },
  ];

  it('stacks the bands so their tops land on the percentiles', () => {
    const option = fanChartOption(fan, { animation: false });
    const series = option.series as { name: string; stack?: string; data: number[] }[];
    const stacked = series.filter((s) => s.stack === 'fan');
    expect(stacked.map((s) => s.name)).toEqual(['5 %', '5–25 %', '25–50 %', '50–75 %', '75–95 %']);
    fan.forEach((f, i) => {
      const tops = stacked.map((_, k) => stacked.slice(0, k + 1).reduce((s, x) => s + x.data[i]!, 0));
      expect(tops[0]).toBeCloseTo(f.p5, 12);
      expect(tops[1]).toBeCloseTo(f.p25, 12);
      expect(tops[2]).toBeCloseTo(f.p50, 12);
      expect(tops[3]).toBeCloseTo(f.p75, 12);
      expect(tops[4]).toBeCloseTo(f.p95, 12);
    });
    expect(series.find((s) => s.name === 'Median')!.data).toEqual([1, 1.02, 1.05]);
  });

  it('labels the axis in years', () => {
    expect(yearLabel(0)).toBe('0');
    expect(yearLabel(252)).toBe('1 y');
    expect(yearLabel(126)).toBe('0.5 y');
    const axis = fanChartOption(fan).xAxis as { data: string[]; axisLabel: { interval: (i: number) => boolean } };
    expect(axis.data).toEqual(['0', '0.5 y', '1 y']);
    expect([0, 1, 2].map((i) => axis.axisLabel.interval(i))).toEqual([true, false, true]);
  });
});
