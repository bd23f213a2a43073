/** API methods for saved scenarios. */
import { z } from 'zod';
import { boundedRecord, MAX_JSON_DEPTH } from '../domain/json-bounds.js';
import { scenarioFileSchema, type Scenario, type ScenarioSummary } from '../domain/scenario.js';
import { scenarioResultsPatchSchema } from '../domain/scenario-results.js';

const id = z.number().int().positive();
const slot = z.string().min(1).max(50).default('workbench');
/** Largest draft accepted (characters of JSON): far above any real form, small enough to refuse junk. */
export const MAX_DRAFT_CHARS = 2_000_000;

/** The autosaved working copy of an editor: its own state as typed (may be invalid), not a scenario. */
export interface ScenarioDraft {
  slot: string;
  /** The saved scenario the draft was opened from, if any. */
  scenarioId: number | null;
  form: Record<string, unknown>;
  /** Increasing per save; a save with a lower revision than the stored one is ignored. */
  revision: number;
  updatedAt: string;
}

export const scenarioRequests = {
  'scenario-list': z.object({}),
  'scenario-get': z.object({ id }),
  'scenario-save': z.object({
    id: id.optional(),
    scenario: scenarioFileSchema,
    results: scenarioResultsPatchSchema.optional(),
  }),
  'scenario-delete': z.object({ id }),
  'scenario-duplicate': z.object({ id, name: z.string().trim().min(1).max(200).optional() }),
  'scenario-draft-get': z.object({ slot }),
  'scenario-draft-save': z.object({
    slot,
    scenarioId: id.nullable().default(null),
    form: boundedRecord(MAX_JSON_DEPTH, MAX_DRAFT_CHARS),
    revision: z.number().int().nonnegative(),
  }),
};

export interface ScenarioResponses {
  'scenario-list': ScenarioSummary[];
  'scenario-get': Scenario;
  'scenario-save': Scenario;
  'scenario-delete': { id: number };
  'scenario-duplicate': Scenario;
  'scenario-draft-get': ScenarioDraft | null;
  'scenario-draft-save': { revision: number; saved: boolean };
}
