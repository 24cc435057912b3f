/**
 * Routing shared by the reference APIs: find the route whose pattern matches the path, and the
 * handler for the method (HEAD served by GET, as node:http drops the body). Each API decides
 * what its own 404 and 405 look like.
 */
import { match, type RefRequest } from './http.js';

export interface RouteOf<H> { pattern: string; methods: Partial<Record<string, H>> }

export type Found<H> =
  | { kind: 'handler'; handler: H; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

/** `Allow` for a route: its methods, with HEAD wherever GET is. */
export function allowHeader<H>(route: RouteOf<H>): string {
  return Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
}

export function route<H>(routes: readonly RouteOf<H>[], req: RefRequest): Found<H> {
  for (const r of routes) {
    let params: Record<string, string> | undefined;
    try {
      params = match(r.pattern, req.path);
    } catch {
      params = undefined; // malformed percent-encoding names no resource
    }
    if (!params) continue;
    const handler = r.methods[req.method === 'HEAD' ? 'GET' : req.method];
    return handler ? { kind: 'handler', handler, params } : { kind: 'method-not-allowed', allow: allowHeader(r) };
  }
  return { kind: 'not-found' };
}

/** A module that answers with catalog entries must find them all at start, not at first use. */
export function requireEntries(api: string, known: { id: string }[], needed: string[]): void {
  const have = new Set(known.map((e) => e.id));
  const lost = needed.filter((id) => !have.has(id));
  if (lost.length) throw new Error(`${api} reference target: catalog lacks entries ${lost.join(', ')}`);
}
