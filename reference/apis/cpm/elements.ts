/**
 * The CPM read endpoints: storage information, element lists of a facet's view, and an
 * element's info and content. Every lookup that misses is 404, naming what was not found.
 */
import type { Json } from '../../../src/catalog/types.js';
import type { RefRequest, RefResponse } from '../../http.js';
import type { Routing } from '../../router.js';
import { COLLECTION, FACETS, row, STORAGE, VIEWS, type Element, type Facet } from './data.js';
import { notFound } from './errors.js';
import { listOptions } from './query.js';

const ok = (type: string, data: Json, output: Json = null): RefResponse => ({ status: 200, body: { message: 'OK', type, output, data } });

/** CPM's handlers need nothing beyond the request: its storage is read-only fixtures. */
type Ctx = Record<never, never>;

// No 405 on the page: a method a path does not serve is an unknown address there. A trailing
// slash is ignored.
export const ROUTING: Routing<Ctx> = {
  routes: [
    {
      pattern: '/facets',
      methods: {
        POST: () => ok('storage', FACETS.map((f) => ({ id: f.id, name: f.name, views: Object.keys(VIEWS) })), { collection: COLLECTION, storage: STORAGE }),
      },
    },
    {
      pattern: '/facets/:facet/views/:view/elements',
      methods: { GET: ({ req, params }) => list(req, facetView(params, req)) },
    },
    {
      pattern: '/facets/:facet/views/:view/elements/:element/:part',
      methods: {
        GET: ({ req, params }) => {
          if (params.part !== 'info' && params.part !== 'content') throw notFound(req.originalPath);
          return part(params.part, element(facetView(params, req), params.element!, req), params.view!);
        },
      },
    },
  ],
  notFound: (req) => { throw notFound(req.originalPath); },
  ignoreTrailingSlash: true,
};

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
