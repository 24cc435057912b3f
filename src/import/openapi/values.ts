/**
 * Values from schemas, deterministically: a valid value (the schema's own example, default,
 * const or first enum member, else the smallest value its type and bounds allow), and the ways
 * of breaking exactly one documented constraint of an otherwise valid value. When no valid value
 * follows from the schema alone (a pattern without an example, an object needing properties it
 * does not describe) the answer says why instead of guessing.
 */
import type { Json, JsonSchema } from '../../catalog/types.js';

export type Made = { ok: true; value: Json } | { ok: false; reason: string };

const FORMAT_VALUES: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z', date: '2026-01-01', time: '00:00:00Z', email: 'faultline@example.com',
  uuid: '00000000-0000-4000-8000-000000000001', uri: 'https://example.com/faultline', url: 'https://example.com/faultline',
  'uri-reference': '/faultline', hostname: 'example.com', ipv4: '192.0.2.1', ipv6: '2001:db8::1', byte: 'ZmF1bHRsaW5l',
  duration: 'P1D',
};

export function resolveRef(s: JsonSchema, defs: Map<string, JsonSchema>): JsonSchema {
  let cur = s;
  for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) {
    const { $ref, ...siblings } = cur;
    const target = defs.get(String($ref).slice('#/$defs/'.length)) ?? {};
    cur = Object.keys(siblings).length ? { ...target, ...siblings } : target;
  }
  return cur;
}

/** The one JSON type a schema demands, when it names exactly one besides null. */
export function soleType(s: JsonSchema): string | undefined {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) { const real = t.filter((x) => x !== 'null'); return real.length === 1 ? String(real[0]) : undefined; }
  if (s.properties || s.required) return 'object';
  return undefined;
}

function templateSafe(v: Json): boolean {
  const text = JSON.stringify(v);
  return !text.includes('${') && !text.includes('{{');
}

export function validValue(schema: JsonSchema, defs: Map<string, JsonSchema>, depth = 0): Made {
  if (depth > 12) return { ok: false, reason: 'the schema nests too deeply to build a value' };
  const s = resolveRef(schema, defs);
  for (const v of [s.const, Array.isArray(s.examples) ? s.examples[0] : undefined, s.default, Array.isArray(s.enum) ? s.enum.find((x) => x !== null) : undefined]) {
    if (v !== undefined && templateSafe(v)) return { ok: true, value: v };
  }
  if (Array.isArray(s.allOf)) {
    const merged: Record<string, Json> = {};
    for (const part of s.allOf as JsonSchema[]) {
      const r = validValue(part, defs, depth + 1);
      if (!r.ok) return r;
      if (typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) return { ok: false, reason: 'allOf of non-object schemas' };
      Object.assign(merged, r.value);
    }
    const own = { ...s };
    delete own.allOf;
    if (!own.type && !own.properties && !own.required) return { ok: true, value: merged };
    const rest = validValue(own, defs, depth + 1);
    return rest.ok && typeof rest.value === 'object' && rest.value && !Array.isArray(rest.value) ? { ok: true, value: { ...merged, ...rest.value } } : rest;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) {
      const branches = s[key] as JsonSchema[];
      for (const b of branches) { const r = validValue(b, defs, depth + 1); if (r.ok) return r; }
      return { ok: false, reason: `no branch of ${key} gives a value` };
    }
  }
  const type = soleType(s);
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const out: Record<string, Json> = {};
      for (const name of (s.required ?? []) as string[]) {
        const p = props[name];
        if (!p) return { ok: false, reason: `required property '${name}' has no schema` };
        const r = validValue(p, defs, depth + 1);
        if (!r.ok) return { ok: false, reason: `property '${name}': ${r.reason}` };
        out[name] = r.value;
      }
      if (typeof s.minProperties === 'number' && Object.keys(out).length < s.minProperties) return { ok: false, reason: `minProperties ${s.minProperties} beyond the required properties` };
      return { ok: true, value: out };
    }
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      if (n === 0) return { ok: true, value: [] };
      if (!s.items || typeof s.items !== 'object') return { ok: false, reason: 'minItems without an items schema' };
      const r = validValue(s.items as JsonSchema, defs, depth + 1);
      return r.ok ? { ok: true, value: Array.from({ length: n }, () => r.value) } : r;
    }
    case 'string': {
      const format = typeof s.format === 'string' ? FORMAT_VALUES[s.format] : undefined;
      let v = format ?? 'faultline';
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
      if (!format) { while (v.length < min) v += 'x'; if (v.length > max) v = v.slice(0, max); }
      if (v.length < min || v.length > max) return { ok: false, reason: `format ${String(s.format)} does not fit length ${min}-${max}` };
      if (typeof s.pattern === 'string' && !safeTest(s.pattern, v)) return { ok: false, reason: `no example matches pattern ${s.pattern}` };
      return { ok: true, value: v };
    }
    case 'integer':
    case 'number': {
      let v = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? Math.floor(s.exclusiveMinimum) + 1 : 1;
      if (typeof s.multipleOf === 'number' && s.multipleOf > 0) v = Math.ceil(v / s.multipleOf) * s.multipleOf;
      if ((typeof s.maximum === 'number' && v > s.maximum) || (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum)) return { ok: false, reason: 'no number fits its bounds' };
      return { ok: true, value: v };
    }
    case 'boolean':
      return { ok: true, value: true };
    case 'null':
      return { ok: true, value: null };
    default:
      return { ok: false, reason: 'the schema names no single type' };
  }
}

