/** Saved scenarios: list, read, save, delete, duplicate. */
import type { ScenarioResults } from '../../shared/domain/scenario.js';
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

export const scenarioHandlers = {
  'scenario-list': (_req, ctx) => listScenarios(ctx.db),
  'scenario-get': (req, ctx) => getScenario(ctx.db, req.id),
  'scenario-save': (req, ctx) => {
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
