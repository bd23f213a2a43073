import { describe, expect, it } from 'vitest';
import { base64ToBytes, newJobId } from './api.js';
import { createHistory } from './history.js';
import { createLatest } from './latest.js';
import { SHORTCUTS, matchShortcut, type KeyLike } from './shortcuts.js';
import { toApiResult, webToken } from './transport.js';
import { errorSummary, fieldLabel } from '../forms/field-labels.js';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('latest-request guard', () => {
  it('only the newest ticket is current; invalidate drops all', () => {
    const g = createLatest();
    const a = g.next();
    const b = g.next();
    expect(g.isCurrent(a)).toBe(false);
    expect(g.isCurrent(b)).toBe(true);
    g.invalidate();
    expect(g.isCurrent(b)).toBe(false);
  });
});

describe('undo history', () => {
  it('undoes and redoes, skips duplicates and drops the redo branch on a new edit', () => {
    const h = createHistory(3);
    h.record('a');
    h.record('a');
    h.record('b');
    h.record('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('b');
    h.record('x');
    expect(h.canRedo()).toBe(false);
    h.record('y');
    h.record('z'); // limit 3: 'a' falls off
    expect(h.undo()).toBe('y');
    expect(h.undo()).toBe('x');
    expect(h.undo()).toBeUndefined();
  });
});

describe('shortcuts', () => {
  it('maps keys to actions, Cmd as Ctrl, and keeps plain keys out of text fields', () => {
    expect(matchShortcut(key('Enter', { ctrlKey: true }), true)).toBe('run');
    expect(matchShortcut(key('Enter', { metaKey: true }), false)).toBe('run');
    expect(matchShortcut(key('s', { ctrlKey: true }), false)).toBe('save');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchShortcut(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(key('z', { ctrlKey: true }), true)).toBeNull(); // the field's own undo
    expect(matchShortcut(key('?', { shiftKey: true }), false)).toBe('help');
    expect(matchShortcut(key('?', { shiftKey: true }), true)).toBeNull();
    expect(matchShortcut(key('3', { altKey: true }), true)).toBe('go-scenarios');
    expect(matchShortcut(key('Enter'), false)).toBeNull();
  });

  it('every shortcut is reachable and no two share a key', () => {
    const seen = new Set<string>();
    for (const s of SHORTCUTS) {
      const e = key(s.key, { ctrlKey: Boolean(s.ctrl), altKey: Boolean(s.alt), shiftKey: Boolean(s.shift) || s.key === '?' });
      expect(matchShortcut(e, false)).toBe(s.action);
      const id = `${s.key.toLowerCase()}|${s.ctrl}|${s.alt}|${s.shift}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });
});

describe('web transport helpers', () => {
  it('reads ApiResults and turns anything else into a typed error', () => {
    expect(toApiResult(200, { ok: true, data: [1] })).toEqual({ ok: true, data: [1] });
    const err = { code: 'not-found', message: 'no scenario 3' };
    expect(toApiResult(404, { ok: false, error: err })).toEqual({ ok: false, error: err });
    const r = toApiResult(401, 'nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unauthorized');
    const r2 = toApiResult(502, null);
    if (!r2.ok) expect(r2.error.message).toMatch(/HTTP 502/);
  });

  it('takes the token from the URL and keeps it for the tab', () => {
    sessionStorage.clear();
    expect(webToken({ search: '?token=abc123' }, sessionStorage)).toBe('abc123');
    expect(webToken({ search: '' }, sessionStorage)).toBe('abc123');
    expect(webToken({ search: '?token=new' }, sessionStorage)).toBe('new');
    sessionStorage.clear();
    expect(webToken({ search: '' }, sessionStorage)).toBeNull();
  });

  it('decodes base64 PDFs to bytes and makes unique job ids', () => {
    const bytes = base64ToBytes(btoa('%PDF-1.7\n\u00ff'));
    expect([...bytes.subarray(0, 5)].map((b) => String.fromCharCode(b)).join('')).toBe('%PDF-');
    expect(bytes.at(-1)).toBe(0xff);
    const ids = new Set(Array.from({ length: 50 }, () => newJobId('x')));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });
});

describe('error summary', () => {
  it('names fields in words and counts the rest', () => {
    expect(fieldLabel('view:2')).toBe('View 3');
    expect(fieldLabel('asset:AAPL:min')).toBe('AAPL min');
    expect(fieldLabel('cap:0')).toBe('Sector cap 1');
    expect(errorSummary({ rf: 'bad', 'view:0': 'x', 'cap:1': 'y', tickers: 'z' }, 2)).toBe('Risk-free rate: bad; View 1: x; and 2 more');
  });
});

describe('coverage', () => {
  it('counts weekdays inclusively and the weekdays without rows', async () => {
    const { missingWeekdays, weekdaysBetween } = await import('./coverage.js');
    expect(weekdaysBetween('2024-01-01', '2024-01-07')).toBe(5); // Mon..Sun
    expect(weekdaysBetween('2024-01-06', '2024-01-07')).toBe(0); // a weekend
    expect(weekdaysBetween('2024-01-05', '2024-01-08')).toBe(2); // Fri, Mon
    expect(weekdaysBetween('2024-01-08', '2024-01-05')).toBe(0);
    expect(weekdaysBetween(null, '2024-01-05')).toBe(0);
    // A brute-force count over two years agrees.
    let brute = 0;
    for (let t = Date.parse('2023-03-15T00:00:00Z'); t <= Date.parse('2025-03-14T00:00:00Z'); t += 86_400_000) {
      const d = new Date(t).getUTCDay();
      if (d !== 0 && d !== 6) brute++;
    }
    expect(weekdaysBetween('2023-03-15', '2025-03-14')).toBe(brute);
    expect(missingWeekdays('2024-01-01', '2024-01-07', 4)).toBe(1);
    expect(missingWeekdays('2024-01-01', '2024-01-07', 7)).toBe(0);
  });
});

describe('free scenario names', () => {
  it('adds the first free number', async () => {
    const { freeName } = await import('../screens/scenarios/scenario-json.js');
    expect(freeName('A', ['B'])).toBe('A');
    expect(freeName('A', ['A', 'A (2)'])).toBe('A (3)');
    expect(freeName('A (2)', ['A', 'A (2)'])).toBe('A (3)');
  });
});
