/**
 * limit/offset pagination with the total in `x-Total` and neighbours in `Link` (RFC 8288), as
 * CloudPirates lists do. Links are relative references to the same path, so they hold behind
 * any mount prefix or proxy.
 */
import type { Json } from '../../../src/catalog/types.js';
import type { RefRequest, RefResponse } from '../../http.js';
import { check } from './validate.js';

export interface Page { limit: number; offset: number }

export function pageOf(req: RefRequest): Page {
  const q: Record<string, string> = {};
  for (const k of ['limit', 'offset']) {
    const v = req.query.get(k);
    if (v !== null) q[k] = v;
  }
  return check<Page>('page', q);
}

export function paged(req: RefRequest, items: Json[], page: Page): RefResponse {
  const { limit, offset } = page;
  const links: string[] = [];
  const at = (o: number, rel: string): string => {
    const q = new URLSearchParams(req.query);
    q.set('limit', String(limit));
    q.set('offset', String(o));
    return `<${req.originalPath}?${q.toString()}>; rel="${rel}"`;
  };
  if (offset + limit < items.length) links.push(at(offset + limit, 'next'));
  if (offset > 0) links.push(at(Math.max(0, offset - limit), 'prev'));
  const headers: Record<string, string> = { 'x-Total': String(items.length) };
  if (links.length) headers.Link = links.join(', ');
  return { status: 200, headers, body: items.slice(offset, offset + limit) };
}
