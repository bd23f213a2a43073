/** Keyboard shortcuts of the workbench: one table drives both the key handler and the help overlay. */
export type ShortcutAction =
  | 'run'
  | 'cancel'
  | 'save'
  | 'export'
  | 'undo'
  | 'redo'
  | 'go-data'
  | 'go-optimise'
  | 'go-scenarios'
  | 'toggle-theme'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** Display text, e.g. "Ctrl+Enter". */
  keys: string;
  description: string;
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Allowed while typing in a text field. */
  inFields?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'run', keys: 'Ctrl+Enter', description: 'Run the optimisation and frontier', key: 'Enter', ctrl: true, inFields: true },
  { action: 'cancel', keys: 'Esc', description: 'Cancel the running job / close overlays', key: 'Escape', inFields: true },
  { action: 'save', keys: 'Ctrl+S', description: 'Save the scenario', key: 's', ctrl: true, inFields: true },
  { action: 'export', keys: 'Ctrl+P', description: 'Export the PDF report', key: 'p', ctrl: true, inFields: true },
  { action: 'undo', keys: 'Ctrl+Z', description: 'Undo an edit of the settings', key: 'z', ctrl: true },
  { action: 'redo', keys: 'Ctrl+Shift+Z', description: 'Redo', key: 'z', ctrl: true, shift: true },
  { action: 'go-data', keys: 'Alt+1', description: 'Go to Data', key: '1', alt: true, inFields: true },
  { action: 'go-optimise', keys: 'Alt+2', description: 'Go to Optimise', key: '2', alt: true, inFields: true },
  { action: 'go-scenarios', keys: 'Alt+3', description: 'Go to Scenarios', key: '3', alt: true, inFields: true },
  { action: 'toggle-theme', keys: 'Alt+T', description: 'Switch light / dark theme', key: 't', alt: true, inFields: true },
  { action: 'help', keys: '?', description: 'Show this help', key: '?' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action for a key press, or null. Cmd counts as Ctrl (macOS); typing in fields only triggers `inFields` shortcuts. */
export function matchShortcut(e: KeyLike, inField: boolean): ShortcutAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  for (const s of SHORTCUTS) {
    if (inField && !s.inFields) continue;
    if (e.key.toLowerCase() !== s.key.toLowerCase()) continue;
    if (Boolean(s.ctrl) !== ctrl || Boolean(s.alt) !== e.altKey) continue;
    // "?" is typed with Shift on most layouts, so Shift only matters where the table says so.
    if (s.key !== '?' && Boolean(s.shift) !== e.shiftKey) continue;
    return s.action;
  }
  return null;
}
