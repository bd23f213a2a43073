/**
 * The one action table of the app: keyboard shortcuts (lib/shortcuts.ts) and native menu commands
 * (shared/menu.ts) both run these functions, so a menu item and its key always do the same thing.
 */
import { isMenuCommand, type MenuCommand } from '../../../shared/menu.js';
import { call, errorText } from '../lib/api.js';
import type { ShortcutAction } from '../lib/shortcuts.js';
import { app, setTheme, toggleTheme } from './app.svelte.js';
import { exportPdf, loadScenario, newScenario, saveScenario } from './scenario-actions.svelte.js';
import { cancelRun, redo, runOptimise, undo, work } from './workbench.svelte.js';

export type ActionId = ShortcutAction | MenuCommand;

function typingInField(): boolean {
  const el = typeof document !== 'undefined' ? document.activeElement : null;
  return el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
}

/** Undo/redo from the menu: the field's own text history while typing, else the settings history. */
function editHistory(which: 'undo' | 'redo'): void {
  // execCommand is the only way to reach a field's native undo stack from a menu click.
  if (typingInField() && document.execCommand(which)) return;
  if (which === 'undo') undo();
  else redo();
}

async function duplicateScenario(): Promise<void> {
  const id = work.scenarioId;
  if (id === null) {
    app.status = 'Save the scenario before duplicating it.';
    return;
  }
  try {
    const copy = await call('scenario-duplicate', { id });
    loadScenario(copy);
    app.screen = 'optimise';
  } catch (e) {
    app.status = `Cannot duplicate: ${errorText(e)}`;
  }
}

export const ACTIONS: Record<ActionId, () => void | Promise<unknown>> = {
  run: () => runOptimise(),
  cancel: () => {
    if (app.helpOpen) app.helpOpen = false;
    else if (work.running) void cancelRun();
  },
  save: () => saveScenario(),
  'save-as-new': () => saveScenario(work.scenarioId !== null),
  export: () => exportPdf(),
  undo: () => editHistory('undo'),
  redo: () => editHistory('redo'),
  'new-scenario': () => {
    newScenario();
    app.screen = 'optimise';
  },
  'open-scenario': () => {
    app.screen = 'scenarios';
    app.status = 'Choose a scenario to open.';
  },
  'duplicate-scenario': () => duplicateScenario(),
  import: () => {
    app.dataView = 'import';
    app.screen = 'data';
  },
  'go-data': () => {
    app.screen = 'data';
  },
  'go-optimise': () => {
    app.screen = 'optimise';
  },
  'go-scenarios': () => {
    app.screen = 'scenarios';
  },
  'go-backtest': () => {
    app.screen = 'backtest';
  },
  'toggle-theme': () => toggleTheme(),
  'theme-light': () => setTheme('light'),
  'theme-dark': () => setTheme('dark'),
  help: () => {
    app.helpOpen = !app.helpOpen;
  },
};

/** Runs an action; with the help overlay open only closing it is allowed (it is modal). */
export function runAction(id: ActionId): void {
  if (app.helpOpen && id !== 'cancel' && id !== 'help') return;
  void ACTIONS[id]();
}

/** Handles a 'menu-command' event; an unknown command (newer main, older page) is reported, not run. */
export function runMenuCommand(payload: { command: string }): boolean {
  if (!isMenuCommand(payload.command)) {
    app.status = `Unknown menu command “${payload.command}”.`;
    return false;
  }
  // A menu click is deliberate: it closes the help overlay first instead of being ignored.
  if (app.helpOpen && payload.command !== 'help') app.helpOpen = false;
  runAction(payload.command);
  return true;
}
