/**
 * An OpenAPI document as a faultline catalog: one entry per documented error response
 * (operation x status, `4XX` ranges and `default` included), its contract from the response
 * (status, media type, required headers, body schema with the `$ref`s it reaches as `$defs`), the
 * response description as the quote, `doc.url` a JSON pointer into the document, the example as
 * printed, and a derived recipe or the reason there is none. Pure: document in, catalog out.
 */
// the file format: entries as written, parts without their own strength take the entry's
import type { CatalogFile as Catalog, DocFinding, EntryInFile as Entry, HeaderRuleInFile as HeaderRule, JsonSchema } from '../../catalog/types.js';
import { deref, isObj, pointer, type Node, type Obj, type OpenApiDocument } from './document.js';
import { deriveRecipe, envName, kindOf, type OperationView, type Param, type RecipeKind } from './recipes.js';
import { isObjectSchema, SchemaDefs } from './schema.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its callable is the module's `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 };

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ImportSummary {
  documented: number;
  entries: number;
  recipes: Partial<Record<RecipeKind, number>>;
  unprovokable: { id: string; reason: string }[];
  /** entries that will be not-configured until a variable is set: id -> variables */
  needs: { id: string; variables: string[] }[];
  dropped: string[];
  /** entry id -> how its recipe provokes the status (written beside the recipe) */
  derivations: Record<string, string>;
}

export interface Imported { catalog: Catalog; summary: ImportSummary }

export function isErrorKey(key: string): boolean {
  return /^[45](\d\d|XX)$/i.test(key) || key === 'default';
}

export function entryId(api: string, operationId: string | undefined, method: string, path: string, key: string): string {
  const op = operationId ? operationId.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') : `${method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-+$/, '');
  return `${api}/${op || method}.${key.toLowerCase()}`;
}

export function importOpenApi(doc: OpenApiDocument, api: string): Imported {
  const root = doc.root;
  const oas30 = !doc.version.startsWith('3.1');
  const swagger = doc.version.startsWith('2');
  const defs = new SchemaDefs(root, oas30);
  const prefix = envName(api);
  const info = isObj(root.info) ? root.info : {};
  const fixtures: Record<string, string> = {};
  const fixtureSink = { add: (name: string, what: string): string => { fixtures[name] ??= what; return name; } };
  const schemes = securitySchemes(root, swagger);
  const chosen = chooseScheme(root, schemes);
  const entries: Entry[] = [];
  const findings: DocFinding[] = [];
  const summary: ImportSummary = { documented: 0, entries: 0, recipes: {}, unprovokable: [], needs: [], dropped: [], derivations: {} };
  let usesLimited = false;
  const paths = isObj(root.paths) ? root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(root, rawItem);
    if (!isObj(item)) continue;
    const pathMethods = METHODS.filter((m) => isObj(item[m])).map((m) => m.toUpperCase());
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op) || !isObj(op.responses)) continue;
      const view = operationView(root, defs, prefix, path, method, item, op, pathMethods, schemes, chosen, swagger);
      for (const [key, rawResponse] of Object.entries(op.responses)) {
        if (!isErrorKey(key)) continue;
        summary.documented++;
        const response = deref(root, rawResponse);
        if (!isObj(response)) continue;
        const id = entryId(api, typeof op.operationId === 'string' ? op.operationId : undefined, method, path, key);
        const description = typeof response.description === 'string' && response.description.trim() ? response.description.trim() : key;
        const entry: Entry = {
          id,
          title: `${method.toUpperCase()} ${path}: ${key}`,
          // the document is the capture: the anchor is the response's JSON pointer, the loader adds the url
          doc: { anchor: pointer(['paths', path, method, 'responses', key]), quote: description } as Entry['doc'],
          status: statusOf(key, op.responses),
          strength: 'must',
          body: { kind: 'undocumented', basis: 'the document describes no content for this response' },
        };
        const headers = headerRules(root, defs, response, key, pathMethods);
        if (headers.length) entry.headers = headers;
        contract(defs, entry, response, swagger, view.produces, findings);
        const derived = deriveRecipe(view, key, fixtureSink);
        summary.recipes[derived.kind] = (summary.recipes[derived.kind] ?? 0) + ('recipe' in derived ? 1 : 0);
        if ('recipe' in derived) {
          entry.recipe = derived.recipe;
          summary.derivations[id] = `${derived.kind}: ${derived.how}`;
          if (derived.destructive) entry.destructive = derived.destructive;
          if (derived.recipe.request.as === 'limited') usesLimited = true;
        } else {
          entry.unprovokable = derived.unprovokable;
          summary.unprovokable.push({ id, reason: derived.unprovokable });
        }
        entries.push(ordered(entry));
      }
    }
  }
  const catalog: Catalog = {
    api,
    title: typeof info.title === 'string' ? info.title : api,
    baseUrlVar: `${prefix}_BASE_URL`,
    page: { capture: doc.label, title: `${typeof info.title === 'string' ? info.title : doc.label} ${typeof info.version === 'string' ? info.version : ''}`.trim() },
    auth: chosen ? authOf(chosen.scheme) : { header: 'Authorization', format: 'Bearer {token}' },
    identities: {
      user: { env: `${prefix}_TOKEN`, description: chosen ? `an identity allowed to call every operation (${chosen.name}: ${describeScheme(chosen.scheme)})` : 'not used: the document declares no security scheme' },
      ...(usesLimited ? { limited: { env: `${prefix}_TOKEN_LIMITED`, description: 'an identity that authenticates but lacks the rights the operations with a documented 403 require; the 403 entries are not-configured until it is set' } } : {}),
    },
    defaultIdentity: 'user',
    envelopes: Object.fromEntries(defs.defs),
    ...(Object.keys(fixtures).length ? { fixtures } : {}),
    entries,
    ...(findings.length ? { docFindings: findings } : {}),
  };
  if (Object.keys(catalog.envelopes).length === 0) catalog.envelopes = { none: { description: 'the document describes no error body schema' } };
  summary.entries = entries.length;
  summary.dropped = [...defs.dropped].sort();
  for (const e of entries) {
    const vars = new Set<string>();
    if (e.recipe?.request.as === 'limited') vars.add(`${prefix}_TOKEN_LIMITED`);
    for (const m of JSON.stringify(e.recipe ?? {}).matchAll(/\$\{([A-Z0-9_]+)\}/g)) vars.add(m[1]!);
    if (e.destructive) vars.add('FAULTLINE_ALLOW_DESTRUCTIVE');
    if (vars.size) summary.needs.push({ id: e.id, variables: [...vars] });
  }
  return { catalog, summary };
}

