/*
 * Blocked lower Cholesky of a symmetric row-major n x n matrix, in place (upper triangle zeroed), the PSD
 * test run before every estimate. Right-looking in blocks of NB columns:
 *   1. factor the NB x NB diagonal block (unblocked; small),
 *   2. solve the panel below it row by row (contiguous axpys against the block's transpose),
 *   3. subtract the panel's outer product from the trailing matrix: the O(n^3) part, done by the Gram
 *      kernel's packed micro-tile (gram.h), so it runs with the same AVX-512 / AVX2+FMA / generic choice.
 * The work matrix has padded rows and columns because tiles write whole MR x JP*PW blocks: edge tiles
 * spill into the padding instead of the next row.
 */
#include "cholesky.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gram.h"

#ifndef NB
#define NB 96 /* columns per block: the panel (m x NB) is packed once and streamed through L2 */
#endif
#define PAD 64 /* >= the widest tile (AVX-512: 3 panels x 8 = 24 columns, 8 rows) plus panel rounding */

/* Steps 1 and 2 for block [k0, k0 + kb): returns the failing pivot (global index) or -1. */
static ptrdiff_t factor_block(double *w, size_t lda, size_t n, size_t k0, size_t kb, double *lt) {
  for (size_t j = k0; j < k0 + kb; j++) {
    double *rj = w + j * lda;
    const double d = rj[j];
    if (!(d > 0)) return (ptrdiff_t)j;
    const double ljj = sqrt(d);
    rj[j] = ljj;
    for (size_t i = j + 1; i < k0 + kb; i++) {
      double *ri = w + i * lda;
      const double x = ri[j] / ljj;
      ri[j] = x;
      for (size_t q = j + 1; q <= i; q++) ri[q] -= x * w[q * lda + j];
    }
  }
  /* lt[j][q] = L[k0 + q][k0 + j]: the block transposed, so each panel row's solve reads it contiguously. */
  for (size_t j = 0; j < kb; j++)
    for (size_t q = 0; q < kb; q++) lt[j * kb + q] = q >= j ? w[(k0 + q) * lda + k0 + j] : 0.0;
  for (size_t i = k0 + kb; i < n; i++) {
    double *row = w + i * lda + k0;
    for (size_t j = 0; j < kb; j++) {
      const double x = row[j] / lt[j * kb + j];
      row[j] = x;
      const double *l = lt + j * kb;
      for (size_t q = j + 1; q < kb; q++) row[q] -= x * l[q];
    }
  }
  return -1;
}

int cholesky_run(double *a, size_t n, const char *isa, ptrdiff_t *pivot) {
  const gram_variant *var = gram_variant_for(isa);
  if (!var) return -2;
  *pivot = -1;
  if (n == 0) return 0;
  const size_t lda = n + PAD;
  const size_t np_max = (n + GRAM_PW - 1) / GRAM_PW + (size_t)var->jp;
  double *w = calloc((n + PAD) * lda, sizeof(double));
  double *lt = malloc(NB * NB * sizeof(double));
  /* Two packings of the panel: negated for the broadcast side, so the tile's += subtracts. */
  double *pa = aligned_alloc(64, np_max * NB * GRAM_PW * sizeof(double));
  double *pb = aligned_alloc(64, np_max * NB * GRAM_PW * sizeof(double));
  if (!w || !lt || !pa || !pb) {
    free(w);
    free(lt);
    free(pa);
    free(pb);
    return -1;
  }
  for (size_t i = 0; i < n; i++) memcpy(w + i * lda, a + i * n, (i + 1) * sizeof(double));
  const size_t mr = (size_t)var->mr, jp = (size_t)var->jp;
  for (size_t k0 = 0; k0 < n; k0 += NB) {
    const size_t kb = n - k0 < NB ? n - k0 : NB;
    const ptrdiff_t bad = factor_block(w, lda, n, k0, kb, lt);
    if (bad >= 0) {
      *pivot = bad;
      break;
    }
    const size_t k1 = k0 + kb, m = n - k1;
    if (m == 0) break;
    const size_t np = (m + GRAM_PW - 1) / GRAM_PW;
    const size_t ps = kb * GRAM_PW;
    memset(pa, 0, (np + jp) * ps * sizeof(double));
    memset(pb, 0, (np + jp) * ps * sizeof(double));
    for (size_t r = 0; r < m; r++) {
      const double *src = w + (k1 + r) * lda + k0;
      const size_t base = (r / GRAM_PW) * ps + r % GRAM_PW;
      for (size_t t = 0; t < kb; t++) {
        pb[base + t * GRAM_PW] = src[t];
        pa[base + t * GRAM_PW] = -src[t];
      }
    }
    /* Lower triangle of the trailing matrix: tiles of rows r0.. against column panels pj.., r0 >= pj's start. */
    for (size_t pj = 0; pj < np; pj += jp) {
      const double *b = pb + pj * ps;
      for (size_t r0 = pj * GRAM_PW / mr * mr; r0 < m; r0 += mr) {
        const double *arow = pa + (r0 / GRAM_PW) * ps + r0 % GRAM_PW;
        var->fn(arow, b, ps, kb, w + (k1 + r0) * lda + k1 + pj * GRAM_PW, lda);
      }
    }
  }
  for (size_t i = 0; i < n; i++) {
    memcpy(a + i * n, w + i * lda, (i + 1) * sizeof(double));
    memset(a + i * n + i + 1, 0, (n - i - 1) * sizeof(double));
  }
  free(w);
  free(lt);
  free(pa);
  free(pb);
  return 0;
}