function safeTest(pattern: string, v: string): boolean {
  try { return new RegExp(pattern, 'u').test(v); } catch { return false; }
}

/** One way to break one constraint of a value: what is changed and the broken value. */
export interface Breach { kind: 'missing' | 'type' | 'range' | 'enum' | 'additional'; what: string; value?: Json; remove?: boolean }

/** A value of another JSON type than the schema's sole type. */
export function wrongType(s: JsonSchema): Json | undefined {
  switch (soleType(s)) {
    case 'string': return 12345;
    case 'integer': case 'number': return 'faultline-not-a-number';
    case 'boolean': return 'faultline-not-a-boolean';
    case 'object': case 'array': return 'faultline';
    default: return undefined;
  }
}

/** A value of the right type outside a documented bound, and which bound. */
export function outOfRange(s: JsonSchema): { value: Json; bound: string } | undefined {
  const type = soleType(s);
  if (type === 'integer' || type === 'number') {
    if (typeof s.maximum === 'number') return { value: type === 'integer' ? Math.floor(s.maximum) + 1 : s.maximum + 1, bound: `maximum ${s.maximum}` };
    if (typeof s.exclusiveMaximum === 'number') return { value: Math.ceil(s.exclusiveMaximum), bound: `exclusiveMaximum ${s.exclusiveMaximum}` };
    if (typeof s.minimum === 'number') return { value: type === 'integer' ? Math.ceil(s.minimum) - 1 : s.minimum - 1, bound: `minimum ${s.minimum}` };
    if (typeof s.exclusiveMinimum === 'number') return { value: Math.floor(s.exclusiveMinimum), bound: `exclusiveMinimum ${s.exclusiveMinimum}` };
  }
  if (type === 'string') {
    if (typeof s.maxLength === 'number') return { value: 'x'.repeat(s.maxLength + 1), bound: `maxLength ${s.maxLength}` };
    if (typeof s.minLength === 'number' && s.minLength > 0) return { value: 'x'.repeat(s.minLength - 1), bound: `minLength ${s.minLength}` };
  }
  if (type === 'array' && typeof s.minItems === 'number' && s.minItems > 0) return { value: [], bound: `minItems ${s.minItems}` };
  return undefined;
}

export function notInEnum(s: JsonSchema): Json | undefined {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return undefined;
  const type = soleType(s) ?? typeof s.enum[0];
  if (type === 'string') return s.enum.includes('faultline-not-in-enum') ? undefined : 'faultline-not-in-enum';
  if (type === 'integer' || type === 'number') { const nums = s.enum.filter((x): x is number => typeof x === 'number'); return Math.max(...nums) + 1; }
  return undefined;
}
