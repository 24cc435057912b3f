/**
 * Authentication: `Authorization: ApiKey <key>` or `Authorization: Bearer <token>`. The scheme
 * name is matched case-insensitively (RFC 9110 section 11.1). Anything else, a missing header,
 * or an unknown credential is 401 with a challenge naming the schemes the endpoint accepts.
 */
import { header, type RefRequest } from '../../http.js';
import { CHALLENGE_BEARER, unauthorized } from './errors.js';
import type { Caller, Identities, Scheme } from './identities.js';

const SCHEMES: Record<string, Scheme> = { apikey: 'ApiKey', bearer: 'Bearer' };

export function authenticate(req: RefRequest, ids: Identities): Caller {
  const value = header(req, 'authorization')?.trim() ?? '';
  const m = /^([A-Za-z]+) +(\S+)$/.exec(value);
  const scheme = m ? SCHEMES[m[1]!.toLowerCase()] : undefined;
  const caller = scheme ? ids.resolve(scheme, m![2]!) : undefined;
  if (!caller) throw unauthorized();
  return caller;
}

/**
 * The API-key endpoints refuse API keys: a key must not mint or list keys. The page's 401 text
 * covers it ("authorization has been refused for those credentials"); 403 would be wrong, since
 * re-authenticating with a Bearer token does change the answer.
 */
export function requireBearer(caller: Caller): void {
  if (caller.scheme !== 'Bearer') throw unauthorized(CHALLENGE_BEARER);
}
