/**
 * `--base-currency EUR [--hedge USD:1,GBP:0.5] [--fx-max-age-days N] [--short-rates USD:0.05,EUR:ESTR]`
 * for estimate|optimize|frontier|backtest|stress: they become the request's `options.currency`; the
 * services convert the prices once and add the `currency` key to the result.
 */
import { FrontierError } from '../../shared/api.js';
import { currencySettingsSchema, type CurrencyResult, type CurrencySettings, type CurrencySettingsInput } from '../../shared/api/fx.js';
import { stringOption, type OptionsConfig, type ParsedArgs } from './command.js';

export const currencyOptions = {
  'base-currency': { type: 'string' },
  hedge: { type: 'string' },
  'fx-max-age-days': { type: 'string' },
  'short-rates': { type: 'string' },
} satisfies OptionsConfig;

export const currencyUsage = `currency (prices converted before returns; currencies and FX rates from --db):
  --base-currency EUR [--hedge USD:1,GBP:0.5] (hedge ratios 0–1) [--fx-max-age-days N] (use the last rate up to N days old)
  [--short-rates USD:0.05,EUR:ESTR] (annual short rates for the hedge carry: a fraction, or a stored series in percent)`;

const user = (message: string) => new FrontierError('user-error', message);

function entries(raw: string, flag: string): [string, string][] {
  return raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z]{3})\s*:\s*(\S+)\s*$/.exec(part);
    if (!m) throw user(`--${flag}: "${part}" is not CCY:VALUE, e.g. USD:0.5`);
    return [m[1]!.toUpperCase(), m[2]!];
  });
}

/** The currency settings from the flags over a scenario's (`base`); undefined when neither sets a base. */
export function currencyFromFlags(args: ParsedArgs, base?: CurrencySettingsInput): CurrencySettings | undefined {
  const input: Record<string, unknown> = { ...(base ?? {}) };
  const ccy = stringOption(args, 'base-currency');
  if (ccy !== undefined) input.base = ccy.toUpperCase();
  const hedge = stringOption(args, 'hedge');
  if (hedge !== undefined) {
    input.hedges = Object.fromEntries(
      entries(hedge, 'hedge').map(([c, v]) => {
        const h = Number(v);
        if (!(h >= 0 && h <= 1)) throw user(`--hedge: the ratio of ${c} must be between 0 and 1, got "${v}"`);
        return [c, h];
      }),
    );
  }
  const age = stringOption(args, 'fx-max-age-days');
  if (age !== undefined) {
    if (!/^\d+$/.test(age)) throw user(`--fx-max-age-days: "${age}" is not a whole number of days`);
    input.maxAgeDays = Number(age);
  }
  const rates = stringOption(args, 'short-rates');
  if (rates !== undefined) {
    input.shortRates = Object.fromEntries(entries(rates, 'short-rates').map(([c, v]) => [c, Number.isFinite(Number(v)) ? Number(v) : { series: v }]));
  }
  if (input.base === undefined) {
    if (hedge !== undefined || age !== undefined || rates !== undefined) throw user('--hedge, --fx-max-age-days and --short-rates need --base-currency');
    return undefined;
  }
  const parsed = currencySettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw user(`--base-currency: ${issue.path.join('.') || 'base'}: ${issue.message}`);
  }
  return parsed.data;
}

/** One line per currency for the human output: net exposure and the risk split. */
export function currencyLines(c: CurrencyResult | undefined): string[] {
  if (!c) return [];
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
  const exp = Object.entries(c.exposures).map(([k, v]) => `${k} ${pct(v)}`);
  return [
    `base currency ${c.base} (${c.weightsUsed} weights): exposures ${exp.length > 0 ? exp.join(', ') : 'none'}; risk local ${pct(c.riskSplit.local)}, currency ${pct(c.riskSplit.currency)}`,
    ...c.warnings.map((w) => `warning: ${w}`),
  ];
}

