/** API methods for saved scenarios. */
import { z } from 'zod';
import { scenarioFileSchema, type Scenario, type ScenarioSummary } from '../domain/scenario.js';

const id = z.number().int().positive();

export const scenarioRequests = {
  'scenario-list': z.object({}),
  'scenario-get': z.object({ id }),
  'scenario-save': z.object({
    id: id.optional(),
    scenario: scenarioFileSchema,
    results: z.record(z.string(), z.unknown()).optional(),
  }),
  'scenario-delete': z.object({ id }),
  'scenario-duplicate': z.object({ id, name: z.string().trim().min(1).max(200).optional() }),
};

export interface ScenarioResponses {
  'scenario-list': ScenarioSummary[];
  'scenario-get': Scenario;
  'scenario-save': Scenario;
  'scenario-delete': { id: number };
  'scenario-duplicate': Scenario;
}
