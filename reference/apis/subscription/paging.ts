/**
 * Paging (`page` from 0, `pageSize` 1..200) and `sort` for the list endpoints. `sort` is a
 * comma-separated list of fields, each optionally prefixed with + or -. A `+` sent unencoded in a
 * query string arrives as a space, so surrounding whitespace is read as "ascending".
 */
import type { Json } from '../../../src/catalog/types.js';
import type { RefRequest } from '../../http.js';
import { fail, sizeViolation, typeMismatch } from './errors.js';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

export interface SortKey { field: string; desc: boolean }
export interface PageQuery { page: number; pageSize: number; sort: SortKey[] }

function integer(req: RefRequest, name: string, fallback: number): number {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  if (!/^[+-]?\d{1,9}$/.test(raw.trim())) throw typeMismatch(name, 'Integer');
  return Number(raw);
}

export function sortKeys(raw: string | null, sortable: readonly string[]): SortKey[] {
  if (raw === null) return [];
  if (raw.trim() === '') throw fail('SORT_IS_EMPTY');
  if (/[^A-Za-z0-9_.,+\- ]/.test(raw)) throw fail('GENERAL_CHARS_NOTALLOWED');
  const keys = raw.split(',').map((part) => {
    const m = /^([+-]?)([A-Za-z0-9_.]+)$/.exec(part.trim());
    if (!m) throw part.trim() === '' ? fail('SORT_IS_EMPTY') : fail('GENERAL_CHARS_NOTALLOWED');
    return { field: m[2]!, desc: m[1] === '-' };
  });
  const unknown = keys.filter((k) => !sortable.includes(k.field)).map((k) => k.field);
  if (unknown.length) throw fail('SORT_UNKNOWN_FIELD', { detail: `These fields don't exist at the given record [${unknown.join(', ')}].` });
  if (keys.some((k) => keys.some((o) => o.field === k.field && o.desc !== k.desc))) throw fail('SORT_HAS_OPPOSITE');
  return keys;
}

export function pageQuery(req: RefRequest, sortable: readonly string[]): PageQuery {
  const page = integer(req, 'page', 0);
  const pageSize = integer(req, 'pageSize', DEFAULT_PAGE_SIZE);
  if (page < 0) throw fail('GENERAL_CONSTRAINT_VIOLATION-size', { detail: '[page: must be greater than or equal to 0]' });
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw sizeViolation('pageSize', 1, MAX_PAGE_SIZE);
  return { page, pageSize, sort: sortKeys(req.query.get('sort'), sortable) };
}

function compare(a: Json | undefined, b: Json | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

/** One page of `items` (views, sorted by their fields, then by id for a stable order). */
export function pageOf(items: Record<string, Json>[], q: PageQuery): Json {
  const keys = [...q.sort, { field: 'id', desc: false }];
  const sorted = [...items].sort((a, b) => {
    for (const k of keys) {
      const c = compare(a[k.field], b[k.field]);
      if (c) return k.desc ? -c : c;
    }
    return 0;
  });
  const content = sorted.slice(q.page * q.pageSize, (q.page + 1) * q.pageSize);
  return { content, page: q.page, pageSize: q.pageSize, total: items.length };
}
