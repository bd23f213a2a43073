/**
 * Bounds for free-form JSON in requests (draft forms, saved results): nesting depth is measured
 * without recursion, so a 20,000-level value is refused with a message instead of overflowing the stack.
 */
import { z } from 'zod';

/** Deepest nesting a stored form or result may have; real ones stay below 10. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of `value` (0 for a scalar, 1 for a flat object or array), measured iteratively. */
export function jsonDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, here]);
  }
  return deepest;
}

/** A JSON object of unknown shape whose nesting is at most `maxDepth` levels and, if given, at most `maxChars` characters as JSON. */
export function boundedRecord(maxDepth = MAX_JSON_DEPTH, maxChars?: number) {
  return z
    .record(z.string().max(200), z.unknown())
    .check((ctx) => {
      if (jsonDepth(ctx.value, maxDepth) > maxDepth) {
        ctx.issues.push({ code: 'custom', message: `nested deeper than ${maxDepth} levels`, input: ctx.value });
        return;
      }
      // Measured only once the depth is known to be small: JSON.stringify recurses.
      if (maxChars !== undefined && JSON.stringify(ctx.value).length > maxChars) {
        ctx.issues.push({ code: 'custom', message: `larger than ${maxChars} characters`, input: ctx.value });
      }
    });
}
