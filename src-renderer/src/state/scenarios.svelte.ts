/** The saved scenario list (shared by the Scenarios screen and the shell's refresh on data-changed). */
import type { ScenarioSummary } from '../../../shared/domain/scenario.js';
import { call, errorText } from '../lib/api.js';
import { createLatest } from '../lib/latest.js';

export const scenarios = $state<{ list: ScenarioSummary[]; loaded: boolean; error: string }>({ list: [], loaded: false, error: '' });

const guard = createLatest();

export async function refreshScenarios(): Promise<void> {
  const ticket = guard.next();
  try {
    const list = await call('scenario-list', {});
    if (!guard.isCurrent(ticket)) return;
    scenarios.list = list;
    scenarios.error = '';
  } catch (e) {
    if (guard.isCurrent(ticket)) scenarios.error = errorText(e);
  } finally {
    if (guard.isCurrent(ticket)) scenarios.loaded = true;
  }
}
