/**
 * Reading request bodies. awork takes JSON everywhere except file uploads. A body over the limit
 * is request-body-too-large before anything reads it; an absent, non-JSON or malformed body is
 * invalid-model ("The body of the request is invalid or empty.").
 */
import type { Json } from '../../../src/catalog/types.js';
import { header, mediaType, type RefRequest } from '../../http.js';
import { fail } from './fail.js';

/** The reference target's limit for one request body or uploaded file. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function checkSize(req: RefRequest): void {
  // `truncated` means the server already cut a body larger than its own (bigger) cap.
  if (req.truncated || req.raw.length > MAX_BODY_BYTES) {
    throw fail('request-body-too-large', `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes.`);
  }
}

export function readJson(req: RefRequest): Json {
  checkSize(req);
  if (req.raw.length === 0) throw fail('invalid-model', 'The request body is empty; send a JSON document.');
  const type = mediaType(header(req, 'content-type'));
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    throw fail('invalid-model', `The request body must be sent as application/json, not ${type ?? 'without a Content-Type'}.`);
  }
  try {
    return JSON.parse(req.raw.toString('utf8')) as Json;
  } catch (err) {
    throw fail('invalid-model', `The request body is not valid JSON: ${(err as Error).message}`);
  }
}

export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readObject(req: RefRequest): JsonObject {
  const v = readJson(req);
  if (!isObject(v)) throw fail('invalid-model', 'The request body must be a JSON object.');
  return v;
}
