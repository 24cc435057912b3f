/**
 * A tiny router: a path pattern with its handlers per method. An unknown path is 404; a known
 * path with another method is 405 with `Allow` listing exactly what the path supports (HEAD
 * wherever GET is, since node:http answers HEAD from the GET response without its body).
 */
import type { RefRequest, RefResponse } from '../../http.js';
import { route, type RouteOf } from '../../router.js';
import { cmixError, ENTRY } from './errors.js';
import type { Identity } from './fixtures.js';
import type { CmixState } from './state.js';

export interface Call { req: RefRequest; params: Record<string, string>; who: Identity; state: CmixState }
export type Handler = (call: Call) => RefResponse;
export type Route = RouteOf<Handler>;

export function dispatch(routes: readonly Route[], req: RefRequest, who: Identity, state: CmixState): RefResponse {
  const found = route(routes, req);
  if (found.kind === 'handler') return found.handler({ req, params: found.params, who, state });
  if (found.kind === 'method-not-allowed') {
    throw cmixError(ENTRY.methodNotAllowed, `Method ${req.method} is not permitted for ${req.originalPath}.`, undefined, { Allow: found.allow });
  }
  throw cmixError(ENTRY.notFound, `No resource exists at ${req.originalPath}.`);
}

/** Integer ids as cmix uses them; anything else names no resource. */
export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
}
