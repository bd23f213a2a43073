/** Saved scenarios: list, read, save, delete, duplicate. */
import { FrontierError } from '../../shared/api.js';
import type { ScenarioResults } from '../../shared/domain/scenario.js';
import { reportBacktestSchema, reportStressSchema } from '../report/report-input.js';
import {
  deleteScenario,
  duplicateScenario,
  getDraft,
  getScenario,
  listScenarios,
  saveDraft,
  saveScenario,
} from '../store/scenarios-repo.js';
import type { Handlers } from './context.js';

/**
 * Backtest and stress results are checked with the schemas the report reads them with (they mirror
 * BacktestReport and StressReport, compile-time checked in report-input.ts), so a stored result is one
 * those methods could have produced. Other keys were checked by the request schema.
 */
function checkSavedResults(results: Readonly<Record<string, unknown>> | undefined): void {
  for (const [key, schema] of [['backtest', reportBacktestSchema], ['stress', reportStressSchema]] as const) {
    const value = results?.[key];
    if (value === undefined || value === null) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FrontierError('invalid-request', `scenario-save: results.${[key, ...issue.path].join('.')}: ${issue.message}`, { path: `results.${key}` });
    }
  }
}

export const scenarioHandlers = {
  'scenario-list': (_req, ctx) => listScenarios(ctx.db),
  'scenario-get': (req, ctx) => getScenario(ctx.db, req.id),
  'scenario-save': (req, ctx) => {
    checkSavedResults(req.results);
    const saved = saveScenario(ctx.db, req.scenario, req.results satisfies ScenarioResults | undefined, req.id);
    ctx.emit('data-changed', { what: 'scenarios' });
    return saved;
  },
  'scenario-delete': (req, ctx) => {
    deleteScenario(ctx.db, req.id);
    ctx.emit('data-changed', { what: 'scenarios' });
    return { id: req.id };
  },
  'scenario-duplicate': (req, ctx) => {
    const copy = duplicateScenario(ctx.db, req.id, req.name);
    ctx.emit('data-changed', { what: 'scenarios' });
    return copy;
  },
  // Drafts change on every pause in typing: no data-changed event (other windows keep their own edits).
  'scenario-draft-get': (req, ctx) => getDraft(ctx.db, req.slot),
  'scenario-draft-save': (req, ctx) => saveDraft(ctx.db, req.slot, req.form, req.revision, req.scenarioId),
} satisfies Handlers<'scenario-list' | 'scenario-get' | 'scenario-save' | 'scenario-delete' | 'scenario-duplicate' | 'scenario-draft-get' | 'scenario-draft-save'>;
