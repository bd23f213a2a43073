/** App-wide UI state: current screen, theme, the instruments in the store. */
import type { InstrumentSummary } from '../../../shared/api/market-data.js';
import { call, errorText } from '../lib/api.js';
import { createLatest } from '../lib/latest.js';

export type Screen = 'data' | 'optimise' | 'scenarios' | 'backtest' | 'holdings' | 'options' | 'factors';
export type Theme = 'light' | 'dark';

const THEME_KEY = 'frontier-theme';

function initialTheme(): Theme {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(THEME_KEY) : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface AppState {
  screen: Screen;
  theme: Theme;
  instruments: InstrumentSummary[];
  instrumentsLoaded: boolean;
  instrumentsError: string;
  helpOpen: boolean;
  status: string;
  /** Which part of the Data screen shows (the menu's File → Import opens the import view). */
  dataView: 'instruments' | 'import' | 'fx';
}

export const app = $state<AppState>({
  screen: 'optimise',
  theme: initialTheme(),
  instruments: [],
  instrumentsLoaded: false,
  instrumentsError: '',
  helpOpen: false,
  /** One-line status for the status bar (last action). */
  status: '',
  dataView: 'instruments',
});

export function setTheme(theme: Theme): void {
  app.theme = theme;
  document.documentElement.dataset.theme = theme;
  localStorage.setItem(THEME_KEY, theme);
}

export function toggleTheme(): void {
  setTheme(app.theme === 'dark' ? 'light' : 'dark');
}

const instrumentsGuard = createLatest();

export async function refreshInstruments(): Promise<void> {
  const ticket = instrumentsGuard.next();
  try {
    const list = await call('instruments-list', {});
    if (!instrumentsGuard.isCurrent(ticket)) return;
    app.instruments = list;
    app.instrumentsError = '';
  } catch (e) {
    if (instrumentsGuard.isCurrent(ticket)) app.instrumentsError = errorText(e);
  } finally {
    if (instrumentsGuard.isCurrent(ticket)) app.instrumentsLoaded = true;
  }
}

export function knownTickers(): Set<string> {
  return new Set(app.instruments.map((i) => i.ticker));
}
