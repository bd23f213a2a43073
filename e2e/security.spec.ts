/// <reference lib="dom" />
/** Web mode seen from the browser: the page has no Node, a strict CSP, and the API needs the token. */
import { expect, test } from './fixtures.js';

test('the page runs under a strict CSP with no inline scripts and no Node access', async ({ page, frontier }) => {
  const response = await page.goto(frontier.url);
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  const html = await response!.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  // An inline script injected at run time must be blocked by the CSP.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('API calls from the page without the token are refused', async ({ page, frontier }) => {
  await page.goto(frontier.url);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/app-info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return r.status;
  });
  expect(status).toBe(401);
  const withToken = await page.evaluate(async (token) => {
    const r = await fetch('/api/app-info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Frontier-Token': token }, body: '{}' });
    return r.status;
  }, frontier.token);
  expect(withToken).toBe(200);
});

test('web mode says so, and binds to the loopback address it printed', async ({ frontier }) => {
  const info = await frontier.api<{ mode: string; dbPath: string }>('app-info');
  expect(info.mode).toBe('web');
  expect(info.dbPath).toBe(frontier.dbPath);
  expect(new URL(frontier.url).hostname).toBe('127.0.0.1');
});
