/**
 * `$filter` parsing and evaluation. Grammar (lowest precedence first):
 *   expr       := conj ('or' conj)*
 *   conj       := comparison ('and' comparison)*
 *   comparison := '(' expr ')' | field ('eq' | 'ne') literal
 *   literal    := 'string' | number | true | false | null
 * Fields must be ones the view lists; anything else is a 400 with the reason.
 */
import type { Value } from './data.js';
import { FilterError, lex, type Token } from './filter-lex.js';

export type Filter = (row: Record<string, Value>) => boolean;
export { FilterError };

const LITERALS: Record<string, Value> = { true: true, false: false, null: null };

export function parseFilter(src: string, fields: readonly string[]): Filter {
  const toks = lex(src);
  let i = 0;
  const peekWord = (w: string): boolean => { const t = toks[i]; return t?.kind === 'name' && t.text.toLowerCase() === w; };
  const where = (): string => (toks[i] ? `at position ${toks[i]!.at}` : 'at the end');

  function expr(): Filter {
    let left = conj();
    while (peekWord('or')) { i++; const l = left, r = conj(); left = (x) => l(x) || r(x); }
    return left;
  }
  function conj(): Filter {
    let left = comparison();
    while (peekWord('and')) { i++; const l = left, r = comparison(); left = (x) => l(x) && r(x); }
    return left;
  }
  function comparison(): Filter {
    const t = toks[i];
    if (t?.kind === '(') {
      i++;
      const inner = expr();
      if (toks[i]?.kind !== ')') throw new FilterError(`expected ')' ${where()}`);
      i++;
      return inner;
    }
    if (t?.kind !== 'name') throw new FilterError(`expected a field name ${where()}`);
    if (!fields.includes(t.text)) throw new FilterError(`unknown field '${t.text}' (this view lists ${fields.join(', ')})`);
    i++;
    const op = peekWord('eq') ? 'eq' : peekWord('ne') ? 'ne' : undefined;
    if (!op) throw new FilterError(`expected 'eq' or 'ne' ${where()}`);
    i++;
    const want = literal();
    const field = t.text;
    return op === 'eq' ? (x) => x[field] === want : (x) => x[field] !== want;
  }
  function literal(): Value {
    const t: Token | undefined = toks[i++];
    if (t?.kind === 'string' || t?.kind === 'number') return t.value;
    if (t?.kind === 'name' && t.text in LITERALS) return LITERALS[t.text]!;
    i--;
    throw new FilterError(`expected a value ('text', a number, true, false or null) ${where()}`);
  }

  if (toks.length === 0) throw new FilterError('empty expression');
  const f = expr();
  if (i < toks.length) throw new FilterError(`unexpected input ${where()}`);
  return f;
}
