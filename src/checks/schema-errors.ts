/**
 * Runs an entry's whole-response schema once per exchange and turns ajv's errors into findings
 * with a readable pointer / expected / actual. The check table (index.ts) gives each finding to
 * the check that owns its part of the document, so one validation serves four checks.
 */
import type { ErrorObject } from 'ajv';
import type { Json } from '../catalog/types.js';
import { documentOf, type Exchange } from '../target/exchange.js';
import type { Expectation, Finding } from './types.js';

const memo = new WeakMap<Exchange, { validate: unknown; found: Finding[] }>();

export function schemaFindings(x: Exchange, exp: Expectation): Finding[] {
  const hit = memo.get(x);
  if (hit && hit.validate === exp.validate) return hit.found;
  const doc = documentOf(x);
  const found = exp.validate(doc) ? [] : dedupe((exp.validate.errors ?? []).map((e) => finding(e, doc)));
  memo.set(x, { validate: exp.validate, found });
  return found;
}

function finding(e: ErrorObject, doc: unknown): Finding {
  const p = e.params as Record<string, unknown>;
  const pointer = e.keyword === 'required' ? `${e.instancePath}/${escape(String(p.missingProperty))}` : e.instancePath;
  const actual = e.keyword === 'required' ? '(absent)' : preview(at(doc, e.instancePath));
  return {
    pointer,
    expected: expectedOf(e),
    actual,
    message: `${pointer || '/'} ${e.keyword === 'required' ? 'is required but absent' : e.message ?? 'is invalid'}`,
  };
}

function expectedOf(e: ErrorObject): Json {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'const': return p.allowedValue as Json;
    case 'enum': return p.allowedValues as Json;
    case 'pattern': return `a value matching /${String(p.pattern)}/`;
    case 'required': return 'present';
    case 'type': return `a value of type ${String(p.type)}`;
    case 'minimum': case 'maximum': return `${e.keyword === 'minimum' ? '>=' : '<='} ${String(p.limit)}`;
    case 'additionalProperties': return `no property ${String(p.additionalProperty)}`;
    default: return e.message ?? e.keyword;
  }
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((v) => { const k = `${v.pointer}|${v.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

function escape(s: string): string { return s.replace(/~/g, '~0').replace(/\//g, '~1'); }

function at(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return cur;
}

/** A value small enough to show in a report; long strings and big structures are cut. */
export function preview(v: unknown): Json {
  if (v === undefined) return '(absent)';
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}… (${v.length} chars)` : v;
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : (v as Json);
}
