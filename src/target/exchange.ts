/**
 * One response as faultline received it (an Exchange), normalised for checking: lower-cased
 * headers, the body capped, parsed when it is JSON. The checks judge it as one document
 * `{status, headers, body}`, which is what the generated schemas describe.
 */
import type { Json } from '../catalog/types.js';

/** One response as received, normalised for checking. */
export interface Exchange {
  status: number;
  /** lower-cased header names; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** parsed JSON when the body parses as JSON, else the text; null when there is no body */
  body: Json;
  /** the body text as received (capped), for checks that read text (stack traces) */
  text: string;
  /** true when the body was larger than the cap and `text` was cut */
  truncated: boolean;
  /** why a body announced as JSON did not parse, if it did not */
  parseError?: string;
}

/**
 * The response document the generated schemas validate. A text body loses one trailing line
 * break (`\n` or `\r\n`): a page that prints a plain-text body does not show the newline a server
 * may end it with, so a text contract is compared without it.
 */
export function documentOf(x: Exchange): { status: number; headers: Record<string, string>; body: Json } {
  const body = typeof x.body === 'string' && x.body === x.text ? x.body.replace(/\r?\n$/, '') : x.body;
  return { status: x.status, headers: x.headers, body };
}

/** Bodies larger than this are cut before parsing or storing: memory stays bounded. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSONISH = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

export function toExchange(status: number, headers: Record<string, string>, raw: Buffer): Exchange {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    h[name] = h[name] === undefined ? v : `${h[name]}, ${v}`;
  }
  const truncated = raw.length > MAX_BODY_BYTES;
  const text = (truncated ? raw.subarray(0, MAX_BODY_BYTES) : raw).toString('utf8');
  const x: Exchange = { status, headers: h, body: null, text, truncated };
  if (raw.length === 0) return x;
  const ct = h['content-type'];
  const tryJson = ct === undefined || JSONISH.test(ct);
  if (tryJson && !truncated) {
    try {
      x.body = JSON.parse(text) as Json;
      return x;
    } catch (err) {
      if (ct !== undefined) x.parseError = (err as Error).message;
    }
  } else if (tryJson && truncated) {
    x.parseError = `the body is larger than ${MAX_BODY_BYTES} bytes and was not parsed`;
  }
  x.body = text;
  return x;
}
