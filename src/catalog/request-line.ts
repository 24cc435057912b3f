/**
 * The request-line form of a request: `POST: /projects` (the method's name as the key, the path
 * as its value) stands for `method: POST` and `path: /projects`, the way an HTTP request line
 * starts. The loader rewrites every such request to `method` and `path` before the meta-schema
 * and everything after it read the catalog, so only where problems are reported still knows the
 * written form: `relocate` points a problem about the method or the path at the key as written.
 * A request with two method keys, or with a method key beside `method` or `path`, is left as it
 * is for the meta-schema to refuse (its `oneOf` allows exactly one of the forms).
 */
import type { DocPath } from './locate.js';
import type { Recipe, RequestTemplate } from './types.js';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where requests sit in a catalog file: each cause's request and its setup and teardown steps'. */
function* requests(data: unknown): Generator<[DocPath, Record<string, unknown>]> {
  const entries = isObject(data) && Array.isArray(data.entries) ? data.entries : [];
  for (const [i, e] of entries.entries()) {
    if (!isObject(e)) continue;
    const causes: [DocPath, unknown][] = Array.isArray(e.recipes) ? e.recipes.map((r, k): [DocPath, unknown] => [['entries', i, 'recipes', k], r]) : [[['entries', i, 'recipe'], e.recipe]];
    for (const [at, r] of causes) {
      if (!isObject(r)) continue;
      if (isObject(r.request)) yield [[...at, 'request'], r.request];
      for (const key of ['setup', 'teardown'] as const) {
        const steps = r[key];
        if (Array.isArray(steps)) for (const [j, s] of steps.entries()) if (isObject(s) && isObject(s.request)) yield [[...at, key, j, 'request'], s.request];
      }
    }
  }
}

/** The written form of the requests `rewrite` changed: request path -> its method key. */
export type RequestLines = Map<string, string>;

/** Rewrites, in place, every request written as `METHOD: path` to `method` and `path` first. */
export function rewriteRequestLines(data: unknown): RequestLines {
  const written: RequestLines = new Map();
  for (const [at, r] of requests(data)) {
    const keys = Object.keys(r).filter((k) => (HTTP_METHODS as readonly string[]).includes(k));
    if (keys.length !== 1 || 'method' in r || 'path' in r) continue;
    const method = keys[0]!;
    const { [method]: path, ...rest } = r;
    for (const k of Object.keys(r)) delete r[k];
    Object.assign(r, { method, path, ...rest });
    written.set(at.join('\0'), method);
  }
  return written;
}

/** A problem's path about a rewritten request's `method` or `path` names the method key written instead. */
export function relocate(path: DocPath, written: RequestLines): DocPath {
  for (let n = path.length - 1; n > 0; n--) {
    const key = written.get(path.slice(0, n).join('\0'));
    if (key === undefined) continue;
    return path[n] === 'method' || path[n] === 'path' ? [...path.slice(0, n), key, ...path.slice(n + 1)] : path;
  }
  return path;
}

/** A request as written back: `METHOD: path` first, then the rest (the form `rewriteRequestLines` reads). */
export function asRequestLine(r: RequestTemplate): RequestTemplate {
  if (!(HTTP_METHODS as readonly string[]).includes(r.method)) return r;
  const { method, path, ...rest } = r;
  // the file form, which the loaded type does not describe
  return { [method]: path, ...rest } as unknown as RequestTemplate;
}

/** A recipe with each of its requests (setup, provoking, teardown) in the one-line form. */
export function withRequestLines(r: Recipe): Recipe {
  const line = <T extends { request: RequestTemplate }>(s: T): T => ({ ...s, request: asRequestLine(s.request) });
  return { ...line(r), ...(r.setup ? { setup: r.setup.map(line) } : {}), ...(r.teardown ? { teardown: r.teardown.map(line) } : {}) };
}
