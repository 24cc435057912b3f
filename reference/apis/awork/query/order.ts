/**
 * `orderby`: a comma-separated list of `property [asc|desc]`. Nulls sort first ascending (and
 * last descending); ties keep creation order, so paging is stable.
 */
import type { Literal } from './parse.js';
import { compareValues, type Item } from './evaluate.js';
import { QueryError, resolveField, type FieldSpec, type FieldType } from './fields.js';

export interface SortKey { field: string; type: FieldType; desc: boolean }

export function parseOrder(src: string, spec: FieldSpec): SortKey[] {
  let pos = 0;
  return src.split(',').map((part) => {
    const at = pos + (part.length - part.trimStart().length);
    pos += part.length + 1;
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 2) throw new QueryError('orderby', 'expected "property [asc|desc]"', at);
    const field = resolveField(spec, words[0]!);
    if (!field) throw new QueryError('orderby', `unknown property '${words[0]}' (known: ${Object.keys(spec).join(', ')})`, at);
    const dir = (words[1] ?? 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new QueryError('orderby', `sort direction must be asc or desc, not '${words[1]}'`, at);
    return { field, type: spec[field]!, desc: dir === 'desc' };
  });
}

export function sortItems(items: Item[], keys: SortKey[]): Item[] {
  // Array.prototype.sort is stable, so equal keys keep creation order.
  return [...items].sort((x, y) => {
    for (const k of keys) {
      const a = (x[k.field] ?? null) as Literal;
      const b = (y[k.field] ?? null) as Literal;
      const c = a === null ? (b === null ? 0 : -1) : b === null ? 1 : compareValues(k.type, a, b);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}
