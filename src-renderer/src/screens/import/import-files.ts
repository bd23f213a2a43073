/** Browser-side helpers of the Import screen: File → base64 for the API, and the wizard's mapping shape. */
import type { ColumnMappingInput, StoredTransaction } from '../../../../shared/api/imports.js';

export interface PickedFile {
  name: string;
  dataBase64: string;
  size: number;
}

/** Base64 of bytes, in chunks (String.fromCharCode over a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function readPicked(files: Iterable<File>): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const f of files) out.push({ name: f.name, dataBase64: toBase64(new Uint8Array(await f.arrayBuffer())), size: f.size });
  return out;
}

/** The wizard's editable state; empty strings mean "not mapped". */
export interface WizardState {
  kind: 'prices' | 'transactions' | 'positions';
  date: string;
  ticker: string;
  close: string;
  adjClose: string;
  open: string;
  high: string;
  low: string;
  volume: string;
  type: string;
  quantity: string;
  price: string;
  fee: string;
  amount: string;
  currency: string;
  value: string;
  dateOrder: '' | 'dmy' | 'mdy';
  decimal: '' | 'dot' | 'comma';
  signs: 'by-type' | 'as-is';
  /** Lines "action text = type". */
  actions: string;
}

export function emptyWizard(header: readonly string[]): WizardState {
  const find = (...names: string[]): string => header.find((h) => names.some((n) => h.toLowerCase().includes(n))) ?? '';
  return {
    kind: find('action', 'type', 'quantity') ? 'transactions' : 'prices',
    date: find('date', 'datum', 'time', 'day') || (header[0] ?? ''),
    ticker: find('ticker', 'symbol', 'instrument'),
    close: find('close', 'last', 'price', 'kurs'),
    adjClose: find('adj'),
    open: find('open'),
    high: find('high'),
    low: find('low'),
    volume: find('vol', 'turnover'),
    type: find('action', 'type', 'activity'),
    quantity: find('quantity', 'qty', 'shares', 'units'),
    price: find('price'),
    fee: find('fee', 'commission'),
    amount: find('amount', 'total', 'net'),
    currency: find('currency', 'ccy'),
    value: find('value'),
    dateOrder: '',
    decimal: '',
    signs: 'by-type',
    actions: '',
  };
}

type TypeName = StoredTransaction['type'];
// Listed here (not imported from shared/api) so the zod schemas stay out of the renderer bundle.
export const TYPE_NAMES = ['buy', 'sell', 'dividend', 'interest', 'tax', 'fee', 'deposit', 'withdrawal', 'split', 'fx'] as const satisfies readonly TypeName[];
const isType = (s: string): s is TypeName => (TYPE_NAMES as readonly string[]).includes(s);

/** The API mapping for the wizard's state (unmapped fields left out). */
export function toMapping(w: WizardState): ColumnMappingInput {
  const opt = <K extends string>(k: K, v: string): Partial<Record<K, string>> => (v ? ({ [k]: v } as Record<K, string>) : {});
  const common = {
    kind: w.kind,
    date: w.date,
    ...opt('ticker', w.ticker),
    ...(w.dateOrder ? { dateOrder: w.dateOrder } : {}),
    ...(w.decimal ? { decimal: w.decimal } : {}),
  };
  if (w.kind === 'prices') {
    return { ...common, fields: { ...opt('close', w.close), ...opt('adjClose', w.adjClose), ...opt('open', w.open), ...opt('high', w.high), ...opt('low', w.low), ...opt('volume', w.volume) } };
  }
  if (w.kind === 'positions') {
    return { ...common, ...opt('quantity', w.quantity), ...opt('price', w.price), ...opt('value', w.value), ...opt('currency', w.currency) };
  }
  const actions: Record<string, TypeName> = {};
  for (const line of w.actions.split('\n')) {
    const [text, type] = line.split('=').map((s) => s.trim().toLowerCase());
    if (text && type && isType(type)) actions[text] = type;
  }
  return {
    ...common,
    ...opt('type', w.type),
    ...opt('quantity', w.quantity),
    ...opt('price', w.price),
    ...opt('fee', w.fee),
    ...opt('amount', w.amount),
    ...opt('currency', w.currency),
    signs: w.signs,
    ...(Object.keys(actions).length > 0 ? { actions } : {}),
  };
}
