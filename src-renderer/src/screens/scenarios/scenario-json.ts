/** The portable part of a saved scenario: what `frontier --scenario FILE` reads and Import JSON accepts. */
import type { Scenario, ScenarioFile } from '../../../../shared/domain/scenario.js';

export function scenarioFileOf(s: Scenario): ScenarioFile {
  return {
    format: s.format,
    version: s.version,
    name: s.name,
    tickers: s.tickers,
    window: s.window,
    options: s.options,
    ...(s.holdings ? { holdings: s.holdings } : {}),
    ...(s.notes !== undefined ? { notes: s.notes } : {}),
    ...(s.form ? { form: s.form } : {}),
  };
}

/** `name`, or "name (2)", "name (3)" … whichever is not taken (names are unique in the store). */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!used.has(candidate)) return candidate;
  }
}
