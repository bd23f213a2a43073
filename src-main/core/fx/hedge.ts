/** Currency-hedged returns, to first order (the forward's carry is the short-rate differential). */

/**
 * Base-currency return over one period (fractions): unhedged `(1+rLocal)(1+rFx) − 1`; a hedge ratio h
 * replaces that fraction of it by `rLocal + carry`, where `carry` = (i_base − i_foreign) × the period in
 * years (the forward points of a rolled forward). The approximation drops the cross term of the hedged
 * part (rLocal·rFx) and the mismatch between the hedged amount and the position's changing value.
 */
export function hedgedReturn(rLocal: number, rFx: number, h: number, carry: number): number {
  const unhedged = (1 + rLocal) * (1 + rFx) - 1;
  return h === 0 ? unhedged : (1 - h) * unhedged + h * (rLocal + carry);
}
