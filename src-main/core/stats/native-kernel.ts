/**
 * Loads the optional native Gram kernel (C, N-API, built by `scripts/build.mjs` into
 * native/build/Release/frontier_kernels.node). Absent, unloadable, or disabled with FRONTIER_NO_NATIVE=1,
 * the estimators use the JS kernel instead; the result is cached per thread (each worker loads its own).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The binding's surface (see native/src/addon.c). */
export interface NativeGram {
  /** out[cols[a]·ldo + cols[b]] = scale·Σ_t y_ta·y_tb, y = (x − column mean if centre)·rowScale; returns the ISA used. */
  gram(
    x: Float64Array,
    rows: number,
    rowStride: number,
    colStride: number,
    cols: Int32Array,
    centre: boolean,
    rowScale: Float64Array | null,
    scale: number,
    out: Float64Array,
    ldo: number,
    isa?: string,
  ): string;
  /** In-place lower Cholesky of row-major n×n `a` (lower triangle read, upper zeroed); the failing pivot or -1. */
  cholesky(a: Float64Array, n: number, isa?: string): number;
  /** Best instruction set on this CPU: "avx512f", "avx2+fma" or "generic". */
  isa(): string;
  /** Every instruction set this CPU supports, best first. */
  isas(): string[];
}

const FILE = join('native', 'build', 'Release', 'frontier_kernels.node');

/** Walks up from this module (src-main/core/stats or dist/src-main/core/stats) to the package root. */
export function nativeKernelPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    const candidate = join(dir, FILE);
    // Inside a packaged app the binary is unpacked next to app.asar (electron-builder.yml asarUnpack).
    const unpacked = candidate.replace(/\.asar([\\/])/, '.asar.unpacked$1');
    if (unpacked !== candidate && existsSync(unpacked)) return unpacked;
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

let cached: { kernel: NativeGram | null; reason: string } | undefined;

/** The loaded native kernel, or null with the reason (disabled, not built, failed to load). */
export function loadNativeKernel(): { kernel: NativeGram | null; reason: string } {
  if (cached) return cached;
  if (process.env.FRONTIER_NO_NATIVE === '1') return (cached = { kernel: null, reason: 'disabled by FRONTIER_NO_NATIVE=1' });
  const path = nativeKernelPath();
  if (!path) return (cached = { kernel: null, reason: `${FILE} not built` });
  try {
    const kernel: NativeGram = createRequire(import.meta.url)(path);
    kernel.isa();
    return (cached = { kernel, reason: `loaded ${path}` });
  } catch (e) {
    return (cached = { kernel: null, reason: `${path} failed to load: ${e instanceof Error ? e.message : String(e)}` });
  }
}
