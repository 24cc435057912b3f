/** The listing options of CPM: `$filter`, `$select`, `$page` (from 1) and `$pageSize`. */
import { badRequest } from './errors.js';
import { FilterError, parseFilter, type Filter } from './filter.js';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export interface ListOptions { filter?: Filter; select: readonly string[]; page: number; pageSize: number }

export function listOptions(query: URLSearchParams, fields: readonly string[]): ListOptions {
  const opts: ListOptions = { select: fields, page: int(query, '$page', 1, 1, Infinity), pageSize: int(query, '$pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE) };
  const filter = query.get('$filter');
  if (filter !== null) {
    try {
      opts.filter = parseFilter(filter, fields);
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
      throw badRequest(`Invalid $filter: ${err.message}.`);
    }
  }
  const select = query.get('$select');
  if (select !== null) {
    const wanted = select.split(',').map((s) => s.trim());
    const unknown = wanted.filter((f) => !fields.includes(f));
    if (unknown.length || wanted.includes('')) throw badRequest(`Invalid $select: unknown field(s) ${unknown.map((f) => `'${f}'`).join(', ') || "''"} (this view lists ${fields.join(', ')}).`);
    opts.select = wanted;
  }
  return opts;
}

function int(query: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return dflt;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw badRequest(`Invalid ${name}: '${raw}' is not an integer from ${min}${max === Infinity ? '' : ` to ${max}`}.`);
  }
  return Number(raw);
}
