/** Instruments and price histories from the store. */
import { FrontierError } from '../../shared/api.js';
import { getPrices, listInstruments, unknownTickers } from '../store/prices-repo.js';
import type { Handlers } from './context.js';

export const marketDataHandlers = {
  'instruments-list': (_req, ctx) => listInstruments(ctx.db),
  'prices-get': (req, ctx) => {
    if (unknownTickers(ctx.db, [req.ticker]).length > 0) throw new FrontierError('not-found', `unknown ticker ${req.ticker}`);
    return getPrices(ctx.db, req.ticker, req.start, req.end);
  },
} satisfies Handlers<'instruments-list' | 'prices-get'>;
