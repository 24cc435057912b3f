/**
 * awork on the reference target (prefix /awork/api/v1): teams with plans and seats, users,
 * invitations, projects, task workflows, tasks, comments and files, over real in-memory state.
 * Every request passes the same gates in the same order:
 *   body over the server's cap (request-body-too-large)
 *   → credentials (unauthorized / workspaceid-missing; before routing, so anonymous callers
 *     learn nothing of paths)
 *   → route (not-found; 405 with Allow)
 *   → per handler: role (unauthorized) → resource (not-found, entity-archived) → If-Match
 *     (concurrency-violation) → body (invalid-model) → model (validation-failed) → ranges,
 *     dates, references, duplicates, transitions, plan and seats.
 */
import type { ApiModule } from '../../api.js';
import { ApiError, type RefRequest, type RefResponse } from '../../http.js';
import { dispatch, type Routing } from '../../router.js';
import type { Json } from '../../../src/catalog/types.js';
import { authenticate } from './auth.js';
import { checkSize } from './body.js';
import { ENTRIES } from './fail.js';
import { methodNotAllowed, notFound, type Ctx } from './router.js';
import { FILE_ROUTES } from './routes/files.js';
import { INVITATION_ROUTES } from './routes/invitations.js';
import { PROJECT_ROUTES } from './routes/projects.js';
import { STATUS_ROUTES } from './routes/task-status.js';
import { PEOPLE_ROUTES } from './routes/task-people.js';
import { TASK_ROUTES } from './routes/tasks.js';
import { TEAM_ROUTES } from './routes/team.js';
import { USER_ROUTES } from './routes/users.js';
import { seedStore } from './seed.js';

export const PREFIX = '/awork/api/v1';

// STATUS_ROUTES first: its fixed /tasks/batch/... must win over /tasks/:id/...
export const ROUTING: Routing<Ctx> = {
  routes: [
    ...STATUS_ROUTES, ...USER_ROUTES, ...INVITATION_ROUTES, ...PROJECT_ROUTES, ...TASK_ROUTES,
    ...PEOPLE_ROUTES, ...FILE_ROUTES, ...TEAM_ROUTES,
  ],
  notFound,
  methodNotAllowed,
};

/** The whole awork error object: what the handler said, the rest from the catalog. */
function complete(err: ApiError, docs: Map<string, string>): ApiError {
  const sentence = docs.get(err.entryId);
  if (sentence === undefined) return err;
  const fields: Record<string, Json> = { description: sentence, link: '', details: [sentence], validationErrors: [], ...err.fields };
  return new ApiError(err.entryId, fields, err.headers, err.status);
}

export const awork: ApiModule = {
  api: 'awork',
  entries: ENTRIES,
  create: (ctx) => {
    // Each code's documented sentence (the server has checked the catalog has every entry).
    const docs = new Map(ctx.catalog.entries.map((e) => [e.id, e.doc.quote]));
    const store = seedStore(ctx.now);
    const handle = (req: RefRequest): RefResponse => {
      // The server cut a body above its own cap: nothing sensible can be read from it.
      if (req.truncated) checkSize(req);
      return dispatch(ROUTING, req, { p: authenticate(req, store), store });
    };
    return {
      api: 'awork',
      prefix: PREFIX,
      handle: (req) => {
        try {
          return handle(req);
        } catch (err) {
          throw err instanceof ApiError ? complete(err, docs) : err;
        }
      },
    };
  },
};