function statusOf(key: string, responses: Obj): Entry['status'] {
  if (/^\d{3}$/.test(key)) return Number(key);
  if (/^[45]XX$/i.test(key)) return `${key[0]}xx`;
  // default: every error status the operation does not document otherwise
  const listed = Object.keys(responses);
  const out: number[] = [];
  for (let s = 400; s <= 599; s++) if (!listed.includes(String(s)) && !listed.some((k) => k.toUpperCase() === `${String(s)[0]}XX`)) out.push(s);
  return out;
}

type Scheme = Obj;
function securitySchemes(root: Obj, swagger: boolean): Record<string, Scheme> {
  const raw = swagger ? root.securityDefinitions : isObj(root.components) ? root.components.securitySchemes : undefined;
  const out: Record<string, Scheme> = {};
  if (isObj(raw)) for (const [k, v] of Object.entries(raw)) { const s = deref(root, v); if (isObj(s)) out[k] = s; }
  return out;
}

/** The scheme faultline sends: one per catalog, the one most operations accept. */
function chooseScheme(root: Obj, schemes: Record<string, Scheme>): { name: string; scheme: Scheme } | undefined {
  const count = new Map<string, number>();
  const consider = (reqs: Node | undefined): void => { if (Array.isArray(reqs)) for (const r of reqs) if (isObj(r)) for (const k of Object.keys(r)) if (sendable(schemes[k])) count.set(k, (count.get(k) ?? 0) + 1); };
  consider(root.security);
  for (const item of Object.values(isObj(root.paths) ? root.paths : {})) if (isObj(item)) for (const m of METHODS) if (isObj(item[m])) consider((item[m] as Obj).security);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { name: best[0], scheme: schemes[best[0]]! } : undefined;
}

function sendable(s: Scheme | undefined): boolean {
  if (!s) return false;
  if (s.type === 'apiKey') return s.in === 'header' || s.in === 'cookie';
  return s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect' || s.type === 'basic';
}

function authOf(s: Scheme): Catalog['auth'] {
  if (s.type === 'apiKey') return s.in === 'cookie' ? { header: 'Cookie', format: `${String(s.name)}={token}` } : { header: String(s.name), format: '{token}' };
  if ((s.type === 'http' && String(s.scheme).toLowerCase() === 'basic') || s.type === 'basic') return { header: 'Authorization', format: 'Basic {token}' };
  return { header: 'Authorization', format: 'Bearer {token}' };
}

function describeScheme(s: Scheme): string {
  if (s.type === 'apiKey') return `API key in ${String(s.in)} ${String(s.name)}`;
  if (s.type === 'http') return `HTTP ${String(s.scheme)}`;
  if (s.type === 'basic') return 'HTTP basic (user:password, base64)';
  return `${String(s.type)} access token, sent as Bearer`;
}

