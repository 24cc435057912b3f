/**
 * The CloudPirates catalog entries this module answers with, and small constructors for them.
 * Bodies come from the catalog (reference/errors.ts); handlers only say which entry applies and,
 * for 400s, hand over the real ajv error.
 */
import type { ErrorObject } from 'ajv';
import type { Json } from '../../../src/catalog/types.js';
import { entrySet } from '../../entries.js';
import { ApiError } from '../../http.js';

export const ENTRIES = entrySet('cloudpirates', [
  'bad-request-required', 'bad-request-enum', 'bad-request-additional-property', 'unauthorized', 'forbidden', 'not-found',
] as const);

/** Both schemes are offered, unless an endpoint accepts only one (the API-key endpoints: Bearer). */
export const CHALLENGE_ANY = 'ApiKey realm="cloudpirates", Bearer realm="cloudpirates"';
export const CHALLENGE_BEARER = 'Bearer realm="cloudpirates"';

export function unauthorized(challenge: string = CHALLENGE_ANY): ApiError {
  return new ApiError(ENTRIES.id('unauthorized'), {}, { 'WWW-Authenticate': challenge });
}

export function forbidden(): ApiError {
  return new ApiError(ENTRIES.id('forbidden'));
}

export function notFound(): ApiError {
  return new ApiError(ENTRIES.id('not-found'));
}

/**
 * A 400 carrying ajv's own error object. The catalog documents three keywords; errors of other
 * keywords (type, minLength, format, ...) have the same body shape, so they go out through the
 * `required` entry with every field overridden by the real error.
 */
export function invalid(err: ErrorObject): ApiError {
  const slug = err.keyword === 'enum' ? 'bad-request-enum'
    : err.keyword === 'additionalProperties' ? 'bad-request-additional-property'
    : 'bad-request-required';
  return new ApiError(ENTRIES.id(slug), {
    instancePath: err.instancePath,
    schemaPath: err.schemaPath,
    keyword: err.keyword,
    params: err.params as Json,
    message: err.message ?? 'is invalid',
  });
}
