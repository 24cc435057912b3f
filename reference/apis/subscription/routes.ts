/**
 * A small router: a path pattern with its handlers per method. An unknown path is the Common
 * catalog's GENERAL_NOTFOUND_PATH; a known path with another method is an (undocumented) 405
 * with `Allow`. HEAD is answered as GET (node:http drops the body).
 */
import { match, type RefRequest, type RefResponse } from '../../http.js';
import { fail, problemReply } from './errors.js';
import type { User } from './fixtures.js';
import type { SubscriptionState } from './state.js';

export interface Call { req: RefRequest; params: Record<string, string>; user: User; state: SubscriptionState }
export type Handler = (call: Call) => RefResponse;
export interface Route { pattern: string; methods: Partial<Record<string, Handler>> }

/** How the API names its own paths: the mount prefix of the shared server is not part of it. */
export const API_ROOT = '/intelligence/api';

export function dispatch(routes: readonly Route[], req: RefRequest, user: User, state: SubscriptionState): RefResponse {
  for (const route of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = match(route.pattern, req.path);
    } catch {
      params = undefined; // malformed percent-encoding names no resource
    }
    if (!params) continue;
    const handler = route.methods[req.method === 'HEAD' ? 'GET' : req.method];
    if (!handler) {
      const allow = Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
      throw problemReply(405, 'Method not allowed.', `Method ${req.method} is not supported for ${API_ROOT}${req.path}.`, { Allow: allow });
    }
    return handler({ req, params, user, state });
  }
  throw fail('GENERAL_NOTFOUND_PATH', { title: 'Path not found.', detail: `Path ${API_ROOT}${req.path} not found` });
}
