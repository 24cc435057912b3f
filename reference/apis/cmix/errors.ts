/**
 * The cmix catalog entries this module answers with, and one way to raise them. The body is
 * the cmix Error object: `errorMessage` always (the envelope requires it), `failedValidations`
 * when fields are named. Status, headers and content type come from the catalog entry.
 */
import type { Json } from '../../../src/catalog/types.js';
import { ApiError } from '../../http.js';

export const ENTRY = {
  badRequest: 'cmix/bad-request',
  unauthorized: 'cmix/unauthorized',
  forbidden: 'cmix/forbidden',
  notFound: 'cmix/not-found',
  methodNotAllowed: 'cmix/method-not-allowed',
  notAcceptable: 'cmix/not-acceptable',
  unsupportedMediaType: 'cmix/unsupported-media-type',
  unprocessable: 'cmix/unprocessable-entity',
} as const;
export type EntryId = (typeof ENTRY)[keyof typeof ENTRY];

/** One failed validation: the field (body property or query parameter name) and why it failed. */
export interface FailedValidation { field: string; message: string }

export function cmixError(id: EntryId, errorMessage: string, failed?: FailedValidation[], headers: Record<string, string> = {}): ApiError {
  const fields: Record<string, Json> = { errorMessage };
  if (failed?.length) fields.failedValidations = failed.map((f) => ({ field: f.field, message: f.message }));
  return new ApiError(id, fields, headers);
}

/** 406 is documented without a body, so it carries no fields at all. */
export function notAcceptable(): ApiError {
  return new ApiError(ENTRY.notAcceptable);
}
