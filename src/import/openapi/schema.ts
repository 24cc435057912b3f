/**
 * OpenAPI schemas as JSON Schema 2020-12 `$defs`: every `$ref` a response schema reaches becomes a
 * named def (`#/components/schemas/Error` -> `Error`), so a catalog's envelopes are the document's
 * own component schemas. Hand-written because the maintained converters target draft-04 and would
 * need the same post-processing: OpenAPI 3.0's `nullable`, boolean `exclusiveMinimum`/`Maximum`
 * and `example` become their 2020-12 forms; OpenAPI-only annotations (`xml`, `discriminator`,
 * `externalDocs`, `x-*`) and formats ajv does not know are dropped, and each drop is recorded.
 */
import type { JsonSchema } from '../../catalog/types.js';
import { at, isObj, OpenApiError, tokensOf, type Node, type Obj } from './document.js';

const KEYWORDS = new Set([
  '$ref', '$comment', 'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties',
  'minProperties', 'required', 'dependentRequired', 'properties', 'patternProperties', 'additionalProperties', 'items',
  'prefixItems', 'contains', 'propertyNames', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas',
  'unevaluatedItems', 'unevaluatedProperties', 'format', 'title', 'description', 'default', 'deprecated', 'readOnly',
  'writeOnly', 'examples', 'contentEncoding', 'contentMediaType', 'contentSchema',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['additionalProperties', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);
// What ajv-formats knows (strict ajv refuses any other format).
const FORMATS = new Set(['date', 'time', 'date-time', 'iso-time', 'iso-date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url', 'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment', 'relative-json-pointer', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary']);

export class SchemaDefs {
  /** def name -> converted schema, in the order first reached */
  readonly defs = new Map<string, JsonSchema>();
  /** what was dropped, e.g. `xml (OpenAPI-only annotation)` */
  readonly dropped = new Set<string>();
  private readonly byRef = new Map<string, string>();

  constructor(private readonly root: Obj, private readonly oas30: boolean) {}

  /** The def a `$ref` names, converted once (recursive schemas terminate). */
  defFor(ref: string): string {
    const known = this.byRef.get(ref);
    if (known) return known;
    const tokens = tokensOf(ref);
    if (!tokens) throw new OpenApiError(`external $ref ${ref} was not bundled`);
    const target = at(this.root, tokens);
    if (target === undefined) throw new OpenApiError(`$ref ${ref} points at nothing`);
    const name = this.uniqueName(defName(tokens));
    this.byRef.set(ref, name);
    this.defs.set(name, {});
    this.defs.set(name, this.convert(target));
    return name;
  }

  /** Register an inline schema under a name of its own; returns the name. */
  named(base: string, schema: Node): string {
    if (isObj(schema) && typeof schema.$ref === 'string' && (this.oas30 || Object.keys(schema).length === 1)) return this.defFor(schema.$ref);
    const name = this.uniqueName(base);
    this.defs.set(name, this.convert(schema));
    return name;
  }

  /** The 2020-12 form of one schema; `$ref`s point into the defs. */
  convert(schema: Node): JsonSchema {
    if (schema === true || schema === false) return schema ? {} : { not: {} };
    if (!isObj(schema)) return {};
    if (typeof schema.$ref === 'string') {
      const ref = { $ref: `#/$defs/${this.defFor(schema.$ref)}` };
      // OpenAPI 3.0 ignores a $ref's siblings; 3.1 (JSON Schema 2020-12) applies them.
      if (this.oas30) return ref;
      const { $ref: _r, ...rest } = schema;
      return { ...this.convert(rest), ...ref };
    }
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'example' || k === 'nullable') continue;
      if (!KEYWORDS.has(k)) { this.dropped.add(k.startsWith('x-') ? 'x-* extensions' : `${k} (not a JSON Schema keyword)`); continue; }
      if (SCHEMA_MAPS.has(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, this.convert(s)]));
      else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) out[k] = v.map((s) => this.convert(s));
      else if (SCHEMA_ONE.has(k) && typeof v === 'boolean') out[k] = v;
      else if (SCHEMA_ONE.has(k) && isObj(v)) out[k] = this.convert(v);
      else if (k === 'format' && typeof v === 'string' && !FORMATS.has(v)) this.dropped.add(`format ${v} (unknown to the validator)`);
      else out[k] = v;
    }
    if (this.oas30) {
      for (const side of ['Minimum', 'Maximum'] as const) {
        const ex = out[`exclusive${side}`];
        const bound = side === 'Minimum' ? 'minimum' : 'maximum';
        if (ex === true && typeof out[bound] === 'number') { out[`exclusive${side}`] = out[bound]; delete out[bound]; }
        else if (typeof ex === 'boolean') delete out[`exclusive${side}`];
      }
      if (schema.nullable === true) {
        if (typeof out.type === 'string') out.type = [out.type, 'null'];
        if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      }
    }
    if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
    return out;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.defs.has(name); i++) name = `${base}-${i}`;
    return name;
  }
}

function defName(tokens: string[]): string {
  const last = (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens.length === 3) || (tokens[0] === 'definitions' && tokens.length === 2)
    ? tokens[tokens.length - 1]!
    : tokens.join('.');
  return last.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'schema';
}

/** Whether a converted schema (following defs) describes a JSON object. */
export function isObjectSchema(s: JsonSchema, defs: Map<string, JsonSchema>, depth = 0): boolean {
  if (depth > 10) return false;
  if (typeof s.$ref === 'string') {
    const d = defs.get(s.$ref.slice('#/$defs/'.length));
    return d ? isObjectSchema(d, defs, depth + 1) : false;
  }
  if (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) return true;
  if (s.type === undefined && (s.properties || s.required || s.additionalProperties !== undefined)) return true;
  if (Array.isArray(s.allOf)) return s.allOf.some((x) => isObj(x as Node) && isObjectSchema(x as JsonSchema, defs, depth + 1));
  return false;
}
