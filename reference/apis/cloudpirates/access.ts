/**
 * Who may do what in a workspace. Reads look at the read model, writes at the write model; both
 * answer 404 when the workspace is absent there and 403 when the caller is not allowed. A fresh
 * workspace or membership is thus 404 or 403 to reads for a moment, exactly as the page warns.
 */
import type { Model, Role, Workspace } from './events.js';
import { forbidden, notFound } from './errors.js';

/** Roles allowed per action. */
export const MAY = {
  read: ['Owner', 'Member', 'Viewer'],
  change: ['Owner', 'Member'],
  delete: ['Owner'],
  manageMembers: ['Owner'],
} satisfies Record<string, Role[]>;

export function workspaceFor(model: Model, id: string, callerId: string, allowed: readonly Role[]): Workspace {
  const ws = model.get(id);
  if (!ws) throw notFound();
  const role = ws.members.get(callerId)?.role;
  if (!role || !allowed.includes(role)) throw forbidden();
  return ws;
}

/** A workspace keeps at least one Owner: nobody can be left unable to delete or manage it. */
export function keepsAnOwner(ws: Workspace, identityId: string, newRole: Role | undefined): boolean {
  if (ws.members.get(identityId)?.role !== 'Owner' || newRole === 'Owner') return true;
  for (const [id, m] of ws.members) if (id !== identityId && m.role === 'Owner') return true;
  return false;
}
