/** Shape helpers common to every chart option builder (plain objects ECharts accepts as options). */
import { chartTheme, type ChartTheme, type ChartThemeName } from './theme.js';

/** An ECharts option object. Kept structural so shared/ does not import echarts. */
export type ChartOption = Record<string, unknown>;

export interface BaseChartOptions {
  theme?: ChartThemeName;
  /** Animations off for server-side rendering and tests. Default true. */
  animation?: boolean;
  title?: string;
}

/** The parts of an ECharts tooltip/click callback parameter the builders read. */
export interface ChartEventParam {
  seriesId?: string;
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  value?: unknown;
}

export function baseOption(opts: BaseChartOptions, theme: ChartTheme): ChartOption {
  return {
    animation: opts.animation ?? true,
    backgroundColor: theme.background,
    color: [...theme.palette],
    textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: theme.fontSize },
    ...(opts.title
      ? { title: { text: opts.title, left: 'center', top: 4, textStyle: { color: theme.text, fontSize: 13, fontWeight: 600 } } }
      : {}),
  };
}

export function themeOf(opts: BaseChartOptions): ChartTheme {
  return chartTheme(opts.theme);
}

export function axisStyle(theme: ChartTheme): ChartOption {
  return {
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { lineStyle: { color: theme.axisLine } },
    axisLabel: { color: theme.mutedText },
    splitLine: { lineStyle: { color: theme.splitLine } },
    nameTextStyle: { color: theme.mutedText },
  };
}

export function tooltipStyle(theme: ChartTheme): ChartOption {
  return {
    backgroundColor: theme.tooltipBackground,
    borderColor: theme.axisLine,
    textStyle: { color: theme.text, fontSize: theme.fontSize },
    confine: true,
  };
}

/** Reads a numeric tuple from an ECharts data value (arrays of numbers), else []. */
export function numbersOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'number' ? v : Number.NaN));
}

/** Narrows an unknown callback argument to the fields the builders read. */
export function eventParam(x: unknown): ChartEventParam {
  if (typeof x !== 'object' || x === null) return {};
  const r: Record<string, unknown> = { ...x };
  return {
    seriesId: typeof r.seriesId === 'string' ? r.seriesId : undefined,
    seriesName: typeof r.seriesName === 'string' ? r.seriesName : undefined,
    name: typeof r.name === 'string' ? r.name : undefined,
    dataIndex: typeof r.dataIndex === 'number' ? r.dataIndex : undefined,
    value: r.value,
  };
}
