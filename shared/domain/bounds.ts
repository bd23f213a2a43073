/** Ranges for numbers and tags that reach solvers and Intl, so extreme input is refused by the schema, not by HiGHS or Intl. */

/** Largest amount of money accepted (a portfolio value, cash): 10^15 in any currency is beyond any portfolio. */
export const MAX_MONEY = 1e15;
/** Largest share count accepted for one holding. */
export const MAX_SHARES = 1e12;
/** Largest absolute portfolio weight (a fraction; 100 = 10,000 %, far beyond any leverage). */
export const MAX_ABS_WEIGHT = 100;

/** True when Intl accepts `tag` as a BCP 47 locale (e.g. "en-US", "de-CH"); false for junk such as "xx-INVALID-\u0000". */
export function isLocaleTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
