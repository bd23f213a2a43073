/** The option book a request names (stored snapshot and/or a generic CSV), valued at the stored spots. */
import { FrontierError } from '../../shared/api.js';
import type { ImportFile, ImportIssue } from '../../shared/api/imports.js';
import type { OptionPosition } from '../../shared/domain/options.js';
import type { ImportedOption } from '../core/options/import-types.js';
import { parseOptionsFile } from '../core/options/import-options.js';
import { valuePosition, type ValuedPosition } from '../core/options/positions.js';
import { lastClose, latestOptionPositions } from '../store/options-repo.js';
import type { HandlerContext } from './context.js';
import { formatIssue } from './import-service.js';

export interface BookRequest {
  asOf?: string | undefined;
  rate: number;
  positionsFile?: ImportFile | undefined;
  useStore?: boolean | undefined;
  account?: string | undefined;
  spots?: Record<string, number> | undefined;
}

export interface Book {
  asOf: string;
  rate: number;
  positions: OptionPosition[];
  /** Spot and its date per underlying; null when the store has no close on or before asOf. */
  spots: Record<string, { spot: number; date: string | null } | null>;
  warnings: string[];
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Parsed files, or a user error listing every FILE:LINE problem (nothing is half-used). */
export function parseOptionFiles(files: readonly ImportFile[], opts: { account?: string | undefined; asOf?: string | undefined }) {
  const parsed = files.map((f) =>
    parseOptionsFile(Buffer.from(f.dataBase64, 'base64'), f.name, { today: today(), ...(opts.account ? { account: opts.account } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) }),
  );
  const errors: ImportIssue[] = parsed.flatMap((p) => p.errors.map((e) => ({ file: p.file, ...e })));
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new FrontierError('user-error', `${formatIssue(errors[0]!)}${more}`, { errors });
  }
  return parsed;
}

/** Loads the book of a request: stored positions (latest snapshot per account ≤ asOf) and/or a CSV. */
export function loadBook(ctx: HandlerContext, req: BookRequest): Book {
  const positions: OptionPosition[] = [];
  const warnings: string[] = [];
  const useStore = req.useStore ?? req.positionsFile === undefined;
  const stored = useStore ? latestOptionPositions(ctx.db, req.asOf, req.account) : [];
  // Without --as-of the book is valued on its latest snapshot date (a file alone: today).
  const asOf = req.asOf ?? stored.reduce<string | null>((d, p) => (d === null || p.asOf > d ? p.asOf : d), null) ?? today();
  positions.push(...stored.map(({ asOf: _d, ...p }) => p));
  if (req.positionsFile) {
    const [file] = parseOptionFiles([req.positionsFile], { account: req.account, asOf });
    positions.push(...file!.positions.map(({ asOf: _d, line: _l, ...p }: ImportedOption) => p));
  }
  if (positions.length === 0)
    throw new FrontierError('user-error', useStore ? `no option positions stored${req.asOf ? ` on or before ${req.asOf}` : ''} (import some with frontier options import, or give --positions FILE.csv)` : 'the positions file holds no option positions');
  const spots: Book['spots'] = {};
  for (const u of new Set(positions.map((p) => p.underlying))) {
    const given = req.spots?.[u];
    if (given !== undefined) {
      spots[u] = { spot: given, date: null };
      continue;
    }
    const c = lastClose(ctx.db, u, req.asOf);
    spots[u] = c ? { spot: c.close, date: c.date } : null;
    if (!c) warnings.push(`${u}: no stored close on or before ${asOf}; its positions are not priced`);
  }
  return { asOf, rate: req.rate, positions, spots, warnings };
}

/** Values every position of a book; unpriced positions carry their reason. */
export function valueBook(book: Book): ValuedPosition[] {
  return book.positions.map((p) => valuePosition(p, book.spots[p.underlying]?.spot ?? null, book.asOf, book.rate));
}