function operationView(root: Obj, defs: SchemaDefs, prefix: string, path: string, method: string, item: Obj, op: Obj, pathMethods: string[], schemes: Record<string, Scheme>, chosen: { name: string } | undefined, swagger: boolean): OperationView {
  const byKey = new Map<string, Obj>();
  for (const list of [item.parameters, op.parameters]) if (Array.isArray(list)) for (const raw of list) { const p = deref(root, raw); if (isObj(p)) byKey.set(`${String(p.in)}:${String(p.name)}`, p); }
  const params: Param[] = [];
  let swaggerBody: Obj | undefined;
  for (const p of byKey.values()) {
    if (p.in === 'body') { swaggerBody = p; continue; }
    if (!['path', 'query', 'header', 'cookie'].includes(String(p.in))) continue;
    const schema = swagger ? swaggerParamSchema(p) : isObj(p.schema) ? p.schema : {};
    const converted = defs.convert(schema);
    if (p.example !== undefined && converted.examples === undefined) converted.examples = [p.example as never];
    params.push({ name: String(p.name), in: p.in as Param['in'], required: p.required === true || p.in === 'path', schema: converted });
  }
  params.sort((a, b) => path.indexOf(`{${a.name}}`) - path.indexOf(`{${b.name}}`));
  let body: OperationView['body'];
  const consumes = (Array.isArray(op.consumes) ? op.consumes : Array.isArray(root.consumes) ? root.consumes : ['application/json']) as string[];
  const reqBody = swagger ? (swaggerBody ? ({ required: swaggerBody.required ?? false, content: Object.fromEntries(consumes.map((t) => [t, { schema: swaggerBody!.schema ?? {} }])) } as Obj) : undefined) : deref(root, op.requestBody);
  if (isObj(reqBody) && isObj(reqBody.content)) {
    const types = Object.keys(reqBody.content);
    const schemas: Record<string, JsonSchema> = {};
    for (const t of types) { const m = (reqBody.content as Obj)[t]; schemas[t] = defs.convert(isObj(m) ? m.schema ?? {} : {}); }
    const jsonType = types.find(isJsonType);
    const jsonMedia = jsonType ? (reqBody.content as Obj)[jsonType] : undefined;
    const json = jsonType ? { type: jsonType, schema: withExample(schemas[jsonType]!, jsonMedia) } : undefined;
    body = { required: reqBody.required === true, types, schemas, ...(json ? { json } : {}) };
  }
  const reqs = op.security ?? root.security;
  let security: OperationView['security'] = { kind: 'none' };
  if (Array.isArray(reqs) && reqs.length) {
    if (reqs.some((r) => isObj(r) && Object.keys(r).length === 0)) security = { kind: 'optional' };
    else {
      const names = reqs.filter(isObj).flatMap((r) => Object.keys(r));
      const usable = chosen !== undefined && names.includes(chosen.name);
      const first = reqs.find((r): r is Obj => isObj(r) && (!chosen || chosen.name in r)) as Obj | undefined;
      const scopes = first ? Object.values(first).flat().map(String) : [];
      security = { kind: 'scheme', usable, scheme: names.join(' or '), chosen: chosen?.name ?? 'nothing', scopes };
    }
  }
  const produces = new Set<string>();
  for (const raw of Object.values(op.responses as Obj)) {
    const r = deref(root, raw);
    if (isObj(r) && isObj(r.content)) for (const t of Object.keys(r.content)) produces.add(t);
  }
  if (swagger) for (const t of (Array.isArray(op.produces) ? op.produces : Array.isArray(root.produces) ? root.produces : []) as string[]) produces.add(t);
  return { prefix, path, method: method.toUpperCase(), pathMethods, params, ...(body ? { body } : {}), security, produces: [...produces], documented: Object.keys(op.responses as Obj), defs: defs.defs };
}

function swaggerParamSchema(p: Obj): Obj {
  const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, allowEmptyValue: _a, ...schema } = p;
  return schema;
}

function withExample(schema: JsonSchema, media: Node | undefined): JsonSchema {
  const ex = firstExample(media);
  return ex === undefined ? schema : { ...schema, examples: [ex as never] };
}

function firstExample(media: Node | undefined): Node | undefined {
  if (!isObj(media)) return undefined;
  if (media.example !== undefined) return media.example;
  if (isObj(media.examples)) for (const ex of Object.values(media.examples)) if (isObj(ex) && ex.value !== undefined) return ex.value;
  return undefined;
}

export function isJsonType(t: string): boolean {
  return /^application\/(.+\+)?json$/i.test(t.split(';')[0]!.trim());
}

