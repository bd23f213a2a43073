/** Undo/redo over serialised snapshots (JSON strings, so proxies and aliasing cannot leak in). */
export interface History {
  /** Records a state; ignored when equal to the current one. Clears the redo branch. */
  record(snapshot: string): void;
  undo(): string | undefined;
  redo(): string | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
}

export function createHistory(limit = 200): History {
  const past: string[] = [];
  const future: string[] = [];
  return {
    record(snapshot) {
      if (past.at(-1) === snapshot) return;
      past.push(snapshot);
      if (past.length > limit) past.shift();
      future.length = 0;
    },
    undo() {
      if (past.length < 2) return undefined;
      future.push(past.pop()!);
      return past.at(-1);
    },
    redo() {
      const next = future.pop();
      if (next !== undefined) past.push(next);
      return next;
    },
    canUndo: () => past.length > 1,
    canRedo: () => future.length > 0,
  };
}
