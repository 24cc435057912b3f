/**
 * Routes: a path pattern with a handler per method. An unknown path is not-found; a known path
 * with another method is 405 with Allow (the page documents no error code for it, so that answer
 * has no awork error body). Patterns are tried in order, so fixed segments such as
 * `/tasks/batch/setStatus` must come before `/tasks/:id/setStatus`.
 */
import { json, match, type RefRequest, type RefResponse } from '../../http.js';
import type { Json } from '../../../src/catalog/types.js';
import type { Principal } from './auth.js';
import { fail } from './fail.js';
import type { Store } from './store.js';

export interface Call { req: RefRequest; params: Record<string, string>; p: Principal; store: Store }
export type Handler = (call: Call) => RefResponse;
export interface Route { pattern: string; methods: Partial<Record<string, Handler>> }

export function dispatch(routes: readonly Route[], req: RefRequest, p: Principal, store: Store): RefResponse {
  for (const route of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = match(route.pattern, req.path);
    } catch {
      params = undefined; // malformed percent-encoding names no resource
    }
    if (!params) continue;
    const handler = route.methods[req.method === 'HEAD' ? 'GET' : req.method];
    if (!handler) return { status: 405, headers: { Allow: allowed(route) } };
    return handler({ req, params, p, store });
  }
  throw fail('not-found', `No endpoint exists at ${req.method} ${req.originalPath}.`);
}

function allowed(route: Route): string {
  const methods = Object.keys(route.methods);
  if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  return methods.join(', ');
}

/** The entity `id` of the caller's team, or not-found (another team's entity is just as absent). */
export function find<T extends { teamId: string }>(store: Store, map: Map<string, T>, p: Principal, id: string, what: string): T {
  const v = store.inTeam(map, p.team.id, id.toLowerCase());
  if (!v) throw fail('not-found', `No ${what} with id ${id} exists.`);
  return v;
}

export const ok = (body: Json, headers: Record<string, string> = {}): RefResponse => json(200, body, headers);
export const noContent = (): RefResponse => ({ status: 204 });