function headerRules(root: Obj, defs: SchemaDefs, response: Obj, key: string, pathMethods: string[]): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const declared = isObj(response.headers) ? response.headers : {};
  for (const [name, raw] of Object.entries(declared)) {
    const h = deref(root, raw);
    if (!isObj(h) || /^content-type$/i.test(name)) continue;
    const s = defs.convert(isObj(h.schema) ? h.schema : h);
    const rule: HeaderRule = { name, strength: 'must', basis: `the document declares header ${name}${h.required === true ? ' (required)' : ''}` };
    if (typeof s.const === 'string') rule.equals = s.const;
    else if (Array.isArray(s.enum) && s.enum.every((x) => typeof x === 'string')) rule.matches = `^(${(s.enum as string[]).map(escapeRegex).join('|')})$`;
    else if (typeof s.pattern === 'string') rule.matches = s.pattern;
    else if (s.type === 'integer') rule.matches = '^-?\\d+$';
    if (h.required === true) rules.push(rule);
  }
  const has = (n: string): boolean => rules.some((r) => r.name.toLowerCase() === n.toLowerCase());
  if (key === '405' && !has('Allow')) {
    rules.push({ name: 'Allow', matches: pathMethods.map((m) => `(?=.*\\b${m}\\b)`).join('') + '^[A-Z]+(\\s*,\\s*[A-Z]+)*$', strength: 'should', basis: `RFC 9110 section 15.5.6: a 405 response must carry Allow, listing the resource's methods (${pathMethods.join(', ')} here)` });
  }
  if (key === '401' && !has('WWW-Authenticate')) {
    rules.push({ name: 'WWW-Authenticate', challenge: 'auth', strength: 'should', basis: 'RFC 9110 section 15.5.2: a 401 response must carry a WWW-Authenticate challenge; the document declares none, so it must name a scheme the API accepts (from auth)' });
  }
  return rules;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Media type, body and example of one response (the JSON one when several are documented). */
function contract(defs: SchemaDefs, entry: Entry, response: Obj, swagger: boolean, produces: string[], findings: DocFinding[]): void {
  const content: Obj = swagger
    ? (response.schema !== undefined ? Object.fromEntries((produces.length ? produces : ['application/json']).map((t) => [t, { schema: response.schema ?? null, ...(isObj(response.examples) && response.examples[t] !== undefined ? { example: response.examples[t] ?? null } : {}) }])) as Obj : {})
    : isObj(response.content) ? response.content : {};
  const types = Object.keys(content);
  if (types.length === 0) return;
  const type = types.find(isJsonType) ?? types[0]!;
  const media = content[type];
  const others = types.filter((t) => t !== type);
  const basis = others.length ? `the document lists ${types.join(', ')}; faultline asks for ${type}` : undefined;
  if (!type.includes('*')) entry.contentType = { type: type.split(';')[0]!.trim().toLowerCase(), strength: 'must', ...(basis ? { basis } : {}) };
  const rawSchema = isObj(media) ? media.schema : undefined;
  const slug = entry.id.slice(entry.id.indexOf('/') + 1);
  if (isJsonType(type)) {
    if (rawSchema === undefined) entry.body = { kind: 'undocumented', basis: `the document gives ${type} without a schema` };
    else {
      const name = defs.named(slug, rawSchema);
      const schema = defs.defs.get(name)!;
      if (isObjectSchema(schema, defs.defs)) entry.body = { kind: 'json', envelope: name };
      else entry.body = { kind: 'undocumented', basis: `the document's body schema (${name}) is not an object; faultline's JSON body contracts are objects` };
    }
  } else {
    entry.body = { kind: 'text' };
  }
  const ex = firstExample(media) ?? (isObj(rawSchema) ? rawSchema.example : undefined);
  if (ex !== undefined) {
    entry.example = typeof ex === 'string' && !isJsonType(type) ? ex : JSON.stringify(ex, null, 2);
    if (entry.body.kind === 'json' && !exampleFits(defs.defs, entry.body.envelope!, ex)) {
      findings.push({ id: `${entry.id}.example`, kind: 'inconsistency', entries: [entry.id], text: `the example of ${entry.id} does not match the document's own schema ${entry.body.envelope}` });
    }
  }
}

function exampleFits(defs: Map<string, JsonSchema>, name: string, value: Node): boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv);
  return ajv.compile({ $defs: Object.fromEntries(defs), $ref: `#/$defs/${name}` })(value) as boolean;
}

const ENTRY_KEYS = ['id', 'title', 'doc', 'status', 'strength', 'statusBasis', 'headers', 'contentType', 'body', 'example', 'recipe', 'unprovokable', 'destructive'] as const;

/** The entry's keys in the order people read them. */
function ordered(e: Entry): Entry {
  const out: Record<string, unknown> = {};
  for (const k of ENTRY_KEYS) if (e[k] !== undefined) out[k] = e[k];
  return out as unknown as Entry;
}
