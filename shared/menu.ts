/**
 * The desktop app's menu as data: Electron builds it (src-main/electron/main.ts) and sends the
 * command id of a clicked item as a 'menu-command' event; the renderer runs the action of that id
 * from the same table as the keyboard shortcuts. Pure data, no Electron import.
 */

export const MENU_COMMANDS = [
  'new-scenario',
  'open-scenario',
  'save',
  'save-as-new',
  'duplicate-scenario',
  'import',
  'export',
  'undo',
  'redo',
  'go-data',
  'go-optimise',
  'go-scenarios',
  'go-backtest',
  'theme-light',
  'theme-dark',
  'toggle-theme',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuCommandItem {
  command: MenuCommand;
  label: string;
  /** Electron accelerator shown next to the label. */
  accelerator?: string;
  /**
   * The page's own key handler already reacts to this key (see the renderer's shortcuts table): the
   * menu shows the accelerator without registering it, so one key press runs the action once.
   */
  pageHandlesKey?: boolean;
}
export type MenuEntry = MenuCommandItem | { separator: true } | { role: 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'toggleDevTools' | 'reload' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' };

export interface MenuSection {
  label: 'File' | 'Edit' | 'View' | 'Help';
  items: MenuEntry[];
}

export const APP_MENU: readonly MenuSection[] = [
  {
    label: 'File',
    items: [
      { command: 'new-scenario', label: 'New Scenario', accelerator: 'CmdOrCtrl+N' },
      { command: 'open-scenario', label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O' },
      { command: 'save', label: 'Save Scenario', accelerator: 'CmdOrCtrl+S', pageHandlesKey: true },
      { command: 'save-as-new', label: 'Save Scenario as New', accelerator: 'CmdOrCtrl+Shift+S' },
      { command: 'duplicate-scenario', label: 'Duplicate Scenario' },
      { separator: true },
      { command: 'import', label: 'Import Files…', accelerator: 'CmdOrCtrl+I' },
      { command: 'export', label: 'Export PDF Report…', accelerator: 'CmdOrCtrl+P', pageHandlesKey: true },
      { separator: true },
      { role: 'quit' },
    ],
  },
  {
    label: 'Edit',
    items: [
      { command: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', pageHandlesKey: true },
      { command: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', pageHandlesKey: true },
      { separator: true },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  },
  {
    label: 'View',
    items: [
      { command: 'go-data', label: 'Data', accelerator: 'Alt+1', pageHandlesKey: true },
      { command: 'go-optimise', label: 'Optimise', accelerator: 'Alt+2', pageHandlesKey: true },
      { command: 'go-scenarios', label: 'Scenarios', accelerator: 'Alt+3', pageHandlesKey: true },
      { command: 'go-backtest', label: 'Backtest' },
      { separator: true },
      { command: 'theme-light', label: 'Light Theme' },
      { command: 'theme-dark', label: 'Dark Theme' },
      { command: 'toggle-theme', label: 'Switch Theme', accelerator: 'Alt+T', pageHandlesKey: true },
      { separator: true },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      { separator: true },
      { role: 'reload' },
      { role: 'toggleDevTools' },
    ],
  },
  { label: 'Help', items: [{ command: 'help', label: 'Keyboard Shortcuts', accelerator: 'F1' }] },
];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
