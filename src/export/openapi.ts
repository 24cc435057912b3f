/**
 * A catalog's error contracts as an OpenAPI 3.1 document, so other tools (mock servers,
 * negative-testing tools, documentation generators) can use them: one response per entry with
 * the doc quote as its description, its media type, body schema (the catalog's envelopes as
 * component schemas), required headers and the printed example. Where an entry sits: at the
 * operation its `doc.url` points into when that is an OpenAPI document (an imported catalog,
 * so import then export keeps every documented error response where it was), else at its
 * recipe's method and path (`${VAR}` and `{{name}}` become path parameters), else (an
 * unprovokable entry of a hand-written catalog) under components/responses.
 */
import type { Entry, HeaderRule, Json, JsonSchema, LoadedCatalog, Status } from '../catalog/types.js';
import { validate, compileErrors } from '@readme/openapi-parser';
import { entrySlug } from '../catalog/defaults.js';

type Obj = { [key: string]: Json };

export interface ExportNote { id: string; note: string }
export interface Exported { document: Obj; notes: ExportNote[] }

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Where an entry goes: path, method and response key, or none. */
export function locate(e: Entry): { path: string; method: string; key: string } | undefined {
  const hash = e.doc.url.indexOf('#');
  if (hash >= 0) {
    const tokens = decodeURIComponent(e.doc.url.slice(hash + 1)).split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (tokens.length === 5 && tokens[0] === 'paths' && METHODS.has(tokens[2]!) && tokens[3] === 'responses') return { path: tokens[1]!, method: tokens[2]!, key: tokens[4]! };
  }
  const recipe = e.recipes[0];
  if (!recipe) return undefined;
  const path = recipe.request.path.split('?')[0]!.replace(/\$\{([A-Z0-9_]+)\}/g, '{$1}').replace(/\{\{\s*([A-Za-z0-9_:]+)\s*\}\}/g, (_, n: string) => `{${n.replace(/[^A-Za-z0-9_]/g, '_')}}`);
  return { path, method: recipe.request.method.toLowerCase(), key: statusKey(e.status) };
}

/** The OpenAPI response key of a status: the code, its class (`4XX`) for a set within one class, else `default`. */
export function statusKey(status: Status): string {
  if (status.hundreds !== undefined) return `${status.hundreds}XX`;
  const classes = new Set(status.codes.map((s) => Math.floor(s / 100)));
  if (classes.size > 1) return 'default';
  return status.codes.length === 1 ? String(status.codes[0]) : `${[...classes][0]}XX`;
}

function refsToComponents(v: Json): Json {
  if (Array.isArray(v)) return v.map(refsToComponents);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/') ? `#/components/schemas/${x.slice(8)}` : refsToComponents(x);
    return out;
  }
  return v;
}

function bodySchema(e: Entry): Json | undefined {
  const b = e.body;
  if (b.kind === 'json') {
    const ref: Obj = { $ref: `#/components/schemas/${b.envelope}` };
    const own: Obj = {};
    const props: Obj = {};
    for (const [k, v] of Object.entries(b.properties ?? {})) props[k] = refsToComponents(v as Json);
    for (const [k, v] of Object.entries(b.const ?? {})) props[k] = { ...(props[k] as Obj | undefined), const: v };
    if (b.required?.length) own.required = b.required;
    if (Object.keys(props).length) own.properties = props;
    return Object.keys(own).length ? { allOf: [ref, { type: 'object', ...own }] } : ref;
  }
  if (b.kind === 'text') return { type: 'string', ...(b.equals !== undefined ? { const: b.equals } : {}), ...(b.matches !== undefined ? { pattern: b.matches } : {}) };
  return undefined;
}

/**
 * A `challenge` rule in words and as an `x-faultline-challenge` extension, since JSON Schema
 * cannot say it: a challenge list (RFC 9110 section 11.6.1) that includes a written challenge,
 * or one of a scheme the API's auth accepts (schemes compare in any letter case).
 */
function challengeOf(h: HeaderRule): { text: string; rule: Obj } | undefined {
  if (h.challenge === undefined) return undefined;
  if (h.challenge === 'auth') {
    const schemes = h.schemes ?? [];
    return {
      text: schemes.length
        ? `a challenge list (RFC 9110 section 11.6.1) with a challenge of the scheme${schemes.length > 1 ? 's' : ''} ${schemes.join(', ')} (in any letter case).`
        : 'a challenge list (RFC 9110 section 11.6.1) with at least one challenge.',
      rule: { schemes },
    };
  }
  return { text: `a challenge list (RFC 9110 section 11.6.1) that includes ${h.challenge} (scheme and parameter names in any letter case).`, rule: { includes: h.challenge } };
}

