/**
 * Hostile input to the web host never becomes a 500: malformed escapes, deep nesting, extreme numbers,
 * bad locales, oversized bodies and poisoned scenario results each get a 4xx with one line, and the
 * store is unchanged.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES, startHost, type Host } from '../../src-main/host/server.js';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { loadHighs, runModel } from '../../src-main/core/optimize/lp/highs-runtime.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { getScenario } from '../../src-main/store/scenarios-repo.js';
import { fixtureScenario } from '../report/fixtures.js';
import { tempDir } from '../support/temp.js';
import { storeCounts } from './helpers.js';

const dir = tempDir('frontier-fault-');
const dbPath = join(dir, 'hostile.db');
let runtime: Runtime;
let host: Host;

interface Answer {
  status: number;
  body: string;
}

/** One HTTP request; `body` may be a string or a generator of chunks (sent without Content-Length). */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; chunks?: () => Iterable<Buffer> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...init.headers } }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close the connection while we are still sending: the answer still arrives.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (init.body !== undefined) req.write(init.body);
    if (!init.chunks) return void req.end();
    const chunks = init.chunks()[Symbol.iterator]();
    // Honour back-pressure, and stop once the server has answered (it closes the connection).
    const pump = (): void => {
      for (let next = chunks.next(); !next.done; next = chunks.next()) {
        // Once the server has answered, sending more only fills a socket it will not read.
        if (req.destroyed || answered) return void req.end();
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const apiHeaders = () => ({ 'Content-Type': 'application/json', 'X-Frontier-Token': host.token });
const api = (method: string, body: unknown) => send(`/api/${method}`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify(body) });
const errorOf = (a: Answer) => (JSON.parse(a.body) as { error: { code: string; message: string } }).error;

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}
/** The same as JSON text, built without JSON.stringify (which itself overflows at this depth). */
const nestedJson = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const rawApi = (method: string, body: string) => send(`/api/${method}`, { method: 'POST', headers: apiHeaders(), body });

beforeAll(async () => {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Frontier</title>');
  runtime = createRuntime({ dbPath, mode: 'web', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
  host = await startHost({ runtime, rendererDir: renderer, port: 0 });
});

afterAll(async () => {
  await host.close();
  await runtime.close();
});

describe('fault: malformed URL escapes', () => {
  it.each(['/%', '/%E0%A4%A', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', '/assets/%00.js'])('GET %s answers 400', async (path) => {
    const res = await send(path);
    expect(res.status).toBe(400);
    expect(res.body).toBe('malformed URL escape');
  });

  it('POST /api/%ZZ answers 400 with one line', async () => {
    const res = await send('/api/%ZZ', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'invalid-request', message: 'malformed URL escape in the method name' });
  });
});

describe('fault: deep nesting', () => {
  it('a 20,000-level form or results answers 400 and writes nothing', async () => {
    const before = storeCounts(dbPath);
    const draft = await rawApi('scenario-draft-save', `{"form":${nestedJson(20_000)},"revision":1}`);
    expect(draft.status).toBe(400);
    expect(errorOf(draft).message).toBe('scenario-draft-save: the request nests deeper than 64 levels');
    const save = await rawApi('scenario-save', `{"scenario":{"name":"Deep","tickers":["AAA"]},"results":{"extra":${nestedJson(20_000)}}}`);
    expect(save.status).toBe(400);
    // Below the request's bound, the schemas' own bound (32 levels) applies and names the field.
    const form = await api('scenario-draft-save', { form: nested(40), revision: 1 });
    expect(form.status).toBe(400);
    expect(errorOf(form).message).toBe('scenario-draft-save: form: nested deeper than 32 levels');
    const results = await api('scenario-save', { scenario: { name: 'Deep', tickers: ['AAA'] }, results: { extra: nested(40) } });
    expect(errorOf(results).message).toBe('scenario-save: results: nested deeper than 32 levels');
    expect(storeCounts(dbPath)).toEqual(before);
  });
});

describe('fault: numbers and locales the engine cannot take', () => {
  it('prices-allocate with value 1e300 is refused by the schema, naming the field', async () => {
    const res = await api('prices-allocate', { weights: { AAA: 1 }, value: 1e300, method: 'lp' });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toBe('prices-allocate: value: Too big: expected number to be <=1000000000000000');
  });

  it('report-export with locale "xx-INVALID-\\u0000" is refused by the schema, naming the field', async () => {
    const res = await api('report-export', { scenarioId: 1, locale: 'xx-INVALID-\u0000' });
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toMatch(/^report-export: (options\.)?locale: not a BCP 47 locale such as en-US or de-CH$/);
  });

  it('a model HiGHS will not load is a solver outcome (model-error), never a throw', async () => {
    const highs = await loadHighs();
    const out = runModel(highs, {
      sense: 'minimize',
      offset: 0,
      colCost: new Float64Array([1e300, 1]),
      colLower: new Float64Array([0, 0]),
      colUpper: new Float64Array([Infinity, Infinity]),
      rowLower: new Float64Array([1]),
      rowUpper: new Float64Array([Infinity]),
      aMatrix: { format: 'colwise', start: new Int32Array([0, 1, 2]), index: new Int32Array([0, 0]), value: new Float64Array([NaN, 1]) },
    } as unknown as Parameters<typeof runModel>[1]);
    expect(out.optimal).toBe(false);
  });
});

describe('fault: request body limits', () => {
  it('a declared 100 MB JSON body is refused with 413 before a byte of it is read', async () => {
    const res = await send('/api/scenario-list', { method: 'POST', headers: { ...apiHeaders(), 'Content-Length': String(100 * 1024 * 1024) }, body: '{' });
    expect(res.status).toBe(413);
    expect(errorOf(res)).toEqual({ code: 'invalid-request', message: `request body larger than ${MAX_JSON_BODY_BYTES} bytes` });
  });

  it('a streamed body without a length is cut off with 413 once it passes the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const res = await send('/api/scenario-list', { method: 'POST', headers: { ...apiHeaders(), 'Transfer-Encoding': 'chunked' }, chunks: function* () {
      for (let i = 0; i < 100; i++) yield chunk;
    } });
    expect(res.status).toBe(413);
  });

  it('an import upload may be larger than the JSON limit', async () => {
    const csv = `date,AAA\n${Array.from({ length: 400_000 }, (_, i) => `${new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},${(100 + i / 1000).toFixed(3)}`).join('\n')}\n`;
    const body = JSON.stringify({ files: [{ name: 'big.csv', dataBase64: Buffer.from(csv).toString('base64') }] });
    expect(body.length).toBeGreaterThan(MAX_JSON_BODY_BYTES);
    const res = await send('/api/import-preview', { method: 'POST', headers: apiHeaders(), body });
    expect(res.status).toBe(200);
  });
});

