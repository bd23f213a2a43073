/*
 * Gram kernel: out = scale * Y^T Y, Y = the selected (optionally centred, row-scaled) columns of a T x n
 * matrix. The columns are packed into panels of PW doubles per row (64-byte aligned) so the micro-tiles
 * below read contiguous memory; only tiles on or above the diagonal are computed and the result is
 * mirrored. Rows are processed in blocks of KC so a tile's panels stay in L1/L2 between passes.
 * One binary serves every x86-64 CPU: the tile function is chosen at run time with
 * __builtin_cpu_supports (AVX-512F, else AVX2+FMA, else baseline SSE2 / the target's generic vectors).
 */
#include "gram.h"

#include <stdlib.h>
#include <string.h>

#define PW GRAM_PW /* columns per packed panel */
#define PANEL_PAD 6 /* panel count padded to a multiple of every tile width (1, 2, 3 panels) */
#ifndef KC
#define KC 256 /* rows per cache block */
#endif


/*
 * A tile accumulates MR rows of panel A (broadcast scalars) against JP panels of B (vectors of VW
 * doubles) over kc packed rows, then adds its MR x (JP*PW) block into c. MR and JP are chosen so the
 * accumulators fit the register file with room for the loads (AVX-512: 8 x 3 zmm = 24 of 32 registers;
 * AVX2: 4 x 2 ymm = 8 of 16; SSE2: 2 x 4 xmm = 8 of 16). Wider AVX2/SSE2 tiles spilled and measured slower.
 */
