/**
 * CloudPirates is event sourced: every write is an event, and a model is the fold of events.
 * The same `apply` builds the write model (at once) and the read model (late), so the two can
 * differ only in time, never in meaning.
 */
export type Role = 'Owner' | 'Member' | 'Viewer';
export const ROLES: readonly Role[] = ['Owner', 'Member', 'Viewer'];

export type Event =
  | { type: 'WorkspaceCreated'; id: string; name: string; description: string; ownerId: string; at: string }
  | { type: 'WorkspaceChanged'; id: string; name?: string; description?: string; at: string }
  | { type: 'WorkspaceDeleted'; id: string }
  | { type: 'MemberSet'; workspaceId: string; identityId: string; role: Role; at: string }
  | { type: 'MemberRemoved'; workspaceId: string; identityId: string };

export interface Membership { role: Role; since: string }

export interface Workspace {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** identity id -> membership, in the order members were added */
  members: Map<string, Membership>;
}

/** A model: workspaces by id, in creation order. */
export type Model = Map<string, Workspace>;

export function apply(model: Model, e: Event): void {
  switch (e.type) {
    case 'WorkspaceCreated':
      model.set(e.id, {
        id: e.id, name: e.name, description: e.description, createdAt: e.at, updatedAt: e.at,
        members: new Map([[e.ownerId, { role: 'Owner', since: e.at }]]),
      });
      break;
    case 'WorkspaceChanged': {
      const ws = model.get(e.id);
      if (!ws) break;
      if (e.name !== undefined) ws.name = e.name;
      if (e.description !== undefined) ws.description = e.description;
      ws.updatedAt = e.at;
      break;
    }
    case 'WorkspaceDeleted':
      model.delete(e.id);
      break;
    case 'MemberSet': {
      const ws = model.get(e.workspaceId);
      const since = ws?.members.get(e.identityId)?.since ?? e.at;
      ws?.members.set(e.identityId, { role: e.role, since });
      break;
    }
    case 'MemberRemoved':
      model.get(e.workspaceId)?.members.delete(e.identityId);
      break;
  }
}
