/** The two ways the renderer reaches the main process: the Electron preload bridge, or HTTP + SSE. */
import type { ApiError, ApiEventName, ApiResult } from '../../../shared/api/contract.js';
import { isApiError } from '../../../shared/api/contract.js';
import type { FrontierBridge } from './bridge.js';

export interface Transport {
  kind: 'electron' | 'web';
  call(method: string, req: unknown): Promise<ApiResult<unknown>>;
  on(event: ApiEventName, cb: (payload: unknown) => void): () => void;
  saveFile(name: string, bytes: Uint8Array, mime: string): Promise<{ saved: boolean; path?: string }>;
}

const TOKEN_KEY = 'frontier-token';

/** The web-mode token: from `?token=` in the page URL, else the one kept for this tab. */
export function webToken(loc: Pick<Location, 'search'> = location, store: Storage | undefined = sessionStorage): string | null {
  const fromUrl = new URLSearchParams(loc.search).get('token');
  if (fromUrl) {
    store?.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return store?.getItem(TOKEN_KEY) ?? null;
}

/** Reads an ApiResult out of any JSON body, turning transport failures into ApiErrors. */
export function toApiResult(status: number, body: unknown): ApiResult<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'data' in body) return { ok: true, data: body.data };
    if (body.ok === false && 'error' in body && isApiError(body.error)) return { ok: false, error: body.error };
  }
  const error: ApiError = {
    code: status === 401 || status === 403 ? 'unauthorized' : 'internal',
    message: `unexpected response from the server (HTTP ${status})`,
  };
  return { ok: false, error };
}

export function electronTransport(bridge: FrontierBridge): Transport {
  return {
    kind: 'electron',
    call: (method, req) => bridge.call(method, req),
    on: (event, cb) => bridge.on(event, cb),
    saveFile: (name, bytes) => bridge.saveFile(name, bytes),
  };
}

export function webTransport(token: string | null, base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureSource(event: string): void {
    // No EventSource (tests in happy-dom, very old engines): calls still work, events just never arrive.
    if (typeof EventSource === 'undefined') return;
    if (!source) source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token ?? '')}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (msg: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(msg.data);
      } catch {
        return; // a malformed frame is dropped rather than breaking every listener
      }
      for (const cb of listeners.get(event) ?? []) cb(payload);
    });
  }

  return {
    kind: 'web',
    async call(method, req) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Frontier-Token': token ?? '' },
          body: JSON.stringify(req ?? {}),
        });
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `cannot reach the Frontier host: ${String(e)}` } };
      }
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null;
      }
      return toApiResult(res.status, body);
    },
    on(event, cb) {
      ensureSource(event);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(cb);
      return () => listeners.get(event)?.delete(cb);
    },
    async saveFile(name, bytes, mime) {
      const blob = new Blob([bytes.slice().buffer], { type: mime });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: the download starts asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },
  };
}

/** Electron when the preload bridge exists, otherwise HTTP to the page's own origin. */
export function pickTransport(): Transport {
  if (typeof window !== 'undefined' && window.frontier) return electronTransport(window.frontier);
  return webTransport(webToken());
}
