/** Bar chart of net currency exposures (fractions of the portfolio value, after hedges). */
import { barChartOption, type BarChartOptions } from './bars.js';
import type { ChartOption } from './option.js';

/** Net exposure per foreign currency and the hedged part beside it, as grouped bars. */
export function currencyExposureChartOption(exposures: Record<string, number>, hedged: Record<string, number> = {}, opts: BarChartOptions = {}): ChartOption {
  const series = [{ name: 'Net exposure', values: exposures }];
  if (Object.values(hedged).some((v) => v !== 0)) series.push({ name: 'Hedged', values: hedged });
  return barChartOption(series, { valueName: 'Fraction of portfolio value', ...opts });
}
