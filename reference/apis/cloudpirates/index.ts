/**
 * CloudPirates on the reference target (prefix /cloudpirates/v1): identities with API keys and
 * Bearer tokens, workspaces with Owner/Member/Viewer members, ajv request validation, and an
 * event-sourced store whose read model lags writes by `lagMs` (default 300 ms).
 * Order of gates: 401 (before routing, so anonymous callers learn nothing of paths) → 404 route
 * → per handler: 400 body (ajv) → 404 resource → 403 role.
 */
import type { ApiModule } from '../../api.js';
import type { RefRequest } from '../../http.js';
import { dispatch, type Routing } from '../../router.js';
import { ACCOUNT_ROUTES } from './account.js';
import { authenticate } from './auth.js';
import { ENTRIES } from './errors.js';
import { Identities } from './identities.js';
import { MEMBER_ROUTES } from './members.js';
import { notFound, type Ctx } from './routes.js';
import { Store } from './store.js';
import { WORKSPACE_ROUTES } from './workspaces.js';

export const ROUTING: Routing<Ctx> = { routes: [...ACCOUNT_ROUTES, ...WORKSPACE_ROUTES, ...MEMBER_ROUTES], notFound, ignoreTrailingSlash: true };

export const cloudpirates: ApiModule = {
  api: 'cloudpirates',
  entries: ENTRIES,
  create: (ctx) => {
    const ids = new Identities(ctx.now);
    const store = new Store(ctx.now, () => ctx.options.lagMs);
    return {
      api: 'cloudpirates',
      prefix: '/cloudpirates/v1',
      handle: (req: RefRequest) => {
        const caller = authenticate(req, ids);
        return dispatch(ROUTING, req, { caller, store, ids, now: ctx.now });
      },
    };
  },
};
