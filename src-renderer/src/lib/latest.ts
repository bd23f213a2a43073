/** Guards against late answers: only the newest request may write its result. */
export interface Latest {
  /** Starts a request and returns its ticket. */
  next(): number;
  /** True while no newer request has started. */
  isCurrent(ticket: number): boolean;
  /** Makes every outstanding ticket stale (e.g. inputs replaced by opening a scenario). */
  invalidate(): void;
}

export function createLatest(): Latest {
  let counter = 0;
  return {
    next: () => ++counter,
    isCurrent: (ticket) => ticket === counter,
    invalidate: () => {
      counter += 1;
    },
  };
}
