/**
 * Cholesky factorisation for the PSD check before every estimate: the native blocked kernel when this
 * thread uses the native Gram kernel (same loading and `useGramKernel` switch, gram.ts), else the one JS
 * fallback, linalg's choleskyInPlace. At n = 1000 the JS loop costs several times the covariance itself.
 */
import { activeNativeKernel } from './gram.js';
import { choleskyInPlace } from './linalg.js';

/** In-place lower Cholesky of row-major n×n `a` (unitless; upper triangle zeroed); the first pivot that is not > 0, or -1. */
export function choleskyFactor(a: Float64Array, n: number): number {
  const native = activeNativeKernel();
  return native ? native.cholesky(a, n) : choleskyInPlace(a, n);
}
