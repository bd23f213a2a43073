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
  };
}
