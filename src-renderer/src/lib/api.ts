/**
 * The one API client of the renderer, generic over the contract in shared/api.ts. Only types come
 * from the contract, so the zod schemas stay out of the renderer bundle.
 */
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../shared/api.js';
import type { ApiError, ApiEventName, ApiEvents, ApiResult } from '../../../shared/api/contract.js';
import { pickTransport, type Transport } from './transport.js';

/** Rejection value of `call`: carries the ApiError from main. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
  get code(): ApiError['code'] {
    return this.error.code;
  }
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** Replaces the transport (tests, or a host that injects its own). */
export function setTransport(t: Transport): void {
  transport = t;
}

export function transportKind(): Transport['kind'] {
  return current().kind;
}

/** Calls a method and returns its ApiResult (never rejects). */
export async function callSafe<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResult<ApiResponse<M>>> {
  const result = await current().call(method, req);
  // The main process validated the request and built the response from the same contract.
  return result as ApiResult<ApiResponse<M>>;
}

/** Calls a method; rejects with ApiCallError when main answers with an error. */
export async function call<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await callSafe(method, req);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data;
}

/** Subscribes to a push event from main; returns the unsubscribe function. */
export function onEvent<E extends ApiEventName>(name: E, cb: (payload: ApiEvents[E]) => void): () => void {
  // Payloads are produced by main from ApiEvents[E].
  return current().on(name, (payload) => cb(payload as ApiEvents[E]));
}

/** Saves bytes: native dialog in Electron, a browser download in web mode. */
export function saveFile(name: string, bytes: Uint8Array, mime = 'application/octet-stream'): Promise<{ saved: boolean; path?: string }> {
  return current().saveFile(name, bytes, mime);
}

let jobCounter = 0;
/** A fresh job id for progress events and cancellation. */
export function newJobId(prefix = 'job'): string {
  jobCounter += 1;
  const random = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${jobCounter}-${random}`;
}

/** Human text for any rejection (ApiCallError or otherwise). */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Decodes base64 (the PDF from report-export) to bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
