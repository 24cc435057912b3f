/**
 * Text mutations of YAML catalogs for the loader's fuzz test: line edits, indentation, junk
 * scalars, truncation, anchors and aliases (and an alias bomb), tabs, BOMs, control characters,
 * duplicate keys. Deterministic given the PRNG, so a seed reproduces a failure exactly.
 */

/** mulberry32: small, fast, good enough to pick mutations; same seed, same sequence. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(list: readonly T[]): T { return list[this.int(list.length)]!; }
}

const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_$][\w$-]*):(?:\s+(.*))?$/;

/** Scalars of the wrong kind, range, encoding or size: what a careless edit or a hostile file holds. */
const JUNK: readonly string[] = [
  // numbers out of range and odd number syntaxes
  '-1', '0', '700', '99', '1e309', '-.inf', '.nan', '99999999999999999999999', '0x1F4', '0o777', '4.5', '1_000',
  // wrong types
  '[]', '{}', 'true', 'null', '~', "''", '""', '[1, [2, [3]]]', '{a: {b: c}}', '- listed',
  // unicode and encodings
  '"💥🔥"', '"\\u202eevil"', 'ｓｔａｔｕｓ', '"e\\u0301\\u0301\\u0301"', '"\\uD800"', '"\\u0000"', '"\\x7f"', 'Ωmega/☃',
  // regexes that JavaScript accepts without the u flag but ajv (which compiles with it) does not, and broken ones
  "'\\a{'", "'\\p{Nope}'", "'(?<n>'", "'[z-a]'", "'a{2,1}'", "'(a+)+$'", "'\\-'",
  // JSON Schema junk where schemas are expected
  'strin', '{type: strin}', '{tpye: string}', '{pattern: "("}', '{$ref: "#/nowhere"}', '{format: no-such-format}',
  // template junk
  '"{{"', '"${"', '"{{unclosed"', '"${NOT_DECLARED}"', '"{{a}}{{b}}"',
  // YAML syntax that means something else
  '&anchor value', '*undefined_alias', '!!binary aGVsbG8=', '!custom tag', '? complex', '|', '>-', '---', '...', '@reserved', '`tick', '%YAML 1.1',
];

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffe', '\r', '\ufeff'];

/** Keys where a wrong value reaches the schema generator or ajv, tried more often than the rest. */
const SENSITIVE = /^(status|matches|equals|envelope|type|pattern|format|const|required|properties|kind|enum|items|minItems|\$ref|api|id|as|path|method)$/;

function longString(rng: Rng): string {
  return rng.pick([
    () => 'x'.repeat(100_000),
    () => `"${'é'.repeat(50_000)}"`,
    () => `${'['.repeat(2_000)}${']'.repeat(2_000)}`, // deep nesting: recursion depth
    () => `${'{a: '.repeat(1_000)}b${'}'.repeat(1_000)}`,
  ])();
}

