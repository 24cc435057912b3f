/**
 * Answers a list request: `filterby`, then `orderby`, then `page`/`pageSize` (1-based, default
 * 1 and 50, pageSize at most 1000). The total before paging goes into X-Total-Count: the page
 * says nothing about paging metadata, so the header name is the reference target's choice.
 */
import type { RefRequest, RefResponse } from '../../../http.js';
import { failed } from '../check.js';
import { fail } from '../fail.js';
import { matches, type Item } from './evaluate.js';
import { QueryError, type FieldSpec } from './fields.js';
import { parseOrder, sortItems } from './order.js';
import { parseFilter } from './parse.js';

export const MAX_PAGE_SIZE = 1000;

export function listResponse(req: RefRequest, items: Item[], spec: FieldSpec): RefResponse {
  const { page, pageSize } = paging(req);
  let out = items;
  try {
    const filter = req.query.get('filterby');
    if (filter !== null && filter.trim() !== '') {
      const node = parseFilter(filter, spec);
      out = out.filter((i) => matches(node, i));
    }
    const order = req.query.get('orderby');
    if (order !== null && order.trim() !== '') out = sortItems(out, parseOrder(order, spec));
  } catch (err) {
    if (err instanceof QueryError) throw fail('invalid-filter-or-order', err.detail);
    throw err;
  }
  const body = out.slice((page - 1) * pageSize, page * pageSize);
  return { status: 200, body, headers: { 'X-Total-Count': String(out.length) } };
}

function paging(req: RefRequest): { page: number; pageSize: number } {
  const read = (name: 'page' | 'pageSize', dflt: number): number => {
    const raw = req.query.get(name);
    if (raw === null || raw === '') return dflt;
    if (!/^-?\d{1,9}$/.test(raw)) throw failed([{ property: name, message: `'${name}' must be a whole number.` }]);
    return Number(raw);
  };
  const page = read('page', 1);
  const pageSize = read('pageSize', 50);
  if (page < 1) throw fail('value-out-of-range', `page must be 1 or more, not ${page}.`);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw fail('value-out-of-range', `pageSize must lie between 1 and ${MAX_PAGE_SIZE}, not ${pageSize}.`);
  return { page, pageSize };
}
