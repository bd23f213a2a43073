/**
 * What `scenario-save` accepts as `results`: a patch whose known keys carry what the method that
 * produces them returns (optimize-run → optimize, optimize-frontier → frontier, the current holdings'
 * Performance → current). Loose objects: fields a newer build adds are kept; the fields the app and the
 * report read must be there with the right types. Backtest and stress results are checked by the
 * service with the schemas the report reads them with. Every value is bounded in depth.
 */
import { z } from 'zod';
import { jsonDepth, MAX_JSON_DEPTH } from './json-bounds.js';

/** JSON turns NaN and ±Infinity into null: a figure a result could not define is null. */
const figure = z.number().nullable();
const weights = z.record(z.string().min(1).max(64), z.number());

export const performanceResultSchema = z.looseObject({
  expectedReturn: figure,
  volatility: figure,
  sharpe: figure,
  cvar: figure.optional(),
  cdar: figure.optional(),
});

export const optimizeResultSchema = z.looseObject({
  weights,
  performance: performanceResultSchema,
  status: z.enum(['optimal', 'optimal-inaccurate']),
  // The fields the report prints; the rest of the diagnostics is free-form but bounded.
  diagnostics: z.looseObject({
    solver: z.string().max(200).optional(),
    warnings: z.array(z.string().max(4000)).max(1000).optional(),
    activeConstraints: z.array(z.string().max(400)).max(10_000).optional(),
    riskContributions: weights.optional(),
  }),
  prior: weights.optional(),
  posterior: weights.optional(),
});

const frontierPointSchema = z.looseObject({ expectedReturn: figure, volatility: figure, sharpe: figure, weights });

export const frontierResultSchema = z.looseObject({
  points: z.array(frontierPointSchema).max(10_000),
  turningPoints: z.array(frontierPointSchema).max(10_000).optional(),
  assets: z.array(z.looseObject({ ticker: z.string().max(64), expectedReturn: figure, volatility: figure })).max(10_000).optional(),
});

/** Known result keys and their producers' schemas. */
export const RESULT_SCHEMAS = {
  optimize: optimizeResultSchema,
  frontier: frontierResultSchema,
  current: performanceResultSchema,
} as const;

/** A results patch: each key a result (or null to remove it); known keys checked against their schema. */
export const scenarioResultsPatchSchema = z
  .record(z.string().min(1).max(100), z.unknown())
  .check((ctx) => {
    if (jsonDepth(ctx.value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      ctx.issues.push({ code: 'custom', message: `nested deeper than ${MAX_JSON_DEPTH} levels`, input: ctx.value });
      return;
    }
    for (const [key, value] of Object.entries(ctx.value)) {
      if (value === null) continue;
      const schema = (RESULT_SCHEMAS as Record<string, z.ZodType | undefined>)[key];
      if (!schema) continue;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.issues.push({ code: 'custom', message: issue.message, path: [key, ...issue.path], input: value });
      }
    }
  });
