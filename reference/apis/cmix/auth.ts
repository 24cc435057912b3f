/**
 * Bearer authentication. cmix issues bearer tokens, yet documents its 401 challenge as
 * `Basic realm="cmix"` (a doc finding); the challenge header itself comes from the catalog.
 */
import { header, type RefRequest } from '../../http.js';
import { cmixError } from './errors.js';
import { TOKENS, type Identity } from './fixtures.js';

export function authenticate(req: RefRequest): Identity {
  const value = header(req, 'authorization');
  if (value === undefined || value.trim() === '') {
    throw cmixError('unauthorized', 'Authentication is required: send Authorization: Bearer <token>.');
  }
  const m = /^bearer\s+(\S+)\s*$/i.exec(value.trim());
  if (!m) throw cmixError('unauthorized', 'The Authorization header must carry a Bearer token.');
  const identity = TOKENS[m[1]!];
  if (!identity) throw cmixError('unauthorized', 'The bearer token is invalid or has expired.');
  return identity;
}

/** Writes (archives, project changes) need the admin role; viewers may only read. */
export function requireAdmin(who: Identity, action: string): void {
  if (who.role !== 'admin') throw cmixError('forbidden', `User ${who.user} may not ${action}.`);
}
