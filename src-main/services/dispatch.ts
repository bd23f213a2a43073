/**
 * The one entry for every transport (Electron IPC, HTTP, tests): look the method up, validate the
 * request with its schema, run the handler, and turn any failure into an ApiError. Never throws.
 */
import { isApiMethod, isUserErrorCode, requestSchemas, FrontierError, type ApiError, type ApiResult } from '../../shared/api.js';
import { JobError } from '../jobs/pool.js';
import { storeError } from '../store/store-errors.js';
import type { HandlerContext } from './context.js';
import { handlers } from './handlers.js';

/** Deepest nesting accepted in a request: far above any real one, low enough that no check can overflow the stack. */
export const MAX_REQUEST_DEPTH = 64;

/** True when `value` nests arrays/objects deeper than `limit` (iterative, so it cannot overflow itself). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** `dbPath` names the file in messages about the store (busy, read-only, full disk …). */
export function toApiError(error: unknown, dbPath = 'the database'): ApiError {
  const stored = storeError(error, dbPath);
  if (stored) return toApiError(stored);
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
  if (nestedDeeperThan(request, MAX_REQUEST_DEPTH)) {
    return { ok: false, error: { code: 'invalid-request', message: `${method}: the request nests deeper than ${MAX_REQUEST_DEPTH} levels` } };
  }
  let parsed: ReturnType<(typeof requestSchemas)[typeof method]['safeParse']>;
  try {
    parsed = requestSchemas[method].safeParse(request ?? {});
  } catch (error) {
    // A refinement that throws (it should not) is still the request's fault, never a crash.
    return { ok: false, error: { code: 'invalid-request', message: `${method}: ${error instanceof Error ? error.message : String(error)}` } };
  }
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
    const apiError = toApiError(error, ctx.dbPath);
    if (apiError.code === 'internal') console.error(`[frontier] ${method} failed:`, error);
    return { ok: false, error: apiError };
  }
}
