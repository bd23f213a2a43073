/** The generic options CSV as an import format (so `frontier import` and the Import screen take it): rows go to option_positions. */
import { findGenericHeader, parseGenericOptions } from '../../options/options-csv.js';
import type { FormatDefinition } from './format.js';

const today = (): string => new Date().toISOString().slice(0, 10);

export const optionsGeneric: FormatDefinition = {
  id: 'options-generic',
  label: 'Option positions (underlying,type,strike,expiry,quantity…)',
  kind: 'positions',
  detect: (table) => (findGenericHeader(table) >= 0 ? 0.97 : 0),
  parse(table, ctx) {
    const i = findGenericHeader(table);
    const asOf = ctx.options.asOf ?? today();
    const out = parseGenericOptions(table, i, { file: ctx.file, account: ctx.options.account ?? 'default', asOf });
    const warnings = ctx.options.asOf ? [] : [`an options file carries no date: positions recorded as of ${asOf} (today); set the as-of date to change it`];
    return { optionPositions: out.positions, skipped: [], warnings, errors: out.errors, header: table.rows[i]!.cells.map((c) => c.trim()) };
  },
};
