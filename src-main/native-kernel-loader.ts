/**
 * Finds and loads the native Gram kernel (built by `scripts/build.mjs` into
 * native/build/Release/frontier_kernels.node) and hands it to core. Every thread that runs estimators
 * calls `installNativeKernel()` once: the worker entry, the runtime (main process, CLI) and the test setup.
 * FRONTIER_NO_NATIVE=1 disables it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setNativeKernelLoader, type KernelLoad, type NativeGram } from './core/stats/native-kernel.js';

const FILE = join('native', 'build', 'Release', 'frontier_kernels.node');

/** Walks up from this module (src-main or dist/src-main) to the package root. */
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

/** Loads the binary now: the kernel, or null with the reason. */
export function readNativeKernel(): KernelLoad {
  if (process.env.FRONTIER_NO_NATIVE === '1') return { kernel: null, reason: 'disabled by FRONTIER_NO_NATIVE=1' };
  const path = nativeKernelPath();
  if (!path) return { kernel: null, reason: `${FILE} not built` };
  try {
    const kernel: NativeGram = createRequire(import.meta.url)(path);
    kernel.isa();
    return { kernel, reason: `loaded ${path}` };
  } catch (e) {
    return { kernel: null, reason: `${path} failed to load: ${e instanceof Error ? e.message : String(e)}` };
  }
}

let installed = false;

/** Gives core this thread's loader (loading happens on the first estimate, not here). */
export function installNativeKernel(): void {
  if (installed) return;
  installed = true;
  setNativeKernelLoader(readNativeKernel);
}
