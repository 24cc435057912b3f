/** /workspaces/{id}/members: list, add (or re-role), change a role, remove. Only Owners manage members; anyone may leave. */
import { keepsAnOwner, MAY, workspaceFor } from './access.js';
import { forbidden, notFound } from './errors.js';
import type { Role } from './events.js';
import { paged, pageOf } from './paging.js';
import type { Route } from './routes.js';
import { body } from './validate.js';
import { membersJson } from './views.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export const MEMBER_ROUTES: readonly Route[] = [
  {
    pattern: '/workspaces/:id/members',
    methods: {
      GET: ({ req, params: { id }, caller, store, ids }) => {
        const page = pageOf(req);
        const ws = workspaceFor(store.view(), id!, caller.identity.id, MAY.read);
        return paged(req, membersJson(ws, ids), page);
      },
      POST: ({ req, params: { id }, caller, store, ids, now }) => {
        const input = body<{ email: string; role: Role }>(req, 'addMember');
        const ws = workspaceFor(store.write, id!, caller.identity.id, MAY.manageMembers);
        const who = ids.byEmail(input.email);
        if (!who) throw notFound();
        if (!keepsAnOwner(ws, who.id, input.role)) throw forbidden();
        const existed = ws.members.has(who.id);
        store.commit({ type: 'MemberSet', workspaceId: ws.id, identityId: who.id, role: input.role, at: iso(now()) });
        return { status: existed ? 200 : 201, body: membersJson(ws, ids).find((m) => isFor(m, who.id)) ?? null };
      },
    },
  },
  {
    pattern: '/workspaces/:id/members/:identityId',
    methods: {
      PATCH: ({ req, params: { id, identityId }, caller, store, ids, now }) => {
        const input = body<{ role: Role }>(req, 'changeMember');
        const ws = workspaceFor(store.write, id!, caller.identity.id, MAY.manageMembers);
        if (!ws.members.has(identityId!)) throw notFound();
        if (!keepsAnOwner(ws, identityId!, input.role)) throw forbidden();
        store.commit({ type: 'MemberSet', workspaceId: ws.id, identityId: identityId!, role: input.role, at: iso(now()) });
        return { status: 200, body: membersJson(ws, ids).find((m) => isFor(m, identityId!)) ?? null };
      },
      DELETE: ({ params: { id, identityId }, caller, store }) => {
        const self = identityId === caller.identity.id;
        // Leaving needs only membership; removing someone else needs an Owner.
        const ws = workspaceFor(store.write, id!, caller.identity.id, self ? MAY.read : MAY.manageMembers);
        if (!ws.members.has(identityId!)) throw notFound();
        if (!keepsAnOwner(ws, identityId!, undefined)) throw forbidden();
        store.commit({ type: 'MemberRemoved', workspaceId: ws.id, identityId: identityId! });
        return { status: 204 };
      },
    },
  },
];

function isFor(m: unknown, identityId: string): boolean {
  return typeof m === 'object' && m !== null && (m as { identityId?: unknown }).identityId === identityId;
}