function bomb(levels = 10, width = 10): string[] {
  const out = [`x-bomb0: &b0 [${Array(width).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) out.push(`x-bomb${i}: &b${i} [${Array(width).fill(`*b${i - 1}`).join(', ')}]`);
  return out;
}

type Mutation = (lines: string[], rng: Rng) => string[];

const keyLines = (lines: string[]): number[] => lines.flatMap((l, i) => (KEY_LINE.test(l) ? [i] : []));

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (l, r) => { const i = r.int(l.length); return [...l.slice(0, i), ...l.slice(i + 1 + r.int(3))]; },
  duplicateLine: (l, r) => { const i = r.int(l.length); return [...l.slice(0, i + 1), l[i]!, ...l.slice(i + 1)]; },
  swapLines: (l, r) => {
    const out = [...l];
    const i = r.int(l.length);
    const j = r.next() < 0.5 ? Math.min(l.length - 1, i + 1) : r.int(l.length);
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  },
  reindent: (l, r) => {
    const out = [...l];
    const i = r.int(l.length);
    const n = 1 + r.int(4); // a block of up to 4 lines moves together
    const delta = r.pick([-4, -2, -1, 1, 2, 4]);
    for (let k = i; k < Math.min(l.length, i + n); k++) {
      out[k] = delta > 0 ? ' '.repeat(delta) + out[k]! : out[k]!.replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return out;
  },
  junkScalar: (l, r) => {
    const keys = keyLines(l);
    const hot = keys.filter((i) => SENSITIVE.test(KEY_LINE.exec(l[i]!)![2]!));
    const i = r.next() < 0.6 && hot.length ? r.pick(hot) : keys.length ? r.pick(keys) : r.int(l.length);
    const m = KEY_LINE.exec(l[i]!);
    const junk = r.next() < 0.1 ? longString(r) : r.pick(JUNK);
    const out = [...l];
    out[i] = m ? `${m[1]}${m[2]}: ${junk}` : junk;
    return out;
  },
  duplicateKey: (l, r) => {
    const keys = keyLines(l);
    if (!keys.length) return l;
    const i = r.pick(keys);
    const m = KEY_LINE.exec(l[i]!)!;
    const indent = m[1]!.replace('- ', '  ');
    return [...l.slice(0, i + 1), `${indent}${m[2]}: ${r.pick(JUNK)}`, ...l.slice(i + 1)];
  },
  anchorAlias: (l, r) => {
    const keys = keyLines(l).filter((i) => KEY_LINE.exec(l[i]!)![3]);
    if (keys.length < 2) return l;
    const out = [...l];
    const a = r.pick(keys);
    const b = r.pick(keys);
    const ma = KEY_LINE.exec(out[a]!)!;
    out[a] = `${ma[1]}${ma[2]}: &fz ${ma[3]}`;
    const mb = KEY_LINE.exec(out[b]!)!;
    // an alias before its anchor, to itself, to nothing, or a merge key
    out[b] = r.next() < 0.7 ? `${mb[1]}${mb[2]}: *fz` : r.next() < 0.5 ? `${mb[1]}${mb[2]}: *nowhere` : `${mb[1]}<<: *fz`;
    return out;
  },
  aliasBomb: (l, r) => {
    const at = r.next() < 0.5 ? 0 : r.pick(keyLines(l).filter((i) => /^\S/.test(l[i]!)).concat(0));
    return [...l.slice(0, at), ...bomb(), ...l.slice(at)];
  },
  tabs: (l, r) => {
    const out = [...l];
    const i = r.int(l.length);
    out[i] = r.next() < 0.6 ? out[i]!.replace(/^( +)/, (s) => '\t'.repeat(Math.max(1, s.length >> 1))) : out[i]!.replace(' ', '\t');
    return out;
  },
  bom: (l, r) => {
    const out = [...l];
    if (r.next() < 0.5) out[0] = `\ufeff${out[0]}`;
    else { const i = r.int(l.length); const p = r.int(out[i]!.length + 1); out[i] = out[i]!.slice(0, p) + '\ufeff' + out[i]!.slice(p); }
    return out;
  },
  control: (l, r) => {
    const out = [...l];
    const i = r.int(l.length);
    const p = r.int(out[i]!.length + 1);
    out[i] = out[i]!.slice(0, p) + r.pick(CONTROL) + out[i]!.slice(p);
    return out;
  },
  crlf: (l, r) => (r.next() < 0.5 ? l.map((x) => `${x}\r`) : l.map((x, i) => (i % 7 === 3 ? `${x}\r` : x))),
};

/** the line mutations, plus two that need more than the lines: truncate and spliceForeign */
export const MUTATION_NAMES = [...Object.keys(MUTATIONS), 'truncate', 'spliceForeign'];

/**
 * Apply 1-3 mutations to `text`. `truncate` works on the whole text (it may cut a surrogate pair
 * or a line in half); `spliceForeign` copies a block of lines from `foreign`, another catalog.
 */
export function mutateText(text: string, rng: Rng, foreign: string): { text: string; applied: string[] } {
  let lines = text.split('\n');
  const applied: string[] = [];
  const count = 1 + rng.int(3);
  let truncateAt: number | undefined;
  for (let k = 0; k < count; k++) {
    const name = rng.pick(MUTATION_NAMES);
    applied.push(name);
    if (name === 'truncate') { truncateAt = rng.next(); continue; }
    if (name === 'spliceForeign') {
      const f = foreign.split('\n');
      const from = rng.int(f.length);
      const block = f.slice(from, from + 1 + rng.int(12));
      const at = rng.int(lines.length);
      lines = [...lines.slice(0, at), ...block, ...lines.slice(at)];
      continue;
    }
    lines = MUTATIONS[name]!(lines, rng);
  }
  let out = lines.join('\n');
  if (truncateAt !== undefined) out = out.slice(0, Math.floor(out.length * truncateAt));
  return { text: out, applied };
}
