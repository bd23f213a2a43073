/** Backtest flags of issue 18: `--on-fail hold|cash|stop` (what a rebalance that cannot be solved does). */
import { FrontierError } from '../../shared/api.js';
import { ON_FAIL, type OnFail } from '../../shared/api/backtest.js';
import { stringOption, type OptionsConfig, type ParsedArgs } from './command.js';

export const backtestFallbackOptions = { 'on-fail': { type: 'string' } } satisfies OptionsConfig;

export const backtestFallbackUsage = `  --on-fail hold|cash|stop   walk-forward: a rebalance that cannot be solved keeps the previous weights,
                             goes to cash, or stops the backtest with the error (default stop)`;

/** The settings the flags give (empty when absent, so the schema's default applies). */
export function backtestFallbackFromFlags(args: ParsedArgs): { onFail?: OnFail } {
  const raw = stringOption(args, 'on-fail');
  if (raw === undefined) return {};
  const policy = ON_FAIL.find((p) => p === raw);
  if (policy === undefined) throw new FrontierError('user-error', `--on-fail: "${raw}" is not hold, cash or stop`);
  return { onFail: policy };
}
