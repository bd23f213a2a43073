/**
 * The optional native Gram kernel (C, N-API; see native/src/addon.c) as core sees it: an interface and
 * an injected loader. Core does no I/O, so finding and loading the binary is the host's job
 * (src-main/native-kernel-loader.ts, installed by each thread's entry point); with no loader installed,
 * or when it finds nothing, the estimators use the JS kernel. The result is cached per thread.
 */

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

export interface KernelLoad {
  kernel: NativeGram | null;
  /** Why it is (not) loaded, for diagnostics: "loaded PATH", "disabled by …", "… not built". */
  reason: string;
}

let loader: (() => KernelLoad) | undefined;
let cached: KernelLoad | undefined;

/** Installs the host's loader (called once per thread before any estimate); resets the cached result. */
export function setNativeKernelLoader(load: (() => KernelLoad) | undefined): void {
  loader = load;
  cached = undefined;
}

/** The loaded native kernel, or null with the reason (no loader installed, disabled, not built, failed to load). */
export function loadNativeKernel(): KernelLoad {
  cached ??= loader ? loader() : { kernel: null, reason: 'no native kernel loader installed in this thread' };
  return cached;
}