describe('fault: poisoned scenario results', () => {
  const poison = '<script>alert(1)</script>';

  it('results that the producing method could not have returned are refused, naming the field', async () => {
    const before = storeCounts(dbPath);
    const optimize = fixtureScenario({ n: 3 }).results!.optimize!;
    const bad = await api('scenario-save', { scenario: { name: 'Poisoned', tickers: ['AAA'] }, results: { optimize: { ...optimize, diagnostics: { ...optimize.diagnostics, warnings: [{ __html: poison }] } } } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toBe('scenario-save: results.optimize.diagnostics.warnings.0: Invalid input: expected string, received object');
    const backtest = await api('scenario-save', { scenario: { name: 'Poisoned', tickers: ['AAA'] }, results: { backtest: { metrics: { __html: poison } } } });
    expect(backtest.status).toBe(400);
    expect(errorOf(backtest).message).toMatch(/^scenario-save: results\.backtest\./);
    expect(storeCounts(dbPath)).toEqual(before);
    // What the method does return is accepted.
    const good = await api('scenario-save', { scenario: { name: 'Clean', tickers: Object.keys(optimize.weights) }, results: { optimize } });
    expect(good.status).toBe(200);
  });

  it('a stored result carrying {__html} (an older build, a hand-edited file) prints as text, never as markup', () => {
    const scenario = fixtureScenario({ n: 3 });
    const optimize = scenario.results!.optimize!;
    // Written past the API, as an older Frontier or another tool could have stored it.
    const stored = { ...optimize, status: { __html: poison }, diagnostics: { ...optimize.diagnostics, warnings: [{ __html: '<img src=x onerror=alert(2)>' }] } };
    const info = runtime.ctx.db
      .prepare('INSERT INTO scenarios (name, definition, results, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run('Stored poison', JSON.stringify({ ...scenario, results: undefined, name: 'Stored poison' }), JSON.stringify({ optimize: stored }), 'now', 'now');
    const fromStore = getScenario(runtime.ctx.db, Number(info.lastInsertRowid));
    const html = buildReportHtml({ scenario: fromStore }, { paper: 'a4', generatedAt: new Date('2025-01-01') }).html;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(2)&#62;');
  });
});
