/**
 * `filterby` grammar (OData-like, keywords case-insensitive):
 *   expr    := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | '(' expr ')' | call | compare
 *   compare := field ('eq'|'ne'|'gt'|'ge'|'lt'|'le') literal
 *   call    := 'substringof' '(' string ',' field ')' | ('startswith'|'endswith') '(' field ',' string ')'
 *   literal := 'string' | number | true | false | null
 * Fields come from the list's FieldSpec and literals must fit their type (dates as strings),
 * so a filter that parses also evaluates without surprises.
 */
import { isDate } from '../dates.js';
import { QueryError, resolveField, type FieldSpec, type FieldType } from './fields.js';
import { tokenize, type Token } from './lexer.js';

export type Literal = string | number | boolean | null;
export type Op = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Fn = 'substringof' | 'startswith' | 'endswith';
export type Node =
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'not'; a: Node }
  | { k: 'cmp'; op: Op; field: string; type: FieldType; value: Literal }
  | { k: 'fn'; fn: Fn; field: string; value: string };

const OPS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const FNS: readonly string[] = ['substringof', 'startswith', 'endswith'];

export function parseFilter(src: string, spec: FieldSpec): Node {
  const p = new Parser(tokenize(src), spec, src.length);
  const node = p.expr();
  p.end();
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[], private readonly spec: FieldSpec, private readonly len: number) {}

  private err(message: string, tok?: Token): never {
    throw new QueryError('filterby', message, tok?.pos ?? this.len);
  }
  private peek(): Token | undefined { return this.toks[this.i]; }
  private next(what: string): Token { return this.toks[this.i++] ?? this.err(`expected ${what} but the expression ended`); }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t?.t === 'name' && t.v.toLowerCase() === word) { this.i++; return true; }
    return false;
  }
  private expect(kind: '(' | ')' | ','): void {
    const t = this.next(`'${kind}'`);
    if (t.t !== kind) this.err(`expected '${kind}'`, t);
  }

  end(): void {
    const t = this.peek();
    if (t) this.err('unexpected token after the end of the expression', t);
  }

  expr(): Node {
    let a = this.and();
    while (this.keyword('or')) a = { k: 'or', a, b: this.and() };
    return a;
  }

  private and(): Node {
    let a = this.unary();
    while (this.keyword('and')) a = { k: 'and', a, b: this.unary() };
    return a;
  }

  private unary(): Node {
    if (this.keyword('not')) return { k: 'not', a: this.unary() };
    const t = this.next('a condition');
    if (t.t === '(') { const e = this.expr(); this.expect(')'); return e; }
    if (t.t !== 'name') this.err('expected a property name or a function', t);
    if (this.peek()?.t === '(') return this.call(t);
    return this.compare(t);
  }

  private field(t: Token): { field: string; type: FieldType } {
    if (t.t !== 'name') this.err('expected a property name', t);
    const field = resolveField(this.spec, t.v);
    if (!field) this.err(`unknown property '${t.v}' (known: ${Object.keys(this.spec).join(', ')})`, t);
    return { field, type: this.spec[field]! };
  }

  private compare(t: Token): Node {
    const { field, type } = this.field(t);
    const opTok = this.next('an operator');
    const op = opTok.t === 'name' ? opTok.v.toLowerCase() : '';
    if (!OPS.includes(op)) this.err(`expected one of ${OPS.join(', ')}`, opTok);
    const litTok = this.next('a value');
    const value = this.literal(litTok);
    checkType(type, op as Op, value, () => this.err(`a ${type} property cannot be compared with ${JSON.stringify(value)} using ${op}`, litTok));
    return { k: 'cmp', op: op as Op, field, type, value };
  }

  private literal(t: Token): Literal {
    if (t.t === 'string' || t.t === 'number') return t.v;
    if (t.t === 'name') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    return this.err('expected a value (a quoted string, a number, true, false or null)', t);
  }

  private call(t: Token): Node {
    const fn = (t.t === 'name' ? t.v.toLowerCase() : '') as Fn;
    if (!FNS.includes(fn)) this.err(`unknown function '${t.t === 'name' ? t.v : ''}' (known: ${FNS.join(', ')})`, t);
    this.expect('(');
    const first = this.next('an argument');
    this.expect(',');
    const second = this.next('an argument');
    this.expect(')');
    const [strTok, fieldTok] = fn === 'substringof' ? [first, second] : [second, first];
    if (strTok.t !== 'string') this.err(`${fn} needs a quoted string`, strTok);
    const { field, type } = this.field(fieldTok);
    if (type !== 'string') this.err(`${fn} works on text properties only, not on ${field} (${type})`, fieldTok);
    return { k: 'fn', fn, field, value: strTok.v };
  }
}

function checkType(type: FieldType, op: Op, v: Literal, bad: () => never): void {
  if (v === null) { if (op !== 'eq' && op !== 'ne') bad(); return; }
  const ordered = op !== 'eq' && op !== 'ne';
  switch (type) {
    case 'number': if (typeof v !== 'number') bad(); return;
    case 'boolean': if (typeof v !== 'boolean' || ordered) bad(); return;
    case 'date': if (typeof v !== 'string' || !isDate(v)) bad(); return;
    case 'guid': if (typeof v !== 'string' || ordered) bad(); return;
    case 'string': if (typeof v !== 'string') bad(); return;
  }
}
