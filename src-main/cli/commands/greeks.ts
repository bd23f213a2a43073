/** `frontier greeks`: price and Greeks of one option (BSM or American tree), or its implied vol from a price. */
import { FrontierError } from '../../../shared/api.js';
import type { OptionPriceOut } from '../../../shared/api/options.js';
import { commonOptions, defineCommand, numberOption, stringOption } from '../command.js';

function required(x: number | undefined, flag: string): number {
  if (x === undefined) throw new FrontierError('user-error', `--${flag} is required (see frontier greeks --help)`);
  return x;
}

/** `call|put|C|P` → the type, or a user error naming --type. */
export function optionTypeFlag(raw: string | undefined): 'call' | 'put' {
  const t = raw?.trim().toLowerCase();
  if (t === 'call' || t === 'c') return 'call';
  if (t === 'put' || t === 'p') return 'put';
  throw new FrontierError('user-error', raw === undefined ? '--type call|put is required' : `--type: "${raw}" is not call or put (C/P)`);
}

function human(r: OptionPriceOut): string {
  const lines = [];
  if (r.impliedVol !== undefined) lines.push(`implied vol  ${(r.impliedVol * 100).toFixed(6)} %`);
  lines.push(
    `price        ${r.price.toFixed(6)}`,
    `delta        ${r.delta.toFixed(6)}`,
    `gamma        ${r.gamma.toFixed(6)}`,
    `vega         ${r.vega.toFixed(6)}   (per 1.00 of vol)`,
    `theta        ${r.theta.toFixed(6)}   (per year; ${(r.theta / 365).toFixed(6)} per calendar day)`,
    `rho          ${r.rho.toFixed(6)}   (per 1.00 of rate)`,
  );
  return lines.join('\n');
}

export default defineCommand({
  name: 'greeks',
  summary: 'price and Greeks of one option (BSM with dividend yield, American tree) or its implied vol',
  usage: `usage: frontier greeks --spot S --strike K --expiry-years T --vol V [--rate R] [--dividend-yield Q]
                       --type call|put [--style european|american] [--json]
       frontier greeks --price P --spot S --strike K --expiry-years T [--rate R] --type call|put [--json]

Greeks are pure derivatives: delta ∂V/∂S, gamma ∂²V/∂S², vega ∂V/∂σ per 1.00 of vol, theta ∂V/∂t
per year of calendar time (negative for a long at-the-money call), rho ∂V/∂r per 1.00 of rate.
Rates, yields and vols are annual fractions (0.05 = 5 %), continuously compounded; T in years of 365 days.
European: Black–Scholes–Merton. American: Leisen–Reimer tree (a call without dividends = European).
--price implies the vol from the mark (an error when the mark is outside the no-arbitrage bounds).
--json prints {price, delta, gamma, vega, theta, rho} (and impliedVol with --price).`,
  options: {
    ...commonOptions,
    spot: { type: 'string' },
    strike: { type: 'string' },
    'expiry-years': { type: 'string' },
    vol: { type: 'string' },
    price: { type: 'string' },
    rate: { type: 'string' },
    'dividend-yield': { type: 'string' },
    type: { type: 'string' },
    style: { type: 'string' },
  },
  async run(args, ctx) {
    if (args.positionals.length > 0) throw new FrontierError('user-error', `unexpected argument "${args.positionals[0]}" (see frontier greeks --help)`);
    const style = stringOption(args, 'style') ?? 'european';
    if (style !== 'european' && style !== 'american') throw new FrontierError('user-error', `--style: "${style}" is not european or american`);
    const vol = numberOption(args, 'vol');
    const price = numberOption(args, 'price');
    if (vol === undefined && price === undefined) throw new FrontierError('user-error', '--vol V (or --price P to imply it) is required');
    const result = await ctx.call('options-price', {
      type: optionTypeFlag(stringOption(args, 'type')),
      style,
      spot: required(numberOption(args, 'spot'), 'spot'),
      strike: required(numberOption(args, 'strike'), 'strike'),
      years: required(numberOption(args, 'expiry-years'), 'expiry-years'),
      ...(vol === undefined ? {} : { vol }),
      ...(price === undefined ? {} : { price }),
      rate: numberOption(args, 'rate') ?? 0,
      dividendYield: numberOption(args, 'dividend-yield') ?? 0,
    });
    ctx.print(args.values.json === true, result, () => human(result));
  },
});
