/**
 * How long-running core work reports progress and learns it was cancelled, without knowing what runs
 * it (a worker job, a test, the CLI). Jobs pass their context, which satisfies this interface.
 * One cancellation convention: a loop that sees `isCancelled()` throws `new Cancelled()`.
 */

export interface CoreHooks {
  /** Reports progress: units done and in total (0 = unknown), with an optional message. Cheap; throttled by the caller. */
  progress(done: number, total: number, message?: string): void;
  /** True once the work was cancelled; long loops check it and stop by throwing `new Cancelled()`. */
  isCancelled(): boolean;
}

/** Thrown by core loops when their hooks report a cancel; workers turn it into a 'cancelled' job error. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Throws `Cancelled` when the hooks say the work was cancelled. */
export function throwIfCancelled(hooks: Pick<CoreHooks, 'isCancelled'> | undefined): void {
  if (hooks?.isCancelled()) throw new Cancelled();
}

/** Hooks that never report and are never cancelled (tests, one-off CLI calls). */
export const noHooks: CoreHooks = { progress: () => {}, isCancelled: () => false };
