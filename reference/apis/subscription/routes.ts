/**
 * A small router: a path pattern with its handlers per method. An unknown path is the Common
 * catalog's GENERAL_NOTFOUND_PATH; a known path with another method is an (undocumented) 405
 * with `Allow`. HEAD is answered as GET (node:http drops the body).
 */
import type { RefRequest, RefResponse } from '../../http.js';
import { route, type RouteOf } from '../../router.js';
import { fail, problemReply } from './errors.js';
import type { User } from './fixtures.js';
import type { SubscriptionState } from './state.js';

export interface Call { req: RefRequest; params: Record<string, string>; user: User; state: SubscriptionState }
export type Handler = (call: Call) => RefResponse;
export type Route = RouteOf<Handler>;

/** How the API names its own paths: the mount prefix of the shared server is not part of it. */
export const API_ROOT = '/intelligence/api';

export function dispatch(routes: readonly Route[], req: RefRequest, user: User, state: SubscriptionState): RefResponse {
  const found = route(routes, req);
  if (found.kind === 'handler') return found.handler({ req, params: found.params, user, state });
  if (found.kind === 'method-not-allowed') {
    throw problemReply(405, 'Method not allowed.', `Method ${req.method} is not supported for ${API_ROOT}${req.path}.`, { Allow: found.allow });
  }
  throw fail('GENERAL_NOTFOUND_PATH', { title: 'Path not found.', detail: `Path ${API_ROOT}${req.path} not found` });
}
