/** Optimiser flags of the option book (`--options-book`, `--options-nav`, `--options-as-of`, `--options-rate`) → OptimizeOptions.optionBook. */
import { FrontierError } from '../../shared/api.js';
import { numberOption, stringOption, type OptionsConfig, type ParsedArgs } from './command.js';

export const optionsBookOptions = {
  'options-book': { type: 'boolean', default: false },
  'options-nav': { type: 'string' },
  'options-as-of': { type: 'string' },
  'options-rate': { type: 'string' },
} satisfies OptionsConfig;

export const optionsBookUsage = `options:
  --options-book [--options-nav X] [--options-as-of DATE] [--options-rate R]
      the stored option positions join the current weights as delta-equivalent exposure (dollar delta / NAV)`;

/** Writes `optionBook` into the optimiser input when --options-book is given (mutates `input`). */
export function applyOptionsBookFlags(args: ParsedArgs, input: Record<string, unknown>): void {
  const nav = numberOption(args, 'options-nav');
  const asOf = stringOption(args, 'options-as-of');
  const rate = numberOption(args, 'options-rate');
  if (args.values['options-book'] !== true) {
    if (nav !== undefined || asOf !== undefined || rate !== undefined) throw new FrontierError('user-error', '--options-nav/--options-as-of/--options-rate need --options-book');
    return;
  }
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new FrontierError('user-error', `--options-as-of: "${asOf}" is not a YYYY-MM-DD date`);
  input.optionBook = { ...(nav === undefined ? {} : { nav }), ...(asOf === undefined ? {} : { asOf }), ...(rate === undefined ? {} : { rate }) };
}
