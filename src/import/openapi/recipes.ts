/**
 * A recipe per documented error status, derived from the operation alone, or the reason it
 * cannot be: 401 (no credentials), 403 (a lower-privileged identity the user names), 404 (a
 * non-existent id typed by the path parameter's schema), 405 (a method the path item lacks),
 * 406 (an Accept nothing is produced for), 415 (a Content-Type the body does not accept),
 * 400/422 (one documented constraint broken), 413 (a body over a documented maximum), 429
 * (repeat until limited; destructive). Server errors and statuses without such a rule are
 * unprovokable with the reason. Every other part of a provoking request is valid: path
 * parameters come from fixture variables, required query parameters and bodies from their schemas.
 */
import type { Json, JsonSchema, Recipe, RequestTemplate } from '../../catalog/types.js';
import { notInEnum, outOfRange, resolveRef, soleType, validValue, wrongType, type Made } from './values.js';

export type RecipeKind = '401' | '403' | '404' | '405' | '406' | '413' | '415' | '400/422' | '429' | '5xx' | 'other';

export interface Param { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; schema: JsonSchema }

export interface OperationView {
  /** env prefix of the catalog's variables, e.g. PETSTORE */
  prefix: string;
  path: string;
  method: string;
  /** methods the path item documents (upper case) */
  pathMethods: string[];
  params: Param[];
  /** the request body: its media types, the JSON one's schema if any, whether it is required */
  body?: { required: boolean; types: string[]; json?: { type: string; schema: JsonSchema }; schemas: Record<string, JsonSchema> };
  /** how the operation authenticates: no requirement, optional, or with the catalog's scheme */
  security: { kind: 'none' } | { kind: 'optional' } | { kind: 'scheme'; usable: boolean; scheme: string; chosen: string; scopes: string[] };
  /** response media types across the operation's responses */
  produces: string[];
  /** every response key the operation documents (`200`, `404`, `4XX`, `default`) */
  documented: string[];
  defs: Map<string, JsonSchema>;
}

export type Derived =
  | { kind: RecipeKind; recipe: Recipe; destructive?: string; how: string }
  | { kind: RecipeKind; unprovokable: string };

export interface Fixtures { add(name: string, what: string): string }

const UNSUPPORTED = 'application/x-faultline-unsupported';
const REPEAT_MAX = 300;

export function kindOf(key: string): RecipeKind {
  if (/^5(\d\d|XX)$/i.test(key)) return '5xx';
  if (key === '400' || key === '422') return '400/422';
  return (['401', '403', '404', '405', '406', '413', '415', '429'] as const).find((k) => k === key) ?? 'other';
}

/**
 * The recipe with its basis: the operation and its response are documented, but that this request
 * provokes that response is faultline's reasoning (a document lists statuses, not their causes),
 * so every derived request is `inferred`, saying from what.
 */
export function deriveRecipe(op: OperationView, key: string, fixtures: Fixtures): Derived {
  const d = derive(op, key, fixtures);
  if (!('recipe' in d)) return d;
  return { ...d, recipe: { ...d.recipe, basis: { kind: 'inferred', why: `${op.method} ${op.path} documents a ${key} response; the request is inferred to provoke it: ${d.how}` } } };
}

