import { beforeEach, describe, expect, it } from 'vitest';
import { APP_MENU, MENU_COMMANDS, type MenuCommandItem } from '../../../shared/menu.js';
import { SHORTCUTS, matchShortcut, type KeyLike } from '../lib/shortcuts.js';
import { ACTIONS, runAction, runMenuCommand } from './actions.svelte.js';
import { app } from './app.svelte.js';
import { recordHistory, work } from './workbench.svelte.js';

const menuItems = APP_MENU.flatMap((s) => s.items).filter((i): i is MenuCommandItem => 'command' in i);

/** An Electron accelerator ("CmdOrCtrl+Shift+Z") as the key event the page would see. */
function keyOf(accelerator: string): KeyLike {
  const parts = accelerator.split('+');
  const key = parts.at(-1)!;
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    ctrlKey: parts.includes('CmdOrCtrl'),
    metaKey: false,
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  };
}

beforeEach(() => {
  app.helpOpen = false;
  app.screen = 'optimise';
  app.dataView = 'instruments';
});

describe('one action table for keys and menus', () => {
  it('has an action for every shortcut and every menu command', () => {
    for (const s of SHORTCUTS) expect(typeof ACTIONS[s.action], s.action).toBe('function');
    for (const c of MENU_COMMANDS) expect(typeof ACTIONS[c], c).toBe('function');
    for (const i of menuItems) expect(MENU_COMMANDS).toContain(i.command);
  });

  it('shows the same keys in the menu as the page handles, for the same action', () => {
    for (const item of menuItems.filter((i) => i.pageHandlesKey)) {
      expect(item.accelerator, item.command).toBeDefined();
      expect(matchShortcut(keyOf(item.accelerator!), false), item.accelerator).toBe(item.command);
    }
    // Keys the menu registers itself must not also be page shortcuts (one press, one action).
    for (const item of menuItems.filter((i) => i.accelerator && !i.pageHandlesKey)) {
      if (item.accelerator === 'F1') continue;
      expect(matchShortcut(keyOf(item.accelerator!), false), item.accelerator).toBeNull();
    }
  });

  it('menu commands navigate, open the import view and set the theme', () => {
    expect(runMenuCommand({ command: 'go-data' })).toBe(true);
    expect(app.screen).toBe('data');
    runMenuCommand({ command: 'go-scenarios' });
    expect(app.screen).toBe('scenarios');
    runMenuCommand({ command: 'import' });
    expect([app.screen, app.dataView]).toEqual(['data', 'import']);
    runMenuCommand({ command: 'theme-dark' });
    expect(app.theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    runMenuCommand({ command: 'toggle-theme' });
    expect(app.theme).toBe('light');
  });

  it('the help overlay is modal for keys, but a menu click closes it and runs', () => {
    runAction('help');
    expect(app.helpOpen).toBe(true);
    runAction('go-data');
    expect(app.screen).toBe('optimise');
    runAction('cancel');
    expect(app.helpOpen).toBe(false);
    runAction('help');
    runMenuCommand({ command: 'go-data' });
    expect([app.helpOpen, app.screen]).toEqual([false, 'data']);
  });

  it('undo/redo and new scenario act on the workbench form', () => {
    work.form.name = 'first';
    recordHistory();
    work.form.name = 'second';
    recordHistory();
    runMenuCommand({ command: 'undo' });
    expect(work.form.name).toBe('first');
    runMenuCommand({ command: 'redo' });
    expect(work.form.name).toBe('second');
    runMenuCommand({ command: 'new-scenario' });
    expect(work.form.name).toBe('');
    expect(app.screen).toBe('optimise');
  });

  it('refuses an unknown command with a message', () => {
    expect(runMenuCommand({ command: 'format-disk' })).toBe(false);
    expect(app.status).toContain('format-disk');
  });
});
