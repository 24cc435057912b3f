/**
 * cmix on the reference target (prefix /cmix): surveys, their archives, and projects, over real
 * in-memory state. Every request passes the same gates in the same order, so the error a client
 * gets does not depend on which endpoint it hit:
 *   406 (Accept rules out JSON: no error body could be sent acceptably anyway)
 *   → 401 (no valid bearer token; before routing, so anonymous callers learn nothing of paths)
 *   → 404 unknown path / 405 known path, other method
 *   → per handler: 404 unknown resource → 403 role → 415/400 body → 400 missing fields → 422.
 */
import type { ApiModule } from '../../api.js';
import { header, type RefRequest } from '../../http.js';
import { dispatch, type Routing } from '../../router.js';
import { authenticate } from './auth.js';
import { ENTRIES, notAcceptable } from './errors.js';
import { acceptsJson } from './negotiate.js';
import { PROJECT_ROUTES } from './projects.js';
import { methodNotAllowed, notFound, type Ctx } from './routes.js';
import { CmixState } from './state.js';
import { SURVEY_ROUTES } from './surveys.js';

export const ROUTING: Routing<Ctx> = { routes: [...SURVEY_ROUTES, ...PROJECT_ROUTES], notFound, methodNotAllowed };

export const cmix: ApiModule = {
  api: 'cmix',
  entries: ENTRIES,
  create: (ctx) => {
    const state = new CmixState(ctx.now);
    return {
      api: 'cmix',
      prefix: '/cmix',
      handle: (req: RefRequest) => {
        if (!acceptsJson(header(req, 'accept'))) throw notAcceptable();
        const who = authenticate(req);
        return dispatch(ROUTING, req, { who, state });
      },
    };
  },
};