function derive(op: OperationView, key: string, fixtures: Fixtures): Derived {
  const kind = kindOf(key);
  const no = (reason: string): Derived => ({ kind, unprovokable: reason });
  if (kind === '5xx') return no(`a ${key} is a server fault: no request provokes it deterministically from outside`);
  if (key === 'default') return no('the default response covers every status the operation does not list: no single request is known to provoke it');
  if (/^[1-5]XX$/i.test(key)) return no(`${key} is a range: the document does not say which request gives which status in it`);
  const auth = authFor(op, kind);
  if ('reason' in auth) return no(auth.reason);
  const base = (): { ok: true; req: RequestTemplate } | { ok: false; reason: string } => validRequest(op, fixtures, auth.as);
  switch (kind) {
    case '401': {
      if (op.security.kind !== 'scheme') return no(op.security.kind === 'none' ? 'the operation declares no security requirement: no request lacks credentials it needs' : 'the operation also allows anonymous access ({} among its security requirements)');
      const r = validRequest(op, fixtures, 'none');
      return r.ok ? { kind, recipe: { request: r.req }, how: 'sends no credentials' } : no(r.reason);
    }
    case '403': {
      if (op.security.kind !== 'scheme') return no('the operation declares no security requirement: which identity it forbids is not stated');
      const r = validRequest(op, fixtures, 'limited');
      return r.ok ? { kind, recipe: { request: r.req }, how: 'sends the lower-privileged identity' } : no(r.reason);
    }
    case '404': {
      const pathParams = op.params.filter((p) => p.in === 'path');
      const target = pathParams[pathParams.length - 1];
      if (!target) return no('the operation has no path parameter: no id names a missing resource');
      const missing = nonExistent(target.schema, op.defs);
      if (!missing.ok) return no(`path parameter ${target.name}: ${missing.reason}`);
      const r = validRequest(op, fixtures, auth.as, { [target.name]: missing.value });
      return r.ok ? { kind, recipe: { request: r.req }, how: `path parameter ${target.name}=${missing.value} (does not exist)` } : no(r.reason);
    }
    case '405': {
      const other = ['DELETE', 'PATCH', 'PUT', 'POST', 'GET'].find((m) => !op.pathMethods.includes(m));
      if (!other) return no(`the path item documents every method faultline would try (${op.pathMethods.join(', ')})`);
      const r = validRequest(op, fixtures, auth.as, {}, { method: other, withBody: false });
      return r.ok ? { kind, recipe: { request: r.req }, how: `${other}, which ${op.path} does not document` } : no(r.reason);
    }
    case '406': {
      if (op.produces.some((t) => t === '*/*' || t.endsWith('/*'))) return no('the operation produces */*: no Accept is unacceptable');
      const r = base();
      if (!r.ok) return no(r.reason);
      return { kind, recipe: { request: { ...r.req, headers: { ...r.req.headers, Accept: UNSUPPORTED } } }, how: `Accept: ${UNSUPPORTED}` };
    }
    case '415': {
      if (!op.body) return no('the operation documents no request body: no Content-Type can be unsupported');
      if (op.body.types.some((t) => t === '*/*' || t.endsWith('/*'))) return no('the request body accepts */*: no Content-Type is unsupported');
      const r = op.body.json ? base() : validRequest(op, fixtures, auth.as, {}, { withBody: false });
      if (!r.ok) return no(r.reason);
      const { json, ...rest } = r.req;
      const text = json !== undefined ? JSON.stringify(json) : rest.body ?? 'faultline';
      return { kind, recipe: { request: { ...rest, headers: { ...rest.headers, 'Content-Type': UNSUPPORTED }, body: text } }, how: `Content-Type: ${UNSUPPORTED}` };
    }
    case '413': {
      const max = bodyMaximum(op);
      if (!max) return no('the document states no maximum size for the request body');
      const r = validRequest(op, fixtures, auth.as, {}, { withBody: false });
      if (!r.ok) return no(r.reason);
      const { json: _j, ...rest } = r.req;
      return { kind, recipe: { request: { ...rest, headers: { ...rest.headers, 'Content-Type': max.type }, body: `{{pad:${max.bytes + 1}}}` } }, how: `a ${max.bytes + 1}-byte body (maxLength ${max.bytes})` };
    }
    case '429': {
      const r = base();
      if (!r.ok) return no(r.reason);
      return { kind, recipe: { request: r.req, repeat: { until: 429, max: REPEAT_MAX } }, destructive: `sends up to ${REPEAT_MAX} requests to use up the rate limit of ${op.method} ${op.path}`, how: `repeats a valid request up to ${REPEAT_MAX} times` };
    }
    case '400/422':
      return breakOne(op, key, fixtures, auth.as);
    default:
      return no(`the document gives no rule to provoke a ${key} from the request alone`);
  }
}

/** Which identity a provoking request uses, or why none can be used. */
function authFor(op: OperationView, kind: RecipeKind): { as?: string } | { reason: string } {
  const s = op.security;
  if (s.kind !== 'scheme') return {};
  if (!s.usable) return kind === '401' ? {} : { reason: `the operation authenticates with ${s.scheme}; the catalog sends ${s.chosen} (one scheme per catalog)` };
  return {};
}

