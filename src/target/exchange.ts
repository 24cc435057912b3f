/** Normalises a raw HTTP response into an Exchange: lower-cased headers, capped and parsed body. */
import type { Json } from '../catalog/types.js';
import type { Exchange } from '../checks/types.js';

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
