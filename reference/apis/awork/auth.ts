/**
 * Who is calling. awork authenticates with `Authorization: Bearer <api key>`; the key names a
 * user, and the user's team is the workspace every request works in.
 *   no credentials, or not a Bearer scheme  → unauthorized
 *   a Bearer key no team knows               → workspaceid-missing ("Most likely, your token is invalid.")
 *   a role too weak for the operation        → unauthorized ("insufficient permissions")
 */
import { header, type RefRequest } from '../../http.js';
import { challenge, fail } from './fail.js';
import type { Role, Team, User } from './model.js';
import type { Store } from './store.js';

export interface Principal { user: User; team: Team }

export function authenticate(req: RefRequest, store: Store): Principal {
  const value = header(req, 'authorization')?.trim();
  if (!value) throw fail('unauthorized', 'No API key was sent. Send it as Authorization: Bearer <api key>.', { headers: challenge() });
  const m = /^Bearer\s+(\S+)$/i.exec(value);
  if (!m) throw fail('unauthorized', 'The Authorization header must use the Bearer scheme: Authorization: Bearer <api key>.', { headers: challenge('invalid_request') });
  const userId = store.tokens.get(m[1]!);
  const user = userId ? store.users.get(userId) : undefined;
  const team = user ? store.teams.get(user.teamId) : undefined;
  // A key of a deactivated user resolves to no workspace either.
  if (!user || !team || user.status !== 'active') {
    throw fail('workspaceid-missing', 'The API key does not belong to any team.', { headers: challenge('invalid_token') });
  }
  return { user, team };
}

const RANK: Record<Role, number> = { guest: 0, member: 1, admin: 2 };

/** Refuse callers below `min`: guests read, members work on projects and tasks, admins manage the team. */
export function requireRole(p: Principal, min: Role, what: string): void {
  if (RANK[p.user.role] < RANK[min]) {
    throw fail('unauthorized', `Your role (${p.user.role}) does not allow to ${what}; it needs the ${min} role.`, { headers: challenge('insufficient_scope') });
  }
}
