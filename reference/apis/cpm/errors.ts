/**
 * The CPM catalog entries this module answers with. The page documents no body; the catalog's
 * envelope is the {message, output, type, data} shape of the API's reference pages, so handlers
 * fill it: the message says what went wrong, the rest is null as nothing more is known.
 */
import { entrySet } from '../../entries.js';
import { ApiError } from '../../http.js';

export const ENTRIES = entrySet('cpm', ['bad-request', 'unauthorized', 'not-found'] as const);
type Slug = (typeof ENTRIES.slugs)[number];

/** The token is not an HTTP auth scheme; the challenge names the header a client must send. */
export const CHALLENGE = 'symbio-auth-token realm="Celonis Process Management"';

function error(slug: Slug, message: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(ENTRIES.id(slug), { message, output: null, type: 'error', data: null }, headers);
}

export function badRequest(message: string): ApiError {
  return error('bad-request', message);
}

export function unauthorized(): ApiError {
  return error('unauthorized', 'Authorization failed: a valid symbio-auth-token is required.', { 'WWW-Authenticate': CHALLENGE });
}

export function notFound(path: string): ApiError {
  return error('not-found', `Not found: ${path}`);
}