interface BuildOpts { method?: string; withBody?: boolean }

/** A request valid in every part the document describes, with `overrides` for path/query values. */
function validRequest(op: OperationView, fixtures: Fixtures, as: string | undefined, overrides: Record<string, Json> = {}, opts: BuildOpts = {}): { ok: true; req: RequestTemplate } | { ok: false; reason: string } {
  let path = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const v = p.name in overrides ? String(overrides[p.name]) : '${' + fixtures.add(`${op.prefix}_${envName(p.name)}`, `an existing ${p.name} (path parameter of ${op.path})`) + '}';
    path = path.split(`{${p.name}}`).join(p.name in overrides ? encodeURIComponent(v) : v);
  }
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'query' || x.in === 'header')) {
    if (p.name in overrides) { if (overrides[p.name] !== null) (p.in === 'query' ? query : headers)[p.name] = scalar(overrides[p.name]!); continue; }
    if (!p.required) continue;
    if (p.in === 'header' && /^(accept|content-type|authorization)$/i.test(p.name)) continue;
    const v = validValue(p.schema, op.defs);
    if (!v.ok) return { ok: false, reason: `required ${p.in} parameter ${p.name}: ${v.reason}` };
    (p.in === 'query' ? query : headers)[p.name] = scalar(v.value);
  }
  const req: RequestTemplate = { method: opts.method ?? op.method, path };
  if (Object.keys(query).length) req.query = query;
  if (op.body && opts.withBody !== false) {
    if (op.body.json) {
      const v = 'json' in overrides ? { ok: true as const, value: overrides.json! } : validValue(op.body.json.schema, op.defs);
      if (!v.ok) return { ok: false, reason: `request body: ${v.reason}` };
      req.json = v.value;
      if (op.body.json.type !== 'application/json') headers['Content-Type'] = op.body.json.type;
    } else if (op.body.required) {
      return { ok: false, reason: `the request body is ${op.body.types.join(', ')}: faultline builds only JSON bodies` };
    }
  }
  if (Object.keys(headers).length) req.headers = headers;
  if (as) req.as = as;
  return { ok: true, req };
}

function scalar(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function envName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'VALUE';
}

function nonExistent(schema: JsonSchema, defs: Map<string, JsonSchema>): Made {
  const s = resolveRef(schema, defs);
  if (Array.isArray(s.enum)) return { ok: false, reason: 'an enum: every value it allows may exist' };
  const type = soleType(s);
  if (type === 'integer' || type === 'number') {
    let v = 2147480001;
    if (typeof s.maximum === 'number' && v > s.maximum) v = s.maximum;
    if (typeof s.minimum === 'number' && v < s.minimum) return { ok: false, reason: 'no large id fits its bounds' };
    return { ok: true, value: v };
  }
  if (type === 'string' || type === undefined) {
    const candidate = s.format === 'uuid' ? '00000000-0000-4000-8000-00000000f404' : 'faultline-does-not-exist';
    if (typeof s.pattern === 'string') { try { if (!new RegExp(s.pattern, 'u').test(candidate)) return { ok: false, reason: `no value known to be missing matches pattern ${s.pattern}` }; } catch { return { ok: false, reason: 'its pattern does not compile' }; } }
    if (typeof s.maxLength === 'number' && candidate.length > s.maxLength) return { ok: false, reason: `maxLength ${s.maxLength} is too short for a value known to be missing` };
    return { ok: true, value: candidate };
  }
  return { ok: false, reason: `a ${type} cannot name a missing resource` };
}

function bodyMaximum(op: OperationView): { type: string; bytes: number } | undefined {
  for (const [type, schema] of Object.entries(op.body?.schemas ?? {})) {
    const s = resolveRef(schema, op.defs);
    if (soleType(s) === 'string' && typeof s.maxLength === 'number') return { type, bytes: s.maxLength };
  }
  return undefined;
}

/**
 * 400/422: an otherwise valid request that breaks exactly one documented constraint, tried in
 * this order: a required body property or query parameter missing, a wrong type, out of range,
 * not in the enum, an additional property where forbidden. When both 400 and 422 are documented,
 * 422 (well-formed but invalid, RFC 9110 15.5.21) gets the broken constraint and 400 a body that
 * is not JSON at all.
 */
