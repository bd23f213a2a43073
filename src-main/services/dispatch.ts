/**
 * The one entry for every transport (Electron IPC, HTTP, tests): look the method up, validate the
 * request with its schema, run the handler, and turn any failure into an ApiError. Never throws.
 */
import { isApiMethod, isUserErrorCode, requestSchemas, FrontierError, type ApiError, type ApiResult } from '../../shared/api.js';
import { JobError } from '../jobs/pool.js';
import type { HandlerContext } from './context.js';
import { handlers } from './handlers.js';

export function toApiError(error: unknown): ApiError {
  if (error instanceof FrontierError) {
    return { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  }
  if (error instanceof JobError && error.code) {
    // Core errors (infeasible, singular covariance …) are a user's to act on; 'cancelled' stays itself.
    const code = isUserErrorCode(error.code) ? error.code : 'user-error';
    return { code, message: error.message, details: { reason: error.code, ...(error.details === undefined ? {} : { info: error.details }) } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}

export async function dispatch(method: string, request: unknown, ctx: HandlerContext): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `unknown method "${method}"` } };
  const parsed = requestSchemas[method].safeParse(request ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `${method}: ${where}${first?.message ?? 'invalid request'}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[method] as (req: unknown, c: HandlerContext) => unknown;
    const data = await handler(parsed.data, ctx);
    return { ok: true, data };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') console.error(`[frontier] ${method} failed:`, error);
    return { ok: false, error: apiError };
  }
}
