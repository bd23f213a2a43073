/** Rebuilding the Optimise form from an autosaved draft (JSON written by an older or newer build). */
import { defaultForm, emptyBl, type OptimiseForm } from './optimise-form.js';

function sameKind(fallback: unknown, value: unknown): boolean {
  if (Array.isArray(fallback)) return Array.isArray(value);
  if (fallback === null || typeof fallback !== 'object') return typeof value === typeof fallback;
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `raw`'s fields over `defaults`: a field of the wrong kind (or missing) keeps its default and unknown
 * fields are dropped, so a draft from another version still opens instead of breaking an editor.
 */
export function overDefaults<T extends object>(defaults: T, raw: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    out[key] = key in raw && sameKind(fallback, raw[key]) ? raw[key] : fallback;
  }
  // Every field was checked against the default's kind above; the editors validate the contents.
  return out as unknown as T;
}

/** The Optimise form from a draft (see overDefaults), its Black–Litterman block checked field by field too. */
export function formFromDraft(raw: Readonly<Record<string, unknown>>): OptimiseForm {
  const out = overDefaults(defaultForm(), raw);
  const bl: Record<string, unknown> = { ...emptyBl() };
  const rawBl = out.bl;
  if (typeof rawBl === 'object' && rawBl !== null) {
    for (const [key, fallback] of Object.entries(emptyBl())) {
      const v: unknown = Reflect.get(rawBl, key);
      if (sameKind(fallback, v)) bl[key] = v;
    }
  }
  return { ...out, bl: bl as unknown as OptimiseForm['bl'] };
}
