/**
 * Tokens of a `$filter` expression (an OData-like subset): names, 'strings' with '' as the
 * escaped quote, numbers, parentheses. Keywords (and, or, eq, ne, true, false, null) are names
 * the parser recognises.
 */
export type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: '(' | ')'; at: number };

export class FilterError extends Error {}

export function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { out.push({ kind: c, at: i++ }); continue; }
    if (c === "'") { const [value, next] = str(src, i); out.push({ kind: 'string', value, at: i }); i = next; continue; }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ kind: 'number', value: Number(num[0]), at: i }); i += num[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) { out.push({ kind: 'name', text: name[0], at: i }); i += name[0].length; continue; }
    throw new FilterError(`unexpected character '${c}' at position ${i}`);
  }
  return out;
}

/** A quoted string starting at `start`; returns its value and the index after the closing quote. */
function str(src: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === "'") {
      if (src[i + 1] === "'") { value += "'"; i += 2; continue; }
      return [value, i + 1];
    }
    value += src[i++];
  }
  throw new FilterError(`unterminated string starting at position ${start}`);
}
