/** Which settings a backtest or stress result was computed for, to mark it stale as the Optimise screen does. */

/** A stable key of a backtest-run or stress-run request (without its jobId): results of another key are stale. */
export function runKey(request: unknown): string {
  return JSON.stringify(request);
}

/** True when a result exists, its key is known, and it differs from the key of the settings now shown. */
export function isStale(resultKey: string | null, hasResult: boolean, currentKey: string | undefined): boolean {
  return hasResult && resultKey !== null && resultKey !== (currentKey ?? '');
}
