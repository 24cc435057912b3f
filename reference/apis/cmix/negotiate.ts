/**
 * Content negotiation both ways. Responses: cmix answers JSON only, so a request whose Accept
 * rules out application/json gets 406 (and `*` wildcards or no Accept at all are fine).
 * Requests: a body must be application/json in UTF-8; another Content-Type or bytes that are
 * not UTF-8 are 415 ("improperly encoded"), while well-encoded text that is not a JSON object
 * is 400 ("the expected JSON body is missing or invalid").
 */
import type { Json } from '../../../src/catalog/types.js';
import { header, mediaType, type RefRequest } from '../../http.js';
import { cmixError } from './errors.js';

export const JSON_TYPE = 'application/json';

interface Range { type: string; sub: string; q: number }

function parseAccept(value: string): Range[] {
  return value.split(',').map((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const [type = '', sub = ''] = range.toLowerCase().split('/');
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.split('=')[1]);
    return { type, sub, q: Number.isFinite(q) ? q : 0 };
  }).filter((r) => r.type !== '' && r.sub !== '');
}

/** RFC 9110 §12.5.1: the most specific range matching application/json decides, q=0 refuses. */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const ranges = parseAccept(accept);
  const pick = ranges.find((r) => r.type === 'application' && r.sub === 'json')
    ?? ranges.find((r) => r.type === 'application' && r.sub === '*')
    ?? ranges.find((r) => r.type === '*' && r.sub === '*');
  return pick !== undefined && pick.q > 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request body as a JSON object, or the documented 400/415 error. */
export function readJsonObject(req: RefRequest): Record<string, Json> {
  const contentType = header(req, 'content-type');
  const type = mediaType(contentType);
  if (req.raw.length === 0 && type === undefined) throw cmixError('bad-request', 'The expected JSON body is missing.');
  if (type !== JSON_TYPE) {
    throw cmixError('unsupported-media-type', `Content-Type ${type ?? '(none)'} is not supported; send ${JSON_TYPE}.`);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw cmixError('unsupported-media-type', `charset ${charset} is not supported; send UTF-8.`);
  }
  if (req.truncated) throw cmixError('bad-request', 'The request body is too large to be a valid JSON body.');
  let text: string;
  try {
    text = utf8.decode(req.raw);
  } catch {
    throw cmixError('unsupported-media-type', 'The request body is not valid UTF-8 as its Content-Type requires.');
  }
  if (text.trim() === '') throw cmixError('bad-request', 'The expected JSON body is missing.');
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (err) {
    throw cmixError('bad-request', `The JSON body is invalid: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw cmixError('bad-request', 'The JSON body must be an object.');
  return value;
}
