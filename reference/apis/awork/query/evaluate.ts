/**
 * Evaluates a parsed filter against one item of a list. Text compares case-insensitively, as
 * awork's database collation does; null equals only null and is never greater or smaller.
 */
import type { Json } from '../../../../src/catalog/types.js';
import { toMs } from '../dates.js';
import type { Literal, Node } from './parse.js';
import type { FieldType } from './fields.js';

export type Item = { [key: string]: Json };

export function matches(node: Node, item: Item): boolean {
  switch (node.k) {
    case 'and': return matches(node.a, item) && matches(node.b, item);
    case 'or': return matches(node.a, item) || matches(node.b, item);
    case 'not': return !matches(node.a, item);
    case 'fn': {
      const v = item[node.field];
      if (typeof v !== 'string') return false;
      const hay = v.toLowerCase();
      const needle = node.value.toLowerCase();
      return node.fn === 'substringof' ? hay.includes(needle) : node.fn === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
    }
    case 'cmp': {
      const v = item[node.field] ?? null;
      if (node.value === null || v === null) {
        const same = node.value === null && v === null;
        return node.op === 'eq' ? same : node.op === 'ne' ? !same : false;
      }
      const c = compareValues(node.type, v as Literal, node.value);
      switch (node.op) {
        case 'eq': return c === 0;
        case 'ne': return c !== 0;
        case 'gt': return c > 0;
        case 'ge': return c >= 0;
        case 'lt': return c < 0;
        case 'le': return c <= 0;
      }
    }
  }
}

/** Order two non-null values of a field's type; also used by orderby. */
export function compareValues(type: FieldType, a: Literal, b: Literal): number {
  if (type === 'date') return Math.sign(toMs(String(a)) - toMs(String(b)));
  if (type === 'number') return Math.sign(Number(a) - Number(b));
  if (type === 'boolean') return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
