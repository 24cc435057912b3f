/**
 * Raising awork's documented errors. A handler names the code and what is specific to this
 * failure: the description ("A human-readable explanation for the cause of the error"),
 * validation errors, challenge headers. Status and headers come from the catalog entry, and
 * index.ts completes the body from it (details default to the code's documented sentence), so
 * no handler writes an error body by hand.
 */
import type { Json } from '../../../src/catalog/types.js';
import { entrySet } from '../../entries.js';
import { ApiError } from '../../http.js';

export const ENTRIES = entrySet('awork', [
  'workspaceid-missing', 'not-found', 'entity-archived', 'duplication-violation', 'database-commit',
  'concurrency-violation', 'date-dependency', 'date-out-of-range', 'value-out-of-range', 'invalid-operation',
  'invalid-model', 'validation-failed', 'server-error', 'already-exist-error', 'invalid-filter-or-order',
  'illegal-property-transition', 'unauthorized', 'invalid-batch-operation', 'deactivated-user',
  'request-body-too-large', 'insufficient-subscription-level', 'insufficient-seats',
] as const);
export type Code = (typeof ENTRIES.slugs)[number];

export interface ValidationError { property: string; message: string }

export interface FailOptions { details?: string[]; validationErrors?: ValidationError[]; headers?: Record<string, string> }

export function fail(code: Code, description?: string, opts: FailOptions = {}): ApiError {
  const fields: Record<string, Json> = {};
  if (description !== undefined) fields.description = description;
  if (opts.details) fields.details = opts.details;
  if (opts.validationErrors) fields.validationErrors = opts.validationErrors.map((v) => ({ property: v.property, message: v.message }));
  return new ApiError(ENTRIES.id(code), fields, opts.headers ?? {});
}

/** The challenge every 401 carries (RFC 9110 section 15.5.2; Bearer per RFC 6750). */
export function challenge(error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope'): Record<string, string> {
  return { 'WWW-Authenticate': error ? `Bearer realm="awork", error="${error}"` : 'Bearer realm="awork"' };
}