function responseOf(e: Entry): Obj {
  const r: Obj = { description: e.doc.quote };
  if (e.headers?.length) {
    const headers: Obj = {};
    for (const h of e.headers) {
      const schema: Obj = { type: 'string', ...(h.equals !== undefined ? { const: h.equals } : {}), ...(h.matches !== undefined ? { pattern: h.matches } : {}) };
      const challenge = challengeOf(h);
      headers[h.name] = { required: true, description: `${h.strength}: ${challenge ? `${challenge.text} ` : ''}${h.basis}`, schema, ...(challenge ? { 'x-faultline-challenge': challenge.rule } : {}) };
    }
    r.headers = headers;
  }
  const type = e.contentType?.type ?? (e.body.kind === 'json' ? 'application/json' : e.body.kind === 'text' ? 'text/plain' : undefined);
  if (type && e.body.kind !== 'empty') {
    const media: Obj = {};
    const schema = bodySchema(e);
    if (schema !== undefined) media.schema = schema;
    if (e.example !== undefined) {
      try { media.example = JSON.parse(e.example) as Json; } catch { media.example = e.example; }
    }
    r.content = { [type]: media };
  }
  return r;
}

function securityScheme(c: LoadedCatalog): Obj {
  const f = c.auth.format;
  if (c.auth.header.toLowerCase() === 'authorization' && /^Bearer \{token\}$/.test(f)) return { type: 'http', scheme: 'bearer' };
  if (c.auth.header.toLowerCase() === 'authorization' && /^Basic \{token\}$/.test(f)) return { type: 'http', scheme: 'basic' };
  return { type: 'apiKey', in: 'header', name: c.auth.header, description: `sent as ${c.auth.header}: ${f}` };
}

export function exportCatalog(c: LoadedCatalog): Exported {
  const notes: ExportNote[] = [];
  const paths: Record<string, Record<string, Obj>> = {};
  const orphans: Obj = {};
  const usedIds = new Set<string>();
  for (const e of c.entries) {
    const at = locate(e);
    const response = responseOf(e);
    if (!at) { orphans[e.id.replace(/[^A-Za-z0-9._-]/g, '-')] = response; notes.push({ id: e.id, note: 'no operation to attach to: under components/responses' }); continue; }
    const item = (paths[at.path] ??= {});
    const op = (item[at.method] ??= { responses: {} }) as Obj & { responses: Obj };
    const params = [...at.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    if (params.length && !op.parameters) op.parameters = params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (op.responses[at.key]) { orphans[e.id.replace(/[^A-Za-z0-9._-]/g, '-')] = response; notes.push({ id: e.id, note: `${at.method.toUpperCase()} ${at.path} already has a ${at.key} response: under components/responses` }); continue; }
    op.responses[at.key] = response;
    // an imported entry's id is <operationId>.<status>: give the operation its id back
    const slug = entrySlug(e);
    const dot = slug.lastIndexOf('.');
    if (dot > 0 && slug.slice(dot + 1) === at.key.toLowerCase() && op.operationId === undefined && !usedIds.has(slug.slice(0, dot))) { op.operationId = slug.slice(0, dot); usedIds.add(op.operationId); }
  }
  const scheme = securityScheme(c);
  const document: Obj = {
    openapi: '3.1.0',
    info: { title: c.title, version: 'faultline catalog', description: `The documented error responses of faultline's catalog '${c.api}' (${c.page.title}).` },
    paths: paths as unknown as Json,
    components: {
      schemas: refsToComponents(c.envelopes as unknown as Json),
      securitySchemes: { [c.api]: scheme },
      ...(Object.keys(orphans).length ? { responses: orphans } : {}),
    },
    security: [{ [c.api]: [] }],
  };
  return { document, notes };
}

export class ExportError extends Error {}

/** Validate with the parser faultline imports with; throws ExportError naming the problems. */
export async function validateExport(doc: Obj): Promise<void> {
  const result = await validate(structuredClone(doc) as never);
  if (!result.valid) throw new ExportError(`the exported document is not valid OpenAPI:\n${compileErrors(result)}`);
}

export type { JsonSchema };