function breakOne(op: OperationView, key: string, fixtures: Fixtures, as: string | undefined): Derived {
  const kind: RecipeKind = '400/422';
  const both = op.documented.includes('400') && op.documented.includes('422');
  const json = op.body?.json;
  if (both && key === '400') {
    if (!json) return { kind, unprovokable: 'both 400 and 422 are documented and the operation takes no JSON body: which status a broken parameter gives is not stated' };
    const r = validRequest(op, fixtures, as, {}, { withBody: false });
    if (!r.ok) return { kind, unprovokable: r.reason };
    return { kind, recipe: { request: { ...r.req, headers: { ...r.req.headers, 'Content-Type': json.type }, body: '{"faultline": ' } }, how: 'a request body that is not JSON (400 beside a documented 422)' };
  }
  const body = json ? validValue(json.schema, op.defs) : undefined;
  const bodyObj = body?.ok && isRecord(body.value) ? body.value : undefined;
  const bodySchema = json ? resolveRef(json.schema, op.defs) : undefined;
  const props = (bodySchema?.properties ?? {}) as Record<string, JsonSchema>;
  const query = op.params.filter((p) => p.in === 'query' || p.in === 'path');
  type Try = { how: string; overrides: Record<string, Json> };
  const tries: Try[] = [];
  const withBody = (b: Record<string, Json>): Record<string, Json> => ({ json: b });
  if (bodyObj) for (const name of (bodySchema?.required ?? []) as string[]) { const { [name]: _gone, ...rest } = bodyObj; tries.push({ how: `body property ${name} missing (required)`, overrides: withBody(rest) }); break; }
  for (const p of query.filter((x) => x.in === 'query' && x.required)) { tries.push({ how: `query parameter ${p.name} missing (required)`, overrides: { [p.name]: null } }); break; }
  type Breaker = (s: JsonSchema) => { value: Json; what: string } | undefined;
  const each = (f: Breaker, forParams: Breaker = f): void => {
    if (bodyObj) for (const [name, s] of Object.entries(props)) { const b = f(resolveRef(s, op.defs)); if (b) { tries.push({ how: `body property ${name}: ${b.what}`, overrides: withBody({ ...bodyObj, [name]: b.value }) }); return; } }
    for (const p of query) { const b = forParams(resolveRef(p.schema, op.defs)); if (b) { tries.push({ how: `${p.in} parameter ${p.name}: ${b.what}`, overrides: { [p.name]: b.value } }); return; } }
  };
  // A parameter travels as text, so only a number or boolean parameter can have the wrong type;
  // a body property can have any.
  const typed = (inBody: boolean) => (s: JsonSchema) => { const v = inBody || ['integer', 'number', 'boolean'].includes(soleType(s) ?? '') ? wrongType(s) : undefined; return v === undefined ? undefined : { value: v, what: `${JSON.stringify(v)} is not a ${soleType(s)}` }; };
  each(typed(true), typed(false));
  each((s) => { const r = outOfRange(s); return r && { value: r.value, what: `outside ${r.bound}` }; });
  each((s) => { const v = notInEnum(s); return v === undefined ? undefined : { value: v, what: `${JSON.stringify(v)} is not in the enum` }; });
  if (bodyObj && bodySchema?.additionalProperties === false) tries.push({ how: 'an additional body property where additionalProperties is false', overrides: withBody({ ...bodyObj, faultlineUnexpected: true }) });
  if (tries.length === 0) {
    if (json && body && !body.ok) return { kind, unprovokable: `no valid request body to break one constraint of: ${body.reason}` };
    return { kind, unprovokable: 'the operation documents no constraint a request could break (no required property or parameter, type, bound, enum or closed object)' };
  }
  for (const t of tries) {
    const r = validRequest(op, fixtures, as, t.overrides);
    if (r.ok) return { kind, recipe: { request: r.req }, how: t.how };
  }
  const r = validRequest(op, fixtures, as, tries[0]!.overrides);
  return { kind, unprovokable: r.ok ? 'no request breaks exactly one constraint' : r.reason };
}

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
