/** How CloudPirates resources look on the wire. */
import type { Json } from '../../../src/catalog/types.js';
import type { Workspace } from './events.js';
import type { Identities } from './identities.js';

export function workspaceJson(ws: Workspace, callerId: string): Json {
  return {
    id: ws.id,
    name: ws.name,
    description: ws.description,
    role: ws.members.get(callerId)?.role ?? null,
    memberCount: ws.members.size,
    createdAt: ws.createdAt,
    updatedAt: ws.updatedAt,
  };
}

export function membersJson(ws: Workspace, ids: Identities): Json[] {
  const out: Json[] = [];
  for (const [identityId, m] of ws.members) {
    const who = ids.get(identityId);
    out.push({ identityId, name: who?.name ?? null, email: who?.email ?? null, role: m.role, since: m.since });
  }
  return out;
}
