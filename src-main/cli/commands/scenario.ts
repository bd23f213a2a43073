/** `frontier scenario list|show|export|import`: saved scenarios in the database. */
import { writeFileSync } from 'node:fs';
import { FrontierError } from '../../../shared/api.js';
import type { Scenario, ScenarioFile } from '../../../shared/domain/scenario.js';
import { commonOptions, defineCommand, stringOption, type CliContext } from '../command.js';
import { readScenarioFile } from '../price-source.js';
import { findScenario } from '../scenario-ref.js';

function pick(ctx: CliContext, dbPath: string | undefined, ref: string | undefined): Promise<Scenario> {
  if (!ref) throw new FrontierError('user-error', 'name the scenario (its name or id)');
  return findScenario(ctx, dbPath, ref);
}

/** The portable part of a scenario: what `--scenario FILE.json` reads. */
export function toScenarioFile(s: Scenario): ScenarioFile {
  const { id: _id, createdAt: _c, updatedAt: _u, results: _r, ...file } = s;
  return file;
}

export default defineCommand({
  name: 'scenario',
  summary: 'list, show, export or import saved scenarios',
  usage: `usage: frontier scenario list [--db FILE] [--json]
       frontier scenario show NAME|ID [--db FILE] [--json]
       frontier scenario export NAME|ID [--out FILE.json] [--db FILE]
       frontier scenario import FILE.json [--name NAME] [--db FILE] [--json]

export writes the scenario file (the same schema \`--scenario\` reads); without --out it prints it.`,
  options: { ...commonOptions, out: { type: 'string' }, name: { type: 'string' } },
  async run(args, ctx) {
    const [action, ref] = args.positionals;
    const json = args.values.json === true;
    const db = stringOption(args, 'db');
    switch (action) {
      case 'list': {
        const list = await ctx.call('scenario-list', {}, db);
        ctx.print(json, list, () =>
          list.length === 0
            ? 'no scenarios saved yet'
            : list.map((s) => `${String(s.id).padStart(4)}  ${s.name}  (${s.objective}, ${s.tickers.length} assets, ${s.updatedAt})`).join('\n'),
        );
        return;
      }
      case 'show': {
        const s = await pick(ctx, db, ref);
        ctx.print(json, s, () => {
          const lines = [`${s.name} (id ${s.id}), updated ${s.updatedAt}`, `tickers: ${s.tickers.join(', ')}`, `objective: ${s.options.objective}`];
          const weights = s.results.optimize?.weights;
          if (weights) for (const [t, w] of Object.entries(weights)) lines.push(`  ${t.padEnd(10)} ${(w * 100).toFixed(2)} %`);
          return lines.join('\n');
        });
        return;
      }
      case 'export': {
        const file = toScenarioFile(await pick(ctx, db, ref));
        const text = `${JSON.stringify(file, null, 2)}\n`;
        const out = stringOption(args, 'out');
        if (out) {
          writeFileSync(out, text);
          if (json) ctx.stdout(JSON.stringify({ file: out }));
          else ctx.stdout(`wrote ${out}`);
        } else ctx.stdout(text);
        return;
      }
      case 'import': {
        if (!ref) throw new FrontierError('user-error', 'give the scenario file to import');
        const file = readScenarioFile(ref);
        const name = stringOption(args, 'name') ?? file.name;
        const saved = await ctx.call('scenario-save', { scenario: { ...file, name } }, db);
        ctx.print(json, saved, () => `saved scenario "${saved.name}" (id ${saved.id})`);
        return;
      }
      default:
        throw new FrontierError('user-error', `frontier scenario: unknown action "${action ?? ''}" (list, show, export, import)`);
    }
  },
});
