/**
 * Hierarchical risk parity (López de Prado 2016) as PyPortfolioOpt's HRPOpt: single linkage on the
 * correlation distance d_ij = sqrt((1 − ρ_ij)/2), leaf order of the dendrogram (scipy's pre-order,
 * smaller cluster id on the left), then recursive bisection of that order with inverse-variance
 * cluster variances.
 */
import { fail, ok, type CoreResult } from '../result.js';

export interface HrpResult {
  /** Long-only weights summing to 1 (fractions). */
  weights: Float64Array;
  /** Asset indices in quasi-diagonal (dendrogram leaf) order. */
  order: number[];
  /** Linkage rows [a, b, distance, size] with scipy's cluster numbering (leaves 0..n−1, merges n..). */
  linkage: [number, number, number, number][];
  /** Every bisection step, top down: the two halves (asset indices), their cluster variances and α. */
  splits: { left: number[]; right: number[]; leftVariance: number; rightVariance: number; alpha: number }[];
}

/**
 * Correlation distance sqrt((1−ρ)/2), clipped to [0, 1]. ρ is `corr` when given (PyPortfolioOpt's
 * HRPOpt(returns) uses the pairwise-complete correlation of the returns), else derived from `cov`.
 */
export function correlationDistance(cov: Float64Array, n: number, corr?: Float64Array): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const rho = corr ? corr[i * n + j]! : cov[i * n + j]! / Math.sqrt(cov[i * n + i]! * cov[j * n + j]!);
      d[i * n + j] = i === j ? 0 : Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2)));
    }
  }
  return d;
}

/** Single-linkage merges in scipy's format, via a minimum spanning tree (Prim, O(n²)). */
export function singleLinkage(dist: Float64Array, n: number): [number, number, number, number][] {
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  const edges: { a: number; b: number; d: number }[] = [];
  let cur = 0;
  inTree[0] = 1;
  for (let step = 1; step < n; step++) {
    let next = -1;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      const dj = dist[cur * n + j]!;
      if (dj < best[j]!) {
        best[j] = dj;
        from[j] = cur;
      }
      if (next < 0 || best[j]! < best[next]!) next = j;
    }
    inTree[next] = 1;
    edges.push({ a: from[next]!, b: next, d: best[next]! });
    cur = next;
  }
  // stable sort keeps MST order among equal distances, as scipy's mst_single_linkage does
  edges.sort((x, y) => x.d - y.d);
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = new Int32Array(2 * n - 1).fill(1);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const p = parent[i]!;
      parent[i] = r;
      i = p;
    }
    return r;
  };
  const out: [number, number, number, number][] = [];
  edges.forEach((e, k) => {
    const ra = find(e.a);
    const rb = find(e.b);
    const id = n + k;
    const lo = Math.min(ra, rb);
    const hi = Math.max(ra, rb);
    parent[ra] = id;
    parent[rb] = id;
    size[id] = size[ra]! + size[rb]!;
    out.push([lo, hi, e.d, size[id]!]);
  });
  return out;
}

/** Leaves of the dendrogram left to right (scipy `to_tree(...).pre_order()`). */
export function leafOrder(linkage: [number, number, number, number][], n: number): number[] {
  if (n === 1) return [0];
  const order: number[] = [];
  const stack = [n + linkage.length - 1];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < n) order.push(node);
    else {
      const [a, b] = linkage[node - n]!;
      stack.push(b, a); // left (a) is visited first
    }
  }
  return order;
}

/** Variance of the inverse-variance portfolio of `items` (HRP's cluster variance, in cov's units). */
export function clusterVariance(cov: Float64Array, n: number, items: number[]): number {
  // inverse-variance weights inside the cluster, then w'Σw
  const ivp = items.map((i) => 1 / cov[i * n + i]!);
  const s = ivp.reduce((a, v) => a + v, 0);
  let v = 0;
  for (let a = 0; a < items.length; a++) {
    for (let b = 0; b < items.length; b++) v += (ivp[a]! / s) * (ivp[b]! / s) * cov[items[a]! * n + items[b]!]!;
  }
  return v;
}

/**
 * HRP weights for an n×n covariance (annualised or daily: the weights do not depend on the scale);
 * `corr` (n×n), when given, drives the clustering instead of the correlation implied by `cov`.
 */
export function hrp(cov: Float64Array, n: number, corr?: Float64Array): CoreResult<HrpResult> {
  if (cov.length !== n * n) return fail('invalid-input', `covariance must be ${n}×${n}`);
  if (n === 0) return fail('invalid-input', 'HRP needs at least one asset');
  const bad: number[] = [];
  for (let i = 0; i < n; i++) if (!(cov[i * n + i]! > 0)) bad.push(i);
  if (bad.length > 0) return fail('singular-covariance', 'HRP needs a positive variance for every asset', { assets: bad });
  if (corr && corr.some((x) => x !== x)) return fail('insufficient-data', 'HRP: a pair of assets has fewer than 2 overlapping returns (correlation undefined)');
  const linkage = singleLinkage(correlationDistance(cov, n, corr), n);
  const splits: HrpResult['splits'] = [];
  const order = leafOrder(linkage, n);
  const w = new Float64Array(n).fill(1);
  let clusters: number[][] = [order];
  while (clusters.length > 0) {
    const next: number[][] = [];
    for (const c of clusters) {
      if (c.length <= 1) continue;
      const h = Math.floor(c.length / 2);
      next.push(c.slice(0, h), c.slice(h));
    }
    for (let k = 0; k < next.length; k += 2) {
      const left = next[k]!;
      const right = next[k + 1]!;
      const vl = clusterVariance(cov, n, left);
      const vr = clusterVariance(cov, n, right);
      const alpha = 1 - vl / (vl + vr);
      splits.push({ left, right, leftVariance: vl, rightVariance: vr, alpha });
      for (const i of left) w[i] = w[i]! * alpha;
      for (const i of right) w[i] = w[i]! * (1 - alpha);
    }
    clusters = next;
  }
  return ok({ weights: w, order, linkage, splits });
}
