/** Colours and fonts for chart options, shared by the UI (light/dark) and the PDF report (light). */

export type ChartThemeName = 'light' | 'dark';

export interface ChartTheme {
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  background: string;
  tooltipBackground: string;
  /** Series colours in order: frontier, assets, optimal, current, CML, extra overlays. */
  palette: readonly string[];
  fontFamily: string;
  fontSize: number;
}

const FONT = 'DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif';

export const CHART_THEMES: Record<ChartThemeName, ChartTheme> = {
  light: {
    text: '#1d2330',
    mutedText: '#5b6475',
    axisLine: '#8a93a3',
    splitLine: '#e3e6ec',
    background: 'transparent',
    tooltipBackground: '#ffffff',
    palette: ['#1f5fbf', '#6b7280', '#d9480f', '#2b8a3e', '#9c36b5', '#0c8599', '#e67700', '#c2255c'],
    fontFamily: FONT,
    fontSize: 11,
  },
  dark: {
    text: '#dde3ee',
    mutedText: '#9aa4b5',
    axisLine: '#6c7689',
    splitLine: '#2c3342',
    background: 'transparent',
    tooltipBackground: '#1b2130',
    palette: ['#5b9cf5', '#a0a8b8', '#ff8a4c', '#51cf66', '#da77f2', '#3bc9db', '#ffa94d', '#f06595'],
    fontFamily: FONT,
    fontSize: 11,
  },
};

export function chartTheme(name: ChartThemeName | undefined): ChartTheme {
  return CHART_THEMES[name ?? 'light'];
}