#define DEFINE_TILE(NAME, ATTR, VW, MR, JP)                                                          \
  typedef double NAME##_v __attribute__((vector_size((VW) * 8)));                                   \
  ATTR static void NAME(const double *restrict a, const double *restrict b, size_t ps, size_t kc,    \
                        double *restrict c, size_t ldc) {                                           \
    enum { PV = PW / (VW), NV = (JP) * PW / (VW) };                                                  \
    NAME##_v acc[MR][NV];                                                                            \
    _Pragma("GCC unroll 32") for (int r = 0; r < (MR); r++)                                          \
        _Pragma("GCC unroll 32") for (int v = 0; v < NV; v++) acc[r][v] = (NAME##_v){0};             \
    for (size_t t = 0; t < kc; t++) {                                                                \
      NAME##_v bv[NV];                                                                               \
      _Pragma("GCC unroll 32") for (int v = 0; v < NV; v++) bv[v] =                                  \
          *(const NAME##_v *)(b + (size_t)(v / PV) * ps + t * PW + (size_t)(v % PV) * (VW));         \
      _Pragma("GCC unroll 32") for (int r = 0; r < (MR); r++) {                                      \
        const double s = a[t * PW + (size_t)r];                                                      \
        _Pragma("GCC unroll 32") for (int v = 0; v < NV; v++) acc[r][v] += s * bv[v];                \
      }                                                                                              \
    }                                                                                                \
    for (int r = 0; r < (MR); r++)                                                                   \
      for (int v = 0; v < NV; v++)                                                                   \
        for (int e = 0; e < (VW); e++)                                                               \
          c[(size_t)r * ldc + (size_t)(v / PV) * PW + (size_t)(v % PV) * (VW) + (size_t)e] += acc[r][v][e]; \
  }

/* Tile shapes (rows x panels), shared by the tile definitions and the dispatch table. */
enum { AVX512_MR = 8, AVX512_JP = 3, AVX2_MR = 4, AVX2_JP = 1, GENERIC_MR = 2, GENERIC_JP = 1 };

#if defined(__x86_64__) || defined(__i386__)
#define X86 1
DEFINE_TILE(tile_avx512, __attribute__((target("avx512f"))), 8, AVX512_MR, AVX512_JP)
DEFINE_TILE(tile_avx2, __attribute__((target("avx2,fma"))), 4, AVX2_MR, AVX2_JP)
#endif
DEFINE_TILE(tile_generic, , 2, GENERIC_MR, GENERIC_JP)

typedef gram_variant variant;

static const variant variants[] = {
#ifdef X86
    {"avx512f", tile_avx512, AVX512_MR, AVX512_JP},
    {"avx2+fma", tile_avx2, AVX2_MR, AVX2_JP},
#endif
    {"generic", tile_generic, GENERIC_MR, GENERIC_JP},
};
#define NVARIANTS (sizeof variants / sizeof variants[0])

static int supported(const variant *v) {
#ifdef X86
  __builtin_cpu_init();
  if (strcmp(v->name, "avx512f") == 0) return __builtin_cpu_supports("avx512f");
  if (strcmp(v->name, "avx2+fma") == 0) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
  (void)v;
  return 1;
}

size_t gram_isas(const char **names, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < NVARIANTS && k < cap; i++)
    if (supported(&variants[i])) names[k++] = variants[i].name;
  return k;
}

const char *gram_isa(void) {
  for (size_t i = 0; i < NVARIANTS; i++)
    if (supported(&variants[i])) return variants[i].name;
  return "generic";
}

static const variant *find(const char *isa) {
  for (size_t i = 0; i < NVARIANTS; i++)
    if (strcmp(variants[i].name, isa) == 0 && supported(&variants[i])) return &variants[i];
  return NULL;
}

const gram_variant *gram_variant_for(const char *isa) { return find(isa ? isa : gram_isa()); }

int gram_run(const gram_job *job, const char *isa) {
  const variant *var = gram_variant_for(isa);
  if (!var) return -2;
  const size_t T = job->rows, m = job->m;
  if (m == 0) return 0;
  const size_t np = (m + PW - 1) / PW;
  const size_t npp = (np + PANEL_PAD - 1) / PANEL_PAD * PANEL_PAD;
  const size_t mp = npp * PW;
  const size_t ps = (T > 0 ? T : 1) * PW; /* doubles per panel */
  double *P = aligned_alloc(64, npp * ps * sizeof(double));
  double *C = calloc(mp * mp, sizeof(double));
  double *mean = calloc(m, sizeof(double));
  if (!P || !C || !mean) {
    free(P);
    free(C);
    free(mean);
    return -1;
  }
  memset(P, 0, npp * ps * sizeof(double));
  const double *x = job->x;
  const ptrdiff_t rs = job->row_stride, cs = job->col_stride;
  if (job->centre && T > 0) {
    /* Same summation order as the JS kernel (t ascending), so the means agree exactly. */
    for (size_t a = 0; a < m; a++) {
      const double *col = x + (ptrdiff_t)job->cols[a] * cs;
      double s = 0;
      for (size_t t = 0; t < T; t++) s += col[(ptrdiff_t)t * rs];
      mean[a] = s / (double)T;
    }
  }
  /* Pack: walk the input in its contiguous direction. */
  if (rs > cs) {
    for (size_t t = 0; t < T; t++) {
      const double *row = x + (ptrdiff_t)t * rs;
      const double w = job->row_scale ? job->row_scale[t] : 1.0;
      for (size_t a = 0; a < m; a++) P[(a / PW) * ps + t * PW + a % PW] = (row[(ptrdiff_t)job->cols[a] * cs] - mean[a]) * w;
    }
  } else {
    for (size_t a = 0; a < m; a++) {
      const double *col = x + (ptrdiff_t)job->cols[a] * cs;
      double *dst = P + (a / PW) * ps + a % PW;
      for (size_t t = 0; t < T; t++) dst[t * PW] = (col[(ptrdiff_t)t * rs] - mean[a]) * (job->row_scale ? job->row_scale[t] : 1.0);
    }
  }
  const size_t jp = (size_t)var->jp, mr = (size_t)var->mr;
  for (size_t t0 = 0; t0 < T; t0 += KC) {
    const size_t kc = T - t0 < KC ? T - t0 : KC;
    for (size_t pj = 0; pj < np; pj += jp) {
      const double *b = P + pj * ps + t0 * PW;
      /* Tiles whose columns reach the diagonal or beyond: panel rows pi < pj + jp. */
      for (size_t pi = 0; pi < np && pi < pj + jp; pi++) {
        const double *a = P + pi * ps + t0 * PW;
        for (size_t r0 = 0; r0 < PW; r0 += mr) {
          if (pi * PW + r0 >= m) break;
          var->fn(a + r0, b, ps, kc, C + (pi * PW + r0) * mp + pj * PW, mp);
        }
      }
    }
  }
  double *out = job->out;
  const size_t ldo = job->ldo;
  for (size_t a = 0; a < m; a++) {
    const size_t i = (size_t)job->cols[a];
    for (size_t b = a; b < m; b++) {
      const size_t j = (size_t)job->cols[b];
      const double v = C[a * mp + b] * job->scale;
      out[i * ldo + j] = v;
      out[j * ldo + i] = v;
    }
  }
  free(P);
  free(C);
  free(mean);
  return 0;
}
