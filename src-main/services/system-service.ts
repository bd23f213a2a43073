/** System methods: app info and job cancellation. */
import type { Handlers } from './context.js';
import { schemaVersion } from '../store/database.js';

export const systemHandlers = {
  'app-info': (_req, ctx) => ({ version: ctx.version, dbPath: ctx.dbPath, mode: ctx.mode, schemaVersion: schemaVersion(ctx.db) }),
  'job-cancel': (req, ctx) => ({ cancelled: ctx.jobs.cancel(req.jobId) }),
} satisfies Handlers<'app-info' | 'job-cancel'>;
