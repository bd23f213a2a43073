/**
 * Warnings said on many rebalances, grouped: one line per distinct text ("174 rebalances, 2004-01-02 …
 * 2018-06-01: …"), with every date kept for a disclosure. Texts that differ only in a figure (a solver's
 * "highest −0.1166") are one group; the full text of each date is kept next to it.
 */
import type { WarningGroup } from '../../../shared/api/backtest.js';

/** Decimal figures (not dates or counts): what varies between otherwise equal messages. */
const FIGURE = /-?\d+\.\d+(?:e[+-]?\d+)?/gi;

/** One summary line of a group: the date when it happened once, else the count and the first and last dates. */
export function warningLine(message: string, dates: readonly string[]): string {
  if (dates.length === 0) return message;
  if (dates.length === 1) return `${dates[0]}: ${message}`;
  return `${dates.length} rebalances (${dates[0]} … ${dates.at(-1)}): ${message}`;
}

/** Collects dated warnings into groups, in the order first said. */
export function warningCollector(): { say: (date: string, text: string) => void; groups: () => (WarningGroup & { line: string })[] } {
  const byKey = new Map<string, { dates: string[]; texts: string[] }>();
  return {
    say(date, text) {
      const key = text.replace(FIGURE, '…');
      const g = byKey.get(key) ?? { dates: [], texts: [] };
      byKey.set(key, g);
      if (g.dates.at(-1) === date) return;
      g.dates.push(date);
      g.texts.push(text);
    },
    groups: () =>
      [...byKey].map(([key, g]) => {
        const single = g.texts.every((t) => t === g.texts[0]);
        const message = single ? g.texts[0]! : key;
        return { message, dates: g.dates, ...(single ? {} : { details: g.texts }), line: warningLine(message, g.dates) };
      }),
  };
}
