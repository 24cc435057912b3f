/** The route table's shape and its dispatcher. An unknown path, or a known one with another method, is 404. */
import { match, type RefRequest, type RefResponse } from '../../http.js';
import { notFound } from './errors.js';
import type { Caller, Identities } from './identities.js';
import type { Store } from './store.js';

/** What every handler gets besides the request. */
export interface Ctx {
  caller: Caller;
  store: Store;
  ids: Identities;
  now(): number;
}

export interface Route {
  method: string;
  pattern: string;
  handle(req: RefRequest, params: Record<string, string>, ctx: Ctx): RefResponse;
}

export function dispatch(routes: readonly Route[], req: RefRequest, ctx: Ctx): RefResponse {
  const path = req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
  for (const r of routes) {
    if (r.method !== req.method) continue;
    const params = match(r.pattern, path);
    if (params) return r.handle(req, params, ctx);
  }
  // The page documents no 405: a URL that serves no such request is "invalid" in its 404 sense.
  throw notFound();
}
