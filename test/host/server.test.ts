import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src-main/host/server.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();
let runtime: Runtime;
let host: Host;

function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Frontier-Token': host.token, Host: `127.0.0.1:${host.port}`, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Frontier</title>');
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
  runtime = createRuntime({ dbPath: join(dir, 'host.db'), mode: 'web', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
  host = await startHost({ runtime, rendererDir: renderer, port: 0 });
});

afterAll(async () => {
  await host.close();
  await runtime.close();
});

describe('web host security', () => {
  it('binds to 127.0.0.1 only and prints a URL with the token', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a request with the token', async () => {
    const res = await api('app-info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { mode: 'web' } });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const missing = await api('app-info', {}, { 'X-Frontier-Token': '' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    const wrong = await api('scenario-list', {}, { 'X-Frontier-Token': 'x'.repeat(32) });
    expect(wrong.status).toBe(401);
    const events = await raw('/api/events?token=nope', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(events.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await api('app-info', {}, { Host: 'evil.example:80' });
    expect(res.status).toBe(401);
    const page = await raw('/', { headers: { Host: `attacker.test:${host.port}` } });
    expect(page.status).toBe(401);
  });

  it('refuses cross-origin writes and sends no CORS headers', async () => {
    const res = await api('app-info', {}, { Origin: 'https://evil.example' });
    expect(res.status).toBe(401);
    const ok = await api('app-info', {});
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates every request against its schema and names the field', async () => {
    const res = await api('scenario-get', { id: 'seven' });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.message).toMatch(/id/);
    const unknown = await api('drop-tables', {});
    expect(JSON.parse(unknown.body).error.code).toBe('unknown-method');
    const notJson = await raw('/api/app-info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Frontier-Token': host.token, Host: `127.0.0.1:${host.port}` }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const page = await raw('/', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe-inline');
    const escape = await raw('/..%2Fsecret.txt', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(escape.body).not.toContain('top secret');
  });

  it('pushes events to subscribers over SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes(': connected')) runtime.ctx.emit('data-changed', { what: 'scenarios' });
            if (text.includes('event: data-changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    expect(received).toContain('data: {"what":"scenarios"}');
  });
});

describe('web host shutdown', () => {
  it('closes promptly even while a browser holds a keep-alive connection', async () => {
    const { Agent } = await import('node:http');
    const second = await startHost({ runtime, rendererDir: join(dir, 'renderer'), port: 0 });
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: second.port, path: '/', agent, headers: { Host: `127.0.0.1:${second.port}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    const started = Date.now();
    await second.close();
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
  });
});
