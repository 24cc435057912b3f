/**
 * The cmix catalog entries this module answers with, and one way to raise them. The body is
 * the cmix Error object: `errorMessage` always (the envelope requires it), `failedValidations`
 * when fields are named. Status, headers and content type come from the catalog entry.
 */
import type { Json } from '../../../src/catalog/types.js';
import { entrySet } from '../../entries.js';
import { ApiError } from '../../http.js';

export const ENTRIES = entrySet('cmix', [
  'bad-request', 'unauthorized', 'forbidden', 'not-found', 'method-not-allowed', 'not-acceptable',
  'unsupported-media-type', 'unprocessable-entity',
] as const);
export type Slug = (typeof ENTRIES.slugs)[number];

/** One failed validation: the field (body property or query parameter name) and why it failed. */
export interface FailedValidation { field: string; message: string }

export function cmixError(slug: Slug, errorMessage: string, failed?: FailedValidation[], headers: Record<string, string> = {}): ApiError {
  const fields: Record<string, Json> = { errorMessage };
  if (failed?.length) fields.failedValidations = failed.map((f) => ({ field: f.field, message: f.message }));
  return new ApiError(ENTRIES.id(slug), fields, headers);
}

/** 406 is documented without a body, so it carries no fields at all. */
export function notAcceptable(): ApiError {
  return new ApiError(ENTRIES.id('not-acceptable'));
}
