/**
 * Web mode: serves the built renderer and the API on 127.0.0.1 only. `POST /api/<method>` with the
 * per-run token in `X-Frontier-Token`; push events over SSE at `/api/events?token=…`. No CORS headers.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiErrorCode, ApiResult } from '../../shared/api.js';
import type { Runtime } from '../services/runtime.js';
import { hostAllowed, newToken, originAllowed, SECURITY_HEADERS, tokenMatches } from './security.js';

export interface HostOptions {
  runtime: Runtime;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted JSON request body in bytes (default MAX_JSON_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Largest accepted body of a method that carries whole files (UPLOAD_METHODS; default MAX_UPLOAD_BODY_BYTES). */
  maxUploadBytes?: number;
}

/** A few MB: far above any settings or results request, small enough that junk is refused cheaply. */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;
/** Imports carry whole CSV files, base64-encoded (the schema caps one file at 400 M characters). */
export const MAX_UPLOAD_BODY_BYTES = 512 * 1024 * 1024;
/** The methods whose requests carry files and get the upload limit. */
export const UPLOAD_METHODS: ReadonlySet<string> = new Set(['import-preview', 'import-commit']);

export interface Host {
  server: Server;
  port: number;
  token: string;
  /** The URL to open, token included. */
  url: string;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  'unknown-method': 404,
  'not-found': 404,
  'user-error': 422,
  conflict: 409,
  cancelled: 409,
  unauthorized: 401,
  internal: 500,
  busy: 503,
  storage: 503,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  send(res, result.ok ? 200 : STATUS[result.error.code], JSON.stringify(result));
}

function refuse(res: ServerResponse, code: ApiErrorCode, message: string): void {
  sendResult(res, { ok: false, error: { code, message } });
}

/** decodeURIComponent that answers null for a malformed escape (`%`, `%E0%A4%A`, `%c0%ae`) instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** 413 with the reason; the connection closes, so the rest of the body is never read. */
function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const body: ApiResult<never> = { ok: false, error: { code: 'invalid-request', message: `request body larger than ${limit} bytes` } };
  res.writeHead(413, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(JSON.stringify(body), () => req.destroy());
}

/** The body, or null when it passed `limit` (refused with 413 then: by its Content-Length before reading a byte). */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge(req, res, limit);
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        tooLarge(req, res, limit);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, root: string, urlPath: string): void {
  const decoded = safeDecode(urlPath === '/' ? '/index.html' : urlPath);
  if (decoded === null || decoded.includes('\0')) return send(res, 400, 'malformed URL escape', 'text/plain; charset=utf-8');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  // Path traversal guard: the resolved file must stay inside the renderer folder.
  if (!full.startsWith(root + sep) || !existsSync(full) || !statSync(full).isFile()) {
    if (!existsSync(join(root, 'index.html'))) return send(res, 503, 'The renderer is not built: run `npm run build`.', 'text/plain; charset=utf-8');
    return send(res, 404, 'not found', 'text/plain; charset=utf-8');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[extname(full)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(full).pipe(res);
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? newToken();
  const jsonLimit = options.maxBodyBytes ?? MAX_JSON_BODY_BYTES;
  const uploadLimit = options.maxUploadBytes ?? MAX_UPLOAD_BODY_BYTES;
  const root = normalize(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.runtime.listen((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port)) return refuse(res, 'unauthorized', 'unexpected Host header');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      } catch {
        return refuse(res, 'invalid-request', 'malformed request URL');
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return refuse(res, 'invalid-request', 'events: use GET');
        if (!tokenMatches(token, url.searchParams.get('token'))) return refuse(res, 'unauthorized', 'missing or wrong token');
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          streams.delete(res);
        });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 'invalid-request', 'API calls use POST');
        if (!originAllowed(req, port)) return refuse(res, 'unauthorized', 'cross-origin request refused');
        const given = req.headers['x-frontier-token'];
        if (!tokenMatches(token, Array.isArray(given) ? given[0] : given)) return refuse(res, 'unauthorized', 'missing or wrong token');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 'invalid-request', 'send the request as application/json');
        }
        const method = safeDecode(url.pathname.slice('/api/'.length));
        if (method === null) return refuse(res, 'invalid-request', 'malformed URL escape in the method name');
        const body = await readBody(req, res, UPLOAD_METHODS.has(method) ? uploadLimit : jsonLimit);
        if (body === null) return;
        let request: unknown;
        try {
          request = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          return refuse(res, 'invalid-request', 'the request body is not valid JSON');
        }
        return sendResult(res, await options.runtime.call(method, request));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
      return serveStatic(res, root, url.pathname);
    })().catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 'internal', `internal error: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep idle connections open; without this, close() would wait for them forever.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
      await closed;
    },
  };
}
