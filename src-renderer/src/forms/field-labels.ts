/** Human names for the error keys of validateForm, for the summary above the results. */
const NAMES: Record<string, string> = {
  tickers: 'Tickers',
  name: 'Scenario name',
  rf: 'Risk-free rate',
  lower: 'Lower bound',
  upper: 'Upper bound',
  bounds: 'Bounds',
  targetVolatility: 'Target volatility',
  targetReturn: 'Target return',
  riskAversion: 'Risk aversion',
  beta: 'CVaR confidence',
  span: 'EMA span',
  l2: 'L2 regularisation',
  points: 'Frontier points',
  start: 'Start date',
  end: 'End date',
  holdings: 'Holdings',
  'bl:tau': 'τ',
  'bl:riskAversion': 'BL risk aversion',
  'bl:marketCaps': 'Market caps',
};

export function fieldLabel(key: string): string {
  const named = NAMES[key];
  if (named) return named;
  const [kind, a, b] = key.split(':');
  if (kind === 'view') return `View ${Number(a) + 1}`;
  if (kind === 'cap') return `Sector cap ${Number(a) + 1}`;
  if (kind === 'asset') return `${a} ${b}`;
  if (kind === 'bl' && a === 'cap') return `${b} market cap`;
  return key;
}

/** One line naming the first few problems. */
export function errorSummary(errors: Record<string, string>, max = 3): string {
  const entries = Object.entries(errors);
  const shown = entries.slice(0, max).map(([k, v]) => `${fieldLabel(k)}: ${v}`);
  return entries.length > max ? `${shown.join('; ')}; and ${entries.length - max} more` : shown.join('; ');
}
