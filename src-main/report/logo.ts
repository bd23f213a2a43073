/**
 * The report's logo, checked in main whoever sends it (export dialog, API, CLI): the type is read from
 * the bytes, not from the label; the size is capped; an SVG is rebuilt from an allowlist of shapes and
 * attributes, so scripts, event handlers, foreign HTML and external references never reach the report.
 */
import { FrontierError } from '../../shared/api.js';
import { LOGO_MAX_BYTES, type LogoType } from '../../shared/api/reports.js';

export interface CheckedLogo {
  /** data:<sniffed type>;base64,… of the (for SVG: rebuilt) image. */
  dataUrl: string;
  type: LogoType;
  /** Size of the image as printed, in bytes. */
  bytes: number;
}

/** The image type from the first bytes: PNG and JPEG signatures, or an SVG root element; null otherwise. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const prolog = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>[]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;
  return prolog.test(head) ? 'image/svg+xml' : null;
}

// Drawing elements only; anything else (script, style, foreignObject, image, a, animate…) is dropped
// with everything inside it.
const ELEMENTS = new Set(
  ['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'title', 'desc', 'symbol', 'use', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'pattern'],
);
const ATTRIBUTES = new Set([
  'xmlns', 'xmlns:xlink', 'version', 'id', 'class', 'viewbox', 'preserveaspectratio', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width',
  'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'color',
  'clip-path', 'clip-rule', 'mask', 'offset', 'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'spreadmethod',
  'patternunits', 'patterncontentunits', 'patterntransform', 'clippathunits', 'maskunits', 'maskcontentunits', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'dx', 'dy', 'visibility', 'display', 'style', 'href', 'xlink:href',
]);
// Inside attribute values only same-document references may appear: url(#id), href="#id".
const EXTERNAL_URL = /url\(\s*(?!['"]?#)/i;
const SAFE_STYLE = /^[\w\s#%.,:;()'"+-]*$/;
const TEXT = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});)*$/i;
// Elements whose content is raw text (code, CSS), skipped up to their end tag without being parsed.
const RAW_TEXT = new Set(['script', 'style']);
const SVG_NS = 'http://www.w3.org/2000/svg';
const TAG = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function keptAttributes(source: string): string {
  let out = '';
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? '';
    if (!ATTRIBUTES.has(name) || EXTERNAL_URL.test(value) || !TEXT.test(value)) continue;
    if ((name === 'href' || name === 'xlink:href') && !value.startsWith('#')) continue;
    if (name === 'style' && !SAFE_STYLE.test(value)) continue;
    out += ` ${m[1]}="${value.replace(/"/g, '&quot;')}"`;
  }
  return out;
}

/** Rebuilds an SVG from allowed elements and attributes; a reason when it is not well-formed SVG. */
export function sanitizeSvg(source: string): { ok: true; svg: string } | { ok: false; reason: string } {
  // The prolog, comments and a DOCTYPE without an internal subset (entities) carry nothing to keep.
  let rest = source
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE\s+svg[^>[]*>/i, '');
  let out = '';
  const open: string[] = [];
  let skipping = 0; // depth inside a dropped element
  let sawRoot = false;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text) {
      if (!TEXT.test(text)) return { ok: false, reason: 'text with a bare "&" or an unknown entity' };
      if (open.length === 0 && text.trim()) return { ok: false, reason: 'text outside the <svg> element' };
      if (skipping === 0 && open.length > 0) out += text;
      rest = rest.slice(text.length);
      continue;
    }
    const m = TAG.exec(rest);
    if (!m) return { ok: false, reason: `unreadable markup near "${rest.slice(0, 24)}"` };
    rest = rest.slice(m[0].length);
    const [, closing, name, attrs, selfClosing] = m;
    const kept = ELEMENTS.has(name!.toLowerCase());
    if (closing) {
      if (open.pop() !== name) return { ok: false, reason: `</${name}> does not close the open element` };
      if (skipping > 0) skipping--;
      else out += `</${name}>`;
      continue;
    }
    if (open.length === 0) {
      if (sawRoot || name!.toLowerCase() !== 'svg') return { ok: false, reason: 'the root element must be a single <svg>' };
      sawRoot = true;
    }
    if (skipping > 0 || !kept) {
      if (!selfClosing && RAW_TEXT.has(name!.toLowerCase())) {
        const end = rest.search(new RegExp(`</${name}\\s*>`));
        if (end < 0) return { ok: false, reason: `<${name}> is never closed` };
        rest = rest.slice(end).replace(/^<\/[^>]*>/, '');
        continue;
      }
      if (!selfClosing) {
        open.push(name!);
        skipping++;
      }
      continue;
    }
    let attributes = keptAttributes(attrs ?? '');
    // An SVG image renders only in the SVG namespace; files that rely on an HTML parser omit it.
    if (open.length === 0 && !/\sxmlns="/.test(attributes)) attributes = ` xmlns="${SVG_NS}"${attributes}`;
    out += `<${name}${attributes}${selfClosing ? '/>' : '>'}`;
    if (!selfClosing) open.push(name!);
  }
  if (!sawRoot) return { ok: false, reason: 'no <svg> element' };
  if (open.length > 0) return { ok: false, reason: `<${open[open.length - 1]}> is never closed` };
  return { ok: true, svg: out };
}

function invalid(message: string): FrontierError {
  return new FrontierError('invalid-request', `logo: ${message}`, { field: 'logo' });
}

/** Checks a logo data URL (any image label) and returns it relabelled by content, SVG rebuilt; throws a user-facing error. */
export function checkLogo(dataUrl: string): CheckedLogo {
  const m = /^data:[\w/+.-]*;base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  if (!m) throw invalid('send the image as a base64 data URL');
  const bytes = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  if (bytes.length === 0) throw invalid('the image is empty');
  if (bytes.length > LOGO_MAX_BYTES) throw invalid(`the image is ${bytes.length} bytes; at most ${LOGO_MAX_BYTES} bytes are accepted`);
  const type = sniffImageType(bytes);
  if (!type) throw invalid('the file is not a PNG, JPEG or SVG image');
  if (type !== 'image/svg+xml') return { dataUrl: `data:${type};base64,${bytes.toString('base64')}`, type, bytes: bytes.length };
  const svg = sanitizeSvg(bytes.toString('utf8'));
  if (!svg.ok) throw invalid(`unreadable SVG: ${svg.reason}`);
  const clean = Buffer.from(svg.svg, 'utf8');
  return { dataUrl: `data:${type};base64,${clean.toString('base64')}`, type, bytes: clean.length };
}
