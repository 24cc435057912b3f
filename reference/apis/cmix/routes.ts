/**
 * A tiny router: a path pattern with its handlers per method. An unknown path is 404; a known
 * path with another method is 405 with `Allow` listing exactly what the path supports (HEAD
 * wherever GET is, since node:http answers HEAD from the GET response without its body).
 */
import { match, type RefRequest, type RefResponse } from '../../http.js';
import { cmixError, ENTRY } from './errors.js';
import type { Identity } from './fixtures.js';
import type { CmixState } from './state.js';

export interface Call { req: RefRequest; params: Record<string, string>; who: Identity; state: CmixState }
export type Handler = (call: Call) => RefResponse;
export interface Route { pattern: string; methods: Partial<Record<string, Handler>> }

export function allowed(route: Route): string {
  const methods = Object.keys(route.methods);
  if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  return methods.join(', ');
}

export function dispatch(routes: readonly Route[], req: RefRequest, who: Identity, state: CmixState): RefResponse {
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
      throw cmixError(ENTRY.methodNotAllowed, `Method ${req.method} is not permitted for ${req.originalPath}.`, undefined, { Allow: allowed(route) });
    }
    return handler({ req, params, who, state });
  }
  throw cmixError(ENTRY.notFound, `No resource exists at ${req.originalPath}.`);
}

/** Integer ids as cmix uses them; anything else names no resource. */
export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : undefined;
}
