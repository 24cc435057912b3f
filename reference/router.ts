/**
 * Routing shared by the reference APIs. Every API lists its routes in one table shape, a path
 * pattern with a handler per method, and answers through `dispatch`: the first route whose
 * pattern matches the path is taken, its handler for the method is called (HEAD is served by
 * GET, as node:http drops the body), and each API says what its own 404 and 405 look like.
 */
import { match, type RefRequest, type RefResponse } from './http.js';

/** What a handler gets: the request, the path's `:params`, and the API's own context. */
export type Call<C> = C & { req: RefRequest; params: Record<string, string> };
export type Handler<C> = (call: Call<C>) => RefResponse;
export interface RouteOf<H> { pattern: string; methods: Partial<Record<string, H>> }
export type Route<C> = RouteOf<Handler<C>>;

export interface Routing<C> {
  routes: readonly Route<C>[];
  /** a path no route matches; throws (an ApiError) or answers */
  notFound(req: RefRequest): RefResponse;
  /** a known path asked with another method; omitted: the API documents no 405, so it is notFound */
  methodNotAllowed?(req: RefRequest, allow: string): RefResponse;
  /** match `/a/b/` as `/a/b` (the APIs whose pages treat them alike) */
  ignoreTrailingSlash?: boolean;
}

type Found<H> =
  | { kind: 'handler'; handler: H; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

/** `Allow` for a route: its methods, with HEAD wherever GET is. */
export function allowHeader<H>(route: RouteOf<H>): string {
  return Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
}

function route<H>(routes: readonly RouteOf<H>[], method: string, path: string): Found<H> {
  for (const r of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = match(r.pattern, path);
    } catch {
      params = undefined; // malformed percent-encoding names no resource
    }
    if (!params) continue;
    const handler = r.methods[method === 'HEAD' ? 'GET' : method];
    return handler ? { kind: 'handler', handler, params } : { kind: 'method-not-allowed', allow: allowHeader(r) };
  }
  return { kind: 'not-found' };
}

/** Answer `req` from the routing table, handing `ctx` to the handler. */
export function dispatch<C extends object>(routing: Routing<C>, req: RefRequest, ctx: C): RefResponse {
  const path = routing.ignoreTrailingSlash && req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
  const found = route(routing.routes, req.method, path);
  if (found.kind === 'handler') return found.handler({ ...ctx, req, params: found.params });
  if (found.kind === 'method-not-allowed' && routing.methodNotAllowed) return routing.methodNotAllowed(req, found.allow);
  return routing.notFound(req);
}
