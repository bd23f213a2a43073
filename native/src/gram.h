/* Cross-product (Gram) kernel: out = scale * Y^T Y for the selected columns of a T x n matrix. */
#ifndef FRONTIER_GRAM_H
#define FRONTIER_GRAM_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  const double *x;        /* input values */
  size_t rows;            /* T (observations) */
  ptrdiff_t row_stride;   /* distance between x[t, c] and x[t + 1, c] */
  ptrdiff_t col_stride;   /* distance between x[t, c] and x[t, c + 1] */
  const int32_t *cols;    /* the m columns to use */
  size_t m;
  int centre;             /* subtract each column's mean first */
  const double *row_scale;/* optional per-row factor applied to every value of the row (NULL = 1) */
  double scale;           /* multiplies the result */
  double *out;            /* receives out[cols[a] * ldo + cols[b]] for all a, b */
  size_t ldo;
} gram_job;

/* Name of the instruction set the dispatcher picked ("avx512f", "avx2+fma", "generic"). */
const char *gram_isa(void);

/* Fills names with the instruction sets this CPU supports, best first; returns how many. */
size_t gram_isas(const char **names, size_t cap);

/* Runs the job with the given instruction set (NULL = best); 0, -1 out of memory, -2 unsupported isa. */
int gram_run(const gram_job *job, const char *isa);

/*
 * The packed micro-tile shared with the Cholesky update (cholesky.c): adds, for the mr rows starting at
 * a[0] and the jp panels starting at b, c[r * ldc + q] += sum_t a[t * GRAM_PW + r] * b[(q / GRAM_PW) * ps +
 * t * GRAM_PW + q % GRAM_PW], q < jp * GRAM_PW, t < kc.
 */
#define GRAM_PW 8
typedef void (*gram_tile_fn)(const double *a, const double *b, size_t panel_stride, size_t kc, double *c, size_t ldc);
typedef struct {
  const char *name;
  gram_tile_fn fn;
  int mr, jp;
} gram_variant;

/* The tile for an instruction set (NULL = best), or NULL when this CPU lacks it. */
const gram_variant *gram_variant_for(const char *isa);

#endif
