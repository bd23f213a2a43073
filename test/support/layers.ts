/**
 * Reads every import of a source tree (static, `export … from`, dynamic `import()`, type-only and
 * side-effect imports) and checks them against the layer rules of docs/ARCHITECTURE.md. The checker
 * takes a root so a test can point it at a fixture tree that breaks each rule on purpose.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to the root, with '/' separators. */
  file: string;
  line: number;
  /** The specifier as written. */
  specifier: string;
  /** A relative specifier resolved against the root ('/' separators), else null (a package or node: built-in). */
  target: string | null;
  /** The package name of a bare specifier ('echarts' for 'echarts/core', 'node:fs' kept whole), else null. */
  packageName: string | null;
}

export interface Violation {
  rule: string;
  file: string;
  line: number;
  specifier: string;
}

const SOURCE = /\.(ts|mts|cts|svelte|js|mjs|cjs)$/;
// `import x from 'a'`, `import type {…} from 'a'`, `export {…} from 'a'`, `import 'a'`, `import('a')`.
const IMPORT_RE = /(?:^|[^.\w$])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]|(?:^|[^.\w$])import\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
}

/** Blanks comments (keeping line breaks) so an import named in a comment is not read as one. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
}

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every import edge of the files under `dirs` (relative to `root`). */
export function readImports(root: string, dirs: readonly string[]): ImportEdge[] {
  const files: string[] = [];
  for (const d of dirs) {
    const full = join(root, d);
    try {
      if (statSync(full).isDirectory()) walk(full, files);
    } catch {
      // a tree without this folder has nothing to check there
    }
  }
  const edges: ImportEdge[] = [];
  for (const full of files) {
    const text = stripComments(readFileSync(full, 'utf8'));
    const file = toPosix(relative(root, full));
    for (const m of text.matchAll(IMPORT_RE)) {
      const specifier = (m[1] ?? m[2])!;
      const line = text.slice(0, text.indexOf(specifier, m.index)).split('\n').length;
      const isRelative = specifier.startsWith('.');
      edges.push({
        file,
        line,
        specifier,
        target: isRelative ? toPosix(relative(root, resolve(dirname(full), specifier))) : null,
        packageName: isRelative ? null : packageOf(specifier),
      });
    }
  }
  return edges;
}

/** Files whose code (comments aside) uses `process.` — I/O and environment access that core must not do. */
export function processUses(root: string, dir: string): { file: string; line: number }[] {
  const files: string[] = [];
  try {
    walk(join(root, dir), files);
  } catch {
    return [];
  }
  const out: { file: string; line: number }[] = [];
  for (const full of files) {
    const lines = stripComments(readFileSync(full, 'utf8')).split('\n');
    lines.forEach((l, i) => {
      if (/(^|[^.\w$])process\s*\./.test(l)) out.push({ file: toPosix(relative(root, full)), line: i + 1 });
    });
  }
  return out;
}

const under = (path: string | null, dir: string) => path !== null && (path === dir || path.startsWith(`${dir}/`));

const CORE_PACKAGES = new Set(['ml-matrix', 'highs', 'csv-parse', 'iconv-lite']);

/** The layer rules; each names what it forbids. */
export const LAYER_RULES: { rule: string; applies: (e: ImportEdge) => boolean; allowed: (e: ImportEdge) => boolean }[] = [
  {
    rule: 'shared/ imports only zod and shared/',
    applies: (e) => under(e.file, 'shared'),
    allowed: (e) => (e.packageName === null ? under(e.target, 'shared') : e.packageName === 'zod'),
  },
  {
    rule: 'core/ imports only shared/, core/, ml-matrix, highs, csv-parse, iconv-lite',
    applies: (e) => under(e.file, 'src-main/core'),
    allowed: (e) => (e.packageName === null ? under(e.target, 'src-main/core') || under(e.target, 'shared') : CORE_PACKAGES.has(e.packageName)),
  },
  {
    rule: 'only store/ imports better-sqlite3',
    applies: (e) => e.packageName === 'better-sqlite3',
    // Tests (the renderer's included) may open a second connection to hold a lock or inspect a file.
    allowed: (e) => under(e.file, 'src-main/store') || /\.test\.ts$/.test(e.file),
  },
  {
    rule: 'only electron/ imports electron',
    applies: (e) => e.packageName === 'electron',
    allowed: (e) => under(e.file, 'src-main/electron'),
  },
  {
    rule: 'only report/ and the renderer import echarts',
    applies: (e) => e.packageName === 'echarts',
    allowed: (e) => under(e.file, 'src-main/report') || under(e.file, 'src-renderer'),
  },
  {
    rule: 'services/ never imports cli/ or host/',
    applies: (e) => under(e.file, 'src-main/services'),
    allowed: (e) => !under(e.target, 'src-main/cli') && !under(e.target, 'src-main/host'),
  },
  {
    rule: 'cli/commands/ never imports core/ or store/ (types included)',
    applies: (e) => under(e.file, 'src-main/cli/commands'),
    allowed: (e) => !under(e.target, 'src-main/core') && !under(e.target, 'src-main/store'),
  },
  {
    rule: 'the renderer imports no src-main/ code (its tests may start a runtime)',
    applies: (e) => under(e.file, 'src-renderer') && !/\.test\.ts$/.test(e.file),
    allowed: (e) => !under(e.target, 'src-main'),
  },
];

/** The folders the rules read. */
export const LAYER_DIRS = ['shared', 'src-main', 'src-renderer/src'] as const;

/** Every import that breaks a rule, and every `process.` use in core (core does no I/O). */
export function layerViolations(root: string): Violation[] {
  const out: Violation[] = [];
  for (const e of readImports(root, LAYER_DIRS)) {
    for (const r of LAYER_RULES) {
      if (r.applies(e) && !r.allowed(e)) out.push({ rule: r.rule, file: e.file, line: e.line, specifier: e.specifier });
    }
  }
  for (const p of processUses(root, 'src-main/core')) out.push({ rule: 'core/ does no I/O (no process)', file: p.file, line: p.line, specifier: 'process' });
  return out;
}
