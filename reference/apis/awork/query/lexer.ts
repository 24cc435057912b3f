/**
 * Tokens of a `filterby` expression (OData-like, as awork uses): names, 'single-quoted' strings
 * with '' as an escaped quote, numbers, parentheses and commas.
 */
import { QueryError } from './fields.js';

export type Token =
  | { t: 'name'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: '(' | ')' | ','; pos: number };

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: c, pos: i }); i++; continue; }
    if (c === "'") { i = readString(src, i, out); continue; }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'number', v: Number(num[0]), pos: i }); i += num[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) { out.push({ t: 'name', v: name[0], pos: i }); i += name[0].length; continue; }
    throw new QueryError('filterby', `unexpected character '${c}'`, i);
  }
  return out;
}

function readString(src: string, start: number, out: Token[]): number {
  let v = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new QueryError('filterby', 'unterminated string', start);
    if (src[i] === "'") {
      if (src[i + 1] === "'") { v += "'"; i += 2; continue; }
      out.push({ t: 'string', v, pos: start });
      return i + 1;
    }
    v += src[i];
    i++;
  }
}
