/**
 * Recipe templates: strings with `${ENV_VAR}` (from the environment: a missing one makes the
 * entry not-configured) and `{{name}}` (a value captured by an earlier step, or a builtin:
 * `{{unique}}` a name unique to this test run, `{{uuid}}` a fresh random UUID, `{{pad:N}}` N
 * filler characters).
 */
export type Part =
  | { lit: string }
  | { env: string }
  | { capture: string }
  | { builtin: 'unique' | 'uuid' }
  | { builtin: 'pad'; n: number };

export class TemplateError extends Error {}

const cache = new Map<string, Part[]>();

export function parseTemplate(s: string): Part[] {
  const hit = cache.get(s);
  if (hit) return hit;
  const parts: Part[] = [];
  let i = 0;
  let lit = '';
  while (i < s.length) {
    if (s.startsWith('${', i)) {
      const end = s.indexOf('}', i);
      if (end < 0) throw new TemplateError(`unclosed \${ at offset ${i} in "${s}"`);
      const name = s.slice(i + 2, end);
      if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new TemplateError(`\${${name}} is not an env variable name (A-Z, 0-9, _) in "${s}"`);
      if (lit) { parts.push({ lit }); lit = ''; }
      parts.push({ env: name });
      i = end + 1;
    } else if (s.startsWith('{{', i)) {
      const end = s.indexOf('}}', i);
      if (end < 0) throw new TemplateError(`unclosed {{ at offset ${i} in "${s}"`);
      const inner = s.slice(i + 2, end).trim();
      if (lit) { parts.push({ lit }); lit = ''; }
      parts.push(placeholder(inner, s));
      i = end + 2;
    } else {
      lit += s[i];
      i++;
    }
  }
  if (lit) parts.push({ lit });
  if (cache.size < 50_000) cache.set(s, parts);
  return parts;
}

function placeholder(inner: string, s: string): Part {
  if (inner === 'unique' || inner === 'uuid') return { builtin: inner };
  const pad = /^pad:(\d{1,7})$/.exec(inner);
  if (pad) return { builtin: 'pad', n: Number(pad[1]) };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) return { capture: inner };
  throw new TemplateError(`{{${inner}}} is neither a captured variable nor a builtin (unique, uuid, pad:N) in "${s}"`);
}

/** Every template string inside a JSON-ish value (keys included). */
export function* templateStrings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* templateStrings(x);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { yield k; yield* templateStrings(x); }
}
