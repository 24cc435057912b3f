/**
 * Authentication as the Common API Error Catalog describes it: no Authorization header is the
 * JSON 401; a header that does not start with "Bearer " or "AppKey " (case-insensitive) or
 * carries no credential is the plain-text 401; an unknown credential is the JSON 401 again.
 * Both 401s carry a challenge (RFC 9110 section 15.5.2).
 */
import { ApiError, header, type RefRequest } from '../../http.js';
import { fail } from './errors.js';
import { USERS_BY_TOKEN, type User } from './fixtures.js';

export const CHALLENGE = 'Bearer realm="Celonis Intelligence API", AppKey realm="Celonis Intelligence API"';

/** The caller, or the 401 to answer with (returned, so the caller can still rate-limit it). */
export function identify(req: RefRequest): User | ApiError {
  const value = header(req, 'authorization');
  const challenge = { 'WWW-Authenticate': CHALLENGE };
  const unknown = (): ApiError => fail('common-no-bearer-token', { error: 'Unauthorized' }, challenge);
  if (value === undefined) return unknown();
  const m = /^(?:bearer|appkey) +(\S+)\s*$/i.exec(value);
  if (!m) return fail('common-malformed-authorization', {}, challenge);
  return USERS_BY_TOKEN.get(m[1]!) ?? unknown();
}
