/** A saved scenario named on the command line by its exact name or its id, looked up through the API. */
import { FrontierError } from '../../shared/api.js';
import type { Scenario } from '../../shared/domain/scenario.js';
import type { CliContext } from './command.js';

/** The saved scenario `ref` names (its name, in any ASCII case, else its id); `where` ends the not-found message. */
export async function findScenario(ctx: CliContext, db: string | undefined, ref: string, where = ''): Promise<Scenario> {
  const list = await ctx.call('scenario-list', {}, db);
  // Names are unique as SQLite's NOCASE compares them: ASCII letters without regard to case.
  const fold = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const byName = list.find((s) => fold(s.name) === fold(ref));
  if (byName) return ctx.call('scenario-get', { id: byName.id }, db);
  if (/^\d+$/.test(ref)) return ctx.call('scenario-get', { id: Number(ref) }, db);
  throw new FrontierError('not-found', `no scenario named "${ref}"${where}`);
}
