/**
 * What the desktop app's start-up dialog says when the backend cannot start. Kept free of 'electron'
 * imports so it is unit-tested: a database problem is its one-line message (file and what to do).
 */
import { isApiError } from '../../shared/api.js';

export interface StartupDialog {
  title: string;
  message: string;
}

export function startupErrorDialog(error: unknown): StartupDialog {
  if (isApiError(error) && (error.code === 'storage' || error.code === 'busy')) {
    return { title: 'Frontier cannot open its database', message: error.message };
  }
  const text = error instanceof Error ? error.message : String(error);
  // The first line only: a dialog is no place for a stack trace.
  return { title: 'Frontier could not start', message: text.split('\n')[0] ?? text };
}
