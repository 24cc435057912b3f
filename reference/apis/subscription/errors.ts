/**
 * The subscription catalog entries this module answers with. Status, headers, content type and
 * the page's example body come from the catalog entry (reference/errors.ts); handlers add only
 * what the occurrence changes (a detail naming the parameter) and what the example lacks (the
 * Common catalog rows have none). Anything outside the catalog is a plain `Reply`.
 */
import type { Json } from '../../../src/catalog/types.js';
import { entrySet } from '../../entries.js';
import { ApiError, type RefResponse } from '../../http.js';

export const ENTRIES = entrySet('subscription', [
  'SUBSCRIPTION_CALLBACK_FAILED', 'SUBSCRIPTION_TRIGGER_NOTFOUND', 'SUBSCRIPTION_URI_ILLEGAL',
  'SUBSCRIPTION_EMPTY_HEADER', 'SUBSCRIPTION_SUBSCRIPTION_NOTFOUND', 'SUBSCRIPTION_CANT_EXTRACT',
  'SUBSCRIPTION_SUBSCRIPTION_SUSPENDED', 'SUBSCRIPTION_SUBSCRIPTION_ILLEGAL_STATUS',
  'SUBSCRIPTION_SUBSCRIPTION_ACCESSDENIED', 'SUBSCRIPTION_LIMIT_EXCEEDED', 'HEADER_LIMIT_EXCEEDED',
  'HEADER_LIMIT_SIZE_EXCEEDED', 'NON_ALLOWED_HEADER_FOUND', 'SUBSCRIPTION_INVALID_NAME',
  'SUBSCRIPTION_FORBIDDEN', 'SUBSCRIPTION_OFFSET_ILLEGAL', 'GENERAL_PARAMETER_MISSING',
  'GENERAL_CONSTRAINT_VIOLATION-size', 'GENERAL_CONSTRAINT_VIOLATION-unsupported-value',
  'GENERAL_CHARS_NOTALLOWED', 'KM_MODEL_NOTFOUND', 'SORT_UNKNOWN_FIELD', 'SORT_IS_EMPTY',
  'SORT_HAS_OPPOSITE', 'URI_VALIDATION_ERROR', 'common-no-bearer-token', 'common-malformed-authorization',
  'ADMIN_ACCESS_ERROR', 'common-api-disabled', 'GENERAL_PARAMETER_MISSMATCH', 'GENERAL_NOTFOUND_PATH',
  'ADMIN_FATAL_ERROR', 'LIMIT_RATE_EXCEEDED',
] as const);
export type Slug = (typeof ENTRIES.slugs)[number];

export function fail(slug: Slug, fields: Record<string, Json> = {}, headers: Record<string, string> = {}): ApiError {
  return new ApiError(ENTRIES.id(slug), fields, headers);
}

export const missing = (param: string): ApiError =>
  fail('GENERAL_PARAMETER_MISSING', { title: `Missing mandatory parameters: ${param} is mandatory.` });

export const typeMismatch = (param: string, type: string): ApiError =>
  fail('GENERAL_PARAMETER_MISSMATCH', { title: 'Query parameter type mismatch.', detail: `Query parameter '${param}' must be of type '${type}'.` });

export const sizeViolation = (param: string, min: number, max: number): ApiError =>
  fail('GENERAL_CONSTRAINT_VIOLATION-size', { detail: `[${param}: size must be between ${min} and ${max}]` });

export const unsupportedValue = (param: string): ApiError =>
  fail('GENERAL_CONSTRAINT_VIOLATION-unsupported-value', { detail: `Unsupported value for the field ${param}.` });

/** An answer the catalog does not document (405, an unreadable body): sent as it is. */
export class Reply extends Error {
  constructor(readonly response: RefResponse) {
    super(`reply ${response.status}`);
  }
}

export function problemReply(status: number, title: string, detail: string, headers: Record<string, string> = {}): Reply {
  return new Reply({ status, headers, body: { title, status, detail }, contentType: 'application/problem+json' });
}
