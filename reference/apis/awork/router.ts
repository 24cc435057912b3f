/**
 * awork's routing (reference/router.ts's table shape): an unknown path is not-found; a known path
 * with another method is 405 with Allow (the page documents no error code for it, so that answer
 * has no awork error body). Patterns are tried in order, so fixed segments such as
 * `/tasks/batch/setStatus` must come before `/tasks/:id/setStatus`.
 */
import { json, type RefRequest, type RefResponse } from '../../http.js';
import type { Call as RouterCall, Route as RouterRoute } from '../../router.js';
import type { Json } from '../../../src/catalog/types.js';
import type { Principal } from './auth.js';
import { fail } from './fail.js';
import type { Store } from './store.js';

export interface Ctx { p: Principal; store: Store }
export type Call = RouterCall<Ctx>;
export type Route = RouterRoute<Ctx>;

export function notFound(req: RefRequest): RefResponse {
  throw fail('not-found', `No endpoint exists at ${req.method} ${req.originalPath}.`);
}

export function methodNotAllowed(_req: RefRequest, allow: string): RefResponse {
  return { status: 405, headers: { Allow: allow } };
}

/** The entity `id` of the caller's team, or not-found (another team's entity is just as absent). */
export function find<T extends { teamId: string }>(store: Store, map: Map<string, T>, p: Principal, id: string, what: string): T {
  const v = store.inTeam(map, p.team.id, id.toLowerCase());
  if (!v) throw fail('not-found', `No ${what} with id ${id} exists.`);
  return v;
}

export const ok = (body: Json, headers: Record<string, string> = {}): RefResponse => json(200, body, headers);
export const noContent = (): RefResponse => ({ status: 204 });
