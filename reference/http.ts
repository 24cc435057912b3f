/**
 * The reference target's small HTTP layer: a parsed request, a plain response value, and the
 * error type handlers throw to answer with a catalog entry. No framework: node:http is enough,
 * and keeping it bare keeps the target fast and its behaviour obvious.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Json } from '../src/catalog/types.js';

export interface RefRequest {
  method: string;
  /** path below the API's mount prefix, without query string, percent-decoding left to handlers */
  path: string;
  /** the full original path, for messages such as "Path /intelligence/api/x not found" */
  originalPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** raw body bytes (already capped by the server) */
  raw: Buffer;
  /** true when the body was larger than the server's cap and was cut */
  truncated: boolean;
}

export interface RefResponse {
  status: number;
  headers?: Record<string, string>;
  /** a JSON value is sent as JSON; a string or Buffer as is; undefined as no body */
  body?: Json | string | Buffer;
  /** content type for string/Buffer bodies, or to override application/json */
  contentType?: string;
}

/** Thrown (or returned) by handlers: answer with the catalog entry `entryId`. */
export class ApiError extends Error {
  constructor(
    readonly entryId: string,
    readonly fields: Record<string, Json> = {},
    readonly headers: Record<string, string> = {},
    /** pick one status of an entry that allows several */
    readonly status?: number,
  ) {
    super(entryId);
  }
}

export function json(status: number, body: Json, headers: Record<string, string> = {}): RefResponse {
  return { status, body, headers };
}

/** Parse the request body as JSON; undefined when empty; throws SyntaxError when malformed. */
export function parseJsonBody(req: RefRequest): Json | undefined {
  if (req.raw.length === 0) return undefined;
  return JSON.parse(req.raw.toString('utf8')) as Json;
}

/** The media type of a header value, lower-cased, without parameters. */
export function mediaType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.split(';')[0]!.trim().toLowerCase();
}

/** Match `pattern` like `/surveys/:id/archives` against a path; returns params or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) {
      if (s[i] === '') return undefined;
      params[seg.slice(1)] = decodeURIComponent(s[i]!);
    } else if (seg !== s[i]) return undefined;
  }
  return params;
}

export function header(req: RefRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}
