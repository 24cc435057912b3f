/**
 * The CPM read endpoints: storage information, element lists of a facet's view, and an
 * element's info and content. Every lookup that misses is 404, naming what was not found.
 */
import type { Json } from '../../../src/catalog/types.js';
import { match, type RefRequest, type RefResponse } from '../../http.js';
import { COLLECTION, FACETS, row, STORAGE, VIEWS, type Element, type Facet } from './data.js';
import { notFound } from './errors.js';
import { listOptions } from './query.js';

const ok = (type: string, data: Json, output: Json = null): RefResponse => ({ status: 200, body: { message: 'OK', type, output, data } });

export function route(req: RefRequest): RefResponse {
  const path = req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
  if (req.method === 'POST' && path === '/facets') {
    return ok('storage', FACETS.map((f) => ({ id: f.id, name: f.name, views: Object.keys(VIEWS) })), { collection: COLLECTION, storage: STORAGE });
  }
  if (req.method === 'GET') {
    let p = match('/facets/:facet/views/:view/elements', path);
    if (p) return list(req, facetView(p, req));
    p = match('/facets/:facet/views/:view/elements/:element/:part', path);
    if (p && (p.part === 'info' || p.part === 'content')) return part(p.part, element(facetView(p, req), p.element!, req), p.view!);
  }
  // No 405 on the page: a method a path does not serve is an unknown address there.
  throw notFound(req.originalPath);
}

function facetView(p: Record<string, string>, req: RefRequest): { facet: Facet; view: string } {
  const facet = FACETS.find((f) => f.id === p.facet);
  if (!facet || !(p.view! in VIEWS)) throw notFound(req.originalPath);
  return { facet, view: p.view! };
}

function element(fv: { facet: Facet; view: string }, id: string, req: RefRequest): { facet: Facet; e: Element } {
  const e = fv.facet.elements.find((x) => x.id === id);
  if (!e) throw notFound(req.originalPath);
  return { facet: fv.facet, e };
}

function list(req: RefRequest, { facet, view }: { facet: Facet; view: string }): RefResponse {
  const fields = VIEWS[view]!;
  const o = listOptions(req.query, fields);
  const rows = facet.elements.map((e) => row(facet, e, view)).filter((r) => !o.filter || o.filter(r));
  const start = (o.page - 1) * o.pageSize;
  const data = rows.slice(start, start + o.pageSize).map((r) => Object.fromEntries(o.select.map((f) => [f, r[f] ?? null])));
  return ok('elements', data, { page: o.page, pageSize: o.pageSize, total: rows.length });
}

function part(which: 'info' | 'content', { facet, e }: { facet: Facet; e: Element }, view: string): RefResponse {
  if (which === 'info') return ok('info', { ...row(facet, e, 'detail'), facet: facet.id, view });
  const children = facet.elements.filter((c) => c.parentId === e.id).map((c) => ({ id: c.id, name: c.name }));
  return ok('content', { id: e.id, name: e.name, description: e.description, children });
}
