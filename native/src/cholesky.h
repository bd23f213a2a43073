/* Blocked Cholesky for the PSD check (cholesky.c). */
#ifndef FRONTIER_CHOLESKY_H
#define FRONTIER_CHOLESKY_H
#include <stddef.h>

/*
 * In-place lower Cholesky of the symmetric row-major n x n matrix a (only its lower triangle is read; the
 * upper is zeroed), with the Gram tile of the given instruction set (NULL = best). *pivot receives the
 * first pivot that is not > 0 (the matrix is not positive definite; a is then partly factored) or -1.
 * Returns 0, -1 out of memory, -2 unsupported isa.
 */
int cholesky_run(double *a, size_t n, const char *isa, ptrdiff_t *pivot);

#endif
