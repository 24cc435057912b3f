/**
 * Validates a parsed catalog against catalogs/catalog.schema.json and turns ajv's errors into
 * one readable message per problem ("status must be an integer 100-599", "unknown key 'foo'").
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 as Ajv } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its callable is the module's `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv) => Ajv };

export const META_SCHEMA_PATH = new URL('../../catalogs/catalog.schema.json', import.meta.url);

let compiled: { file: ValidateFunction; entry: ValidateFunction } | undefined;

function validators(): { file: ValidateFunction; entry: ValidateFunction } {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  const schema = JSON.parse(readFileSync(META_SCHEMA_PATH, 'utf8')) as { $id: string };
  const file = ajv.compile(schema);
  compiled = { file, entry: ajv.getSchema(`${schema.$id}#/$defs/completeEntry`)! };
  return compiled;
}

/** The catalog file as written. */
export function metaValidator(): ValidateFunction {
  return validators().file;
}

/** One entry once the catalog's defaults are merged in: strength and a complete body. */
export function completeEntryValidator(): ValidateFunction {
  return validators().entry;
}

export interface MetaProblem {
  /** ajv instancePath of the offending value */
  pointer: string;
  /** for unknown keys: the key, so the position can point at it */
  key?: string;
  message: string;
}

/**
 * Collapse ajv's errors to one message per location: unknown and missing keys each get their own
 * message; otherwise a failed anyOf with an x-message wins (its branches' errors are noise), then
 * any error with an x-message, then the first.
 */
export function metaProblems(errors: ErrorObject[]): MetaProblem[] {
  const keyed: MetaProblem[] = [];
  const byPointer = new Map<string, ErrorObject[]>();
  // A choice between key sets (`method` and `path`, or `GET`, ...) is one message, its own, not one per set.
  const choices = errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && keySets(e)).map((e) => `${e.schemaPath}/`);
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword === 'required' && choices.some((c) => e.schemaPath.startsWith(c))) continue;
    if (e.keyword === 'additionalProperties' || e.keyword === 'required') { keyed.push(problem(e)); continue; }
    byPointer.set(e.instancePath, [...(byPointer.get(e.instancePath) ?? []), e]);
  }
  const out: MetaProblem[] = [];
  const seen = new Set<string>();
  for (const p of keyed) { const k = `${p.pointer}|${p.key ?? ''}|${p.message}`; if (!seen.has(k)) { seen.add(k); out.push(p); } }
  for (const list of byPointer.values()) {
    // A value of the right type that breaks a constraint gets that constraint's own message
    // (700 -> "status must be an integer 100-599"); a value of no acceptable type gets the
    // anyOf's summary of what is allowed.
    const pick = list.find((e) => xMessage(e) && e.keyword !== 'type' && e.keyword !== 'anyOf')
      ?? list.find((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && xMessage(e)) ?? list.find((e) => xMessage(e)) ?? list[0]!;
    out.push(problem(pick));
  }
  return out;
}

/** An anyOf/oneOf whose every branch only lists required keys (and names them, as ajv's strict mode asks). */
function keySets(e: ErrorObject): boolean {
  const branches = (e.parentSchema as Record<string, unknown> | undefined)?.[e.keyword];
  return Array.isArray(branches) && branches.every((b) => b && typeof b === 'object' && Object.keys(b as object).every((k) => k === 'required' || k === 'properties'));
}

function xMessage(e: ErrorObject): string | undefined {
  const own = e.schema && typeof e.schema === 'object' ? (e.schema as { 'x-message'?: string })['x-message'] : undefined;
  return own ?? (e.parentSchema as { 'x-message'?: string } | undefined)?.['x-message'];
}

function problem(e: ErrorObject): MetaProblem {
  const where = label(e.instancePath);
  const parent = e.parentSchema as { 'x-message'?: string } | undefined;
  const custom = xMessage(e);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent as { properties?: object } | undefined)?.properties ?? {});
      return { pointer: e.instancePath, key, message: `unknown key '${key}'${where ? ` in ${where}` : ''}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}` };
    }
    case 'required':
      return { pointer: e.instancePath, message: `${where || 'catalog'} is missing required key '${(e.params as { missingProperty: string }).missingProperty}'` };
    case 'not':
      return { pointer: e.instancePath, message: `${where} must not have both 'json' and 'body'` };
    default:
      if (custom) return { pointer: e.instancePath, message: custom.startsWith(lastSeg(e.instancePath)) ? custom : `${where}: ${custom}` };
      return { pointer: e.instancePath, message: `${where || 'catalog'} ${e.message ?? 'is invalid'}` };
  }
}

function lastSeg(pointer: string): string {
  const segs = pointer.split('/');
  return segs[segs.length - 1] ?? '';
}

/** `/entries/3/recipe/request/method` -> `entries[3].recipe.request.method` */
export function label(pointer: string): string {
  return pointer.slice(1).split('/').filter(Boolean).map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i ? '.' : '') + s)).join('');
}
