// The one object the Electron preload exposes on window (contextBridge). Web mode has no bridge.
import type { ApiEventName, ApiEvents, ApiResult } from '../../../shared/api/contract.js';

export interface FrontierBridge {
  /** Calls an API method over IPC; resolves with the ApiResult, never rejects for API errors. */
  call(method: string, req: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends ApiEventName>(event: E, cb: (payload: ApiEvents[E]) => void): () => void;
  /** Shows the native Save dialog and writes the bytes there. */
  saveFile(name: string, bytes: Uint8Array): Promise<{ saved: boolean; path?: string }>;
}

declare global {
  interface Window {
    frontier?: FrontierBridge;
  }
}
