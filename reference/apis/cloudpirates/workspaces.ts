/** /workspaces and /workspaces/{id}: create, list, read, rename, delete. */
import { randomUUID } from 'node:crypto';
import { MAY, workspaceFor } from './access.js';
import { paged, pageOf } from './paging.js';
import type { Route } from './routes.js';
import { body } from './validate.js';
import { workspaceJson } from './views.js';

interface Create { name: string; description?: string }
interface Change { name?: string; description?: string }

const iso = (ms: number): string => new Date(ms).toISOString();

export const WORKSPACE_ROUTES: readonly Route[] = [
  {
    pattern: '/workspaces',
    methods: {
      GET: ({ req, caller, store }) => {
        const page = pageOf(req);
        const mine = [...store.view().values()].filter((ws) => ws.members.has(caller.identity.id));
        return paged(req, mine.map((ws) => workspaceJson(ws, caller.identity.id)), page);
      },
      POST: ({ req, caller, store, now }) => {
        const input = body<Create>(req, 'createWorkspace');
        const id = randomUUID();
        store.commit({ type: 'WorkspaceCreated', id, name: input.name, description: input.description ?? '', ownerId: caller.identity.id, at: iso(now()) });
        // Answered from the write model: the client sees its workspace even though reads do not yet.
        return { status: 201, headers: { Location: `${req.originalPath.replace(/\/$/, '')}/${id}` }, body: workspaceJson(store.write.get(id)!, caller.identity.id) };
      },
    },
  },
  {
    pattern: '/workspaces/:id',
    methods: {
      GET: ({ params: { id }, caller, store }) => {
        const ws = workspaceFor(store.view(), id!, caller.identity.id, MAY.read);
        return { status: 200, body: workspaceJson(ws, caller.identity.id) };
      },
      PATCH: ({ req, params: { id }, caller, store, now }) => {
        const input = body<Change>(req, 'changeWorkspace');
        const ws = workspaceFor(store.write, id!, caller.identity.id, MAY.change);
        store.commit({ type: 'WorkspaceChanged', id: ws.id, ...input, at: iso(now()) });
        return { status: 200, body: workspaceJson(ws, caller.identity.id) };
      },
      DELETE: ({ params: { id }, caller, store }) => {
        const ws = workspaceFor(store.write, id!, caller.identity.id, MAY.delete);
        store.commit({ type: 'WorkspaceDeleted', id: ws.id });
        return { status: 204 };
      },
    },
  },
];
