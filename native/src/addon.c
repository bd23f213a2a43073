/*
 * N-API binding for the Gram kernel. Plain node_api.h (ABI-stable, so one build loads in Node and
 * Electron) and NAPI_MODULE_INIT (context-aware, so worker threads can load it too).
 *
 *   gram(x, rows, rowStride, colStride, cols, centre, rowScale, scale, out, ldo, isa?) -> isa used
 *   cholesky(a, n, isa?) -> failing pivot or -1 (a: row-major n x n, factored in place to lower L)
 *   isa() -> best instruction set;  isas() -> every supported one, best first
 */
#define NAPI_VERSION 8
#include <node_api.h>

#include <stdio.h>

#include "cholesky.h"
#include "gram.h"

#define CHECK(env, call)                                                   \
  do {                                                                     \
    if ((call) != napi_ok) {                                               \
      napi_throw_error((env), "FRONTIER_NATIVE", "N-API call failed: " #call); \
      return NULL;                                                         \
    }                                                                      \
  } while (0)

static napi_value fail(napi_env env, const char *msg) {
  napi_throw_range_error(env, "FRONTIER_NATIVE", msg);
  return NULL;
}

/* Typed array of the expected element type, or NULL (after throwing). */
static void *typed(napi_env env, napi_value v, napi_typedarray_type want, size_t *len, const char *what) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) {
    char msg[96];
    snprintf(msg, sizeof msg, "gram: %s must be a typed array", what);
    napi_throw_type_error(env, "FRONTIER_NATIVE", msg);
    return NULL;
  }
  napi_typedarray_type type;
  void *data = NULL;
  if (napi_get_typedarray_info(env, v, &type, len, &data, NULL, NULL) != napi_ok || type != want) {
    char msg[96];
    snprintf(msg, sizeof msg, "gram: %s has the wrong element type", what);
    napi_throw_type_error(env, "FRONTIER_NATIVE", msg);
    return NULL;
  }
  return data ? data : (void *)"";
}

static int number(napi_env env, napi_value v, double *out) { return napi_get_value_double(env, v, out) == napi_ok; }

static napi_value gram(napi_env env, napi_callback_info info) {
  size_t argc = 11;
  napi_value argv[11];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 10) return fail(env, "gram: expected 10 or 11 arguments");
  size_t xlen, clen, olen, slen = 0;
  const double *x = typed(env, argv[0], napi_float64_array, &xlen, "x");
  if (!x) return NULL;
  double rows, rs, cs, scale, ldo;
  if (!number(env, argv[1], &rows) || !number(env, argv[2], &rs) || !number(env, argv[3], &cs) ||
      !number(env, argv[7], &scale) || !number(env, argv[9], &ldo))
    return fail(env, "gram: rows, strides, scale and ldo must be numbers");
  if (rows < 0 || rs < 1 || cs < 1 || ldo < 0 || rows != (double)(size_t)rows || rs != (double)(size_t)rs ||
      cs != (double)(size_t)cs || ldo != (double)(size_t)ldo)
    return fail(env, "gram: rows and ldo must be non-negative integers, strides positive integers");
  const int32_t *cols = typed(env, argv[4], napi_int32_array, &clen, "cols");
  if (!cols) return NULL;
  bool centre = false;
  CHECK(env, napi_get_value_bool(env, argv[5], &centre));
  napi_valuetype t;
  CHECK(env, napi_typeof(env, argv[6], &t));
  const double *row_scale = NULL;
  if (t != napi_null && t != napi_undefined) {
    row_scale = typed(env, argv[6], napi_float64_array, &slen, "rowScale");
    if (!row_scale) return NULL;
    if (slen < (size_t)rows) return fail(env, "gram: rowScale is shorter than rows");
  }
  double *out = typed(env, argv[8], napi_float64_array, &olen, "out");
  if (!out) return NULL;
  int32_t maxc = -1;
  for (size_t a = 0; a < clen; a++) {
    if (cols[a] < 0) return fail(env, "gram: negative column index");
    if (cols[a] > maxc) maxc = cols[a];
  }
  if (clen > 0 && rows > 0 && (rows - 1) * rs + (double)maxc * cs >= (double)xlen)
    return fail(env, "gram: a column index or stride reaches past the end of x");
  if (clen > 0 && (double)maxc * ldo + maxc >= (double)olen) return fail(env, "gram: out is too small");
  char isa[32] = {0};
  const char *want = NULL;
  if (argc > 10) {
    CHECK(env, napi_typeof(env, argv[10], &t));
    if (t == napi_string) {
      size_t n;
      CHECK(env, napi_get_value_string_utf8(env, argv[10], isa, sizeof isa, &n));
      want = isa;
    }
  }
  gram_job job = {x, (size_t)rows, (ptrdiff_t)rs, (ptrdiff_t)cs, cols, clen, centre, row_scale, scale, out, (size_t)ldo};
  const int rc = gram_run(&job, want);
  if (rc == -1) {
    napi_throw_error(env, "FRONTIER_NATIVE", "gram: out of memory");
    return NULL;
  }
  if (rc == -2) return fail(env, "gram: instruction set not supported on this CPU");
  napi_value used;
  CHECK(env, napi_create_string_utf8(env, want ? want : gram_isa(), NAPI_AUTO_LENGTH, &used));
  return used;
}

