/**
 * Logos are checked in main: type from the bytes, a size cap, SVG rebuilt without scripts or external
 * references. Through `report-export`, the checked logo is what Chromium prints on the cover.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../shared/api/reports.js';
import { createChromiumPrinter } from '../../src-main/host/chromium-printer.js';
import { checkLogo, sanitizeSvg, sniffImageType } from '../../src-main/report/logo.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';
import { pdfText, pdfToolsMissing, savePdf } from './pdf-tools.js';

/** A 2×2 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const url = (type: string, body: string | Buffer) => `data:${type};base64,${Buffer.from(body).toString('base64')}`;

const HOSTILE_SVG = `<?xml version="1.0"?>
<!-- company mark -->
<svg width="120" height="40" viewBox="0 0 120 40" onload="document.title='pwned'">
  <script type="text/javascript"><![CDATA[ if (1 < 2) { document.title = 'pwned'; } ]]></script>
  <style>@import url(https://evil.example/x.css);</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#1f5fbf"/></linearGradient></defs>
  <foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe></body></foreignObject>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <a href="javascript:alert(1)"><rect width="5" height="5"/></a>
  <rect width="120" height="40" fill="url(#g)" style="stroke:url(https://evil.example/s)" onclick="alert(1)"/>
  <use href="https://evil.example/sprite.svg#x"/>
  <text x="10" y="28" font-size="20" fill="#ffffff">ACME &amp; Co</text>
</svg>`;

describe('logo checks', () => {
  it('reads the type from the bytes, not the label', () => {
    expect(sniffImageType(Buffer.from(PNG_BASE64, 'base64'))).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('\uFEFF<?xml version="1.0"?><!-- x --><svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffImageType(Buffer.from('<html><svg></svg></html>'))).toBeNull();
    // A PNG sent as "SVG" is printed as the PNG it is.
    expect(checkLogo(`data:image/svg+xml;base64,${PNG_BASE64}`)).toMatchObject({ type: 'image/png', dataUrl: `data:image/png;base64,${PNG_BASE64}` });
    expect(() => checkLogo(url('image/png', 'GIF89a not really'))).toThrow(/logo: the file is not a PNG, JPEG or SVG image/);
  });

  it('refuses an image over the size cap, naming both sizes', () => {
    const big = Buffer.alloc(LOGO_MAX_BYTES + 1);
    Buffer.from(PNG_BASE64, 'base64').copy(big);
    expect(() => checkLogo(url('image/png', big))).toThrow(new RegExp(`${LOGO_MAX_BYTES + 1} bytes; at most ${LOGO_MAX_BYTES}`));
  });

  it('rebuilds an SVG with shapes and text only: no script, handler, foreign HTML or external link', () => {
    const checked = checkLogo(url('image/svg+xml', HOSTILE_SVG));
    const svg = Buffer.from(checked.dataUrl.split(',')[1]!, 'base64').toString('utf8');
    for (const bad of ['script', 'pwned', 'onload', 'onclick', 'foreignObject', 'iframe', 'evil.example', 'javascript', '@import', '<image', '<a ', '<style']) {
      expect(svg).not.toContain(bad);
    }
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="120" height="40" viewBox="0 0 120 40">/);
    expect(svg).toContain('<rect width="120" height="40" fill="url(#g)"/>');
    expect(svg).toContain('<text x="10" y="28" font-size="20" fill="#ffffff">ACME &amp; Co</text>');
    expect(checked.bytes).toBe(Buffer.byteLength(svg));
  });

  it('refuses SVG it cannot read safely: entities, broken nesting, no svg root', () => {
    const entities = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>';
    expect(() => checkLogo(url('image/svg+xml', entities))).toThrow(/not a PNG, JPEG or SVG|unreadable SVG/);
    expect(sanitizeSvg('<svg><g></svg>')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not close/) });
    expect(sanitizeSvg('<svg></svg><svg></svg>')).toMatchObject({ ok: false, reason: expect.stringMatching(/single <svg>/) });
    expect(sanitizeSvg('<svg><text>a & b</text></svg>')).toMatchObject({ ok: false, reason: expect.stringMatching(/bare "&"/) });
  });
});

describe('frontier report --logo', () => {
  const dir = tempDir('frontier-cli-logo-');

  it('reads the file by content and names the file when it is not an image (frontier report --logo)', async () => {
    // The CLI labels any file image/png; main relabels it from the bytes.
    const runtime = createRuntime({ dbPath: ':memory:', mode: 'cli', makePrinter: async () => createChromiumPrinter() });
    const res = await runtime.call('report-logo-check', { logo: `data:image/png;base64,${PNG_BASE64}` });
    await runtime.close();
    expect(res).toMatchObject({ ok: true, data: { logo: `data:image/png;base64,${PNG_BASE64}`, type: 'image/png' } });
    const notes = join(dir, 'notes.png');
    writeFileSync(notes, 'meeting notes');
    const run = frontier(['report', '--scenario', 'Anything', '--out', join(dir, 'x.pdf'), '--logo', notes, '--db', join(dir, 'cli.db')]);
    expect(run.stderr.trim()).toBe(`--logo: ${notes}: the file is not a PNG, JPEG or SVG image`);
    expect(run.code).toBe(1);
  });
});

describe.skipIf(pdfToolsMissing !== null)('logo in an exported report', () => {
  const dir = tempDir('frontier-report-logo-');
  let runtime: Runtime;
  let scenarioId = 0;

  beforeAll(async () => {
    runtime = createRuntime({ dbPath: join(dir, 'logo.db'), mode: 'web', makePrinter: async () => createChromiumPrinter() });
    const { results, ...file } = fixtureScenario({ n: 3, name: 'Logo scenario' });
    const saved = await runtime.call('scenario-save', { scenario: file, results });
    if (!saved.ok) throw new Error(saved.error.message);
    scenarioId = (saved.data as { id: number }).id;
  });
  afterAll(async () => {
    await runtime?.close();
  });

  async function exportWith(logo: string, name: string): Promise<string> {
    const res = await runtime.call('report-export', { scenarioId, logo, sections: ['cover', 'summary'] });
    if (!res.ok) throw new Error(res.error.message);
    return savePdf(dir, name, Buffer.from((res.data as { pdfBase64: string }).pdfBase64, 'base64'));
  }

  it('prints a PNG logo once, on the cover page (pdfimages)', async () => {
    const path = await exportWith(`data:image/png;base64,${PNG_BASE64}`, 'png-logo.pdf');
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(images).toHaveLength(1);
    const [page, , type, width, height] = images[0]!.trim().split(/\s+/);
    expect([page, type, width, height]).toEqual(['1', 'image', '2', '2']);
  });

  it('prints the rebuilt SVG logo (its text is in the PDF) and refuses a bad one with a clear error', async () => {
    const path = await exportWith(url('image/svg+xml', HOSTILE_SVG), 'svg-logo.pdf');
    expect(pdfText(path, 1)).toContain('ACME & Co');
    const checked = await runtime.call('report-logo-check', { logo: url('image/svg+xml', HOSTILE_SVG) });
    expect(checked.ok && (checked.data as { type: string }).type).toBe('image/svg+xml');
    const bad = await runtime.call('report-export', { scenarioId, logo: url('image/png', 'plain text') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^logo: /), details: { field: 'logo' } } });
  });
});
