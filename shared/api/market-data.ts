/** API methods over instruments and stored price histories. */
import { z } from 'zod';

export interface InstrumentSummary {
  ticker: string;
  name: string | null;
  currency: string | null;
  firstDate: string | null;
  lastDate: string | null;
  priceRows: number;
}

export interface PriceRow {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjClose: number | null;
  volume: number | null;
  currency: string | null;
}

export const marketDataRequests = {
  'instruments-list': z.object({}),
  'prices-get': z.object({
    ticker: z.string().min(1),
    start: z.iso.date().optional(),
    end: z.iso.date().optional(),
  }),
};

export interface MarketDataResponses {
  'instruments-list': InstrumentSummary[];
  'prices-get': PriceRow[];
}