/* Optional instruction-set argument: copied into buf, NULL when absent or not a string. */
static int isa_arg(napi_env env, size_t argc, napi_value *argv, size_t k, char *buf, size_t cap, const char **want) {
  *want = NULL;
  if (argc <= k) return 1;
  napi_valuetype t;
  if (napi_typeof(env, argv[k], &t) != napi_ok) return 0;
  if (t != napi_string) return 1;
  size_t len;
  if (napi_get_value_string_utf8(env, argv[k], buf, cap, &len) != napi_ok) return 0;
  *want = buf;
  return 1;
}

static napi_value cholesky(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2) return fail(env, "cholesky: expected 2 or 3 arguments");
  size_t alen;
  double *a = typed(env, argv[0], napi_float64_array, &alen, "a");
  if (!a) return NULL;
  double n;
  if (!number(env, argv[1], &n) || n < 0 || n != (double)(size_t)n) return fail(env, "cholesky: n must be a non-negative integer");
  if (n * n > (double)alen) return fail(env, "cholesky: a is shorter than n * n");
  char buf[32] = {0};
  const char *want;
  if (!isa_arg(env, argc, argv, 2, buf, sizeof buf, &want)) return fail(env, "cholesky: isa must be a string");
  ptrdiff_t pivot = -1;
  const int rc = cholesky_run(a, (size_t)n, want, &pivot);
  if (rc == -1) {
    napi_throw_error(env, "FRONTIER_NATIVE", "cholesky: out of memory");
    return NULL;
  }
  if (rc == -2) return fail(env, "cholesky: instruction set not supported on this CPU");
  napi_value v;
  CHECK(env, napi_create_double(env, (double)pivot, &v));
  return v;
}

static napi_value isa(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  CHECK(env, napi_create_string_utf8(env, gram_isa(), NAPI_AUTO_LENGTH, &v));
  return v;
}

static napi_value isas(napi_env env, napi_callback_info info) {
  (void)info;
  const char *names[8];
  const size_t k = gram_isas(names, 8);
  napi_value arr;
  CHECK(env, napi_create_array_with_length(env, k, &arr));
  for (size_t i = 0; i < k; i++) {
    napi_value s;
    CHECK(env, napi_create_string_utf8(env, names[i], NAPI_AUTO_LENGTH, &s));
    CHECK(env, napi_set_element(env, arr, (uint32_t)i, s));
  }
  return arr;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  const napi_property_descriptor props[] = {
      {"gram", NULL, gram, NULL, NULL, NULL, napi_enumerable, NULL},
      {"cholesky", NULL, cholesky, NULL, NULL, NULL, napi_enumerable, NULL},
      {"isa", NULL, isa, NULL, NULL, NULL, napi_enumerable, NULL},
      {"isas", NULL, isas, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}
