/**
 * Shared by the cmix and server self-tests: start the reference target, read the cmix env
 * section, run a catalog recipe the way the runner does, and check an answer against its entry.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseCatalog } from '../../src/catalog/load.js';
import type { Entry, Json, JsonSchema, LoadedCatalog, RequestTemplate } from '../../src/catalog/types.js';
import { startReference, type RunningReference, type StartOptions } from '../../reference/server.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * Only cmix's catalog is given to the server, so only cmix is mounted: the other modules are
 * written in parallel and a fault in one of them must not fail these tests (the server reports
 * the unmounted APIs on stderr and carries on).
 */
export function testCatalogs(): LoadedCatalog[] {
  const { catalog, issues } = parseCatalog(readFileSync(`${ROOT}catalogs/cmix.yaml`, 'utf8'), 'catalogs/cmix.yaml');
  if (!catalog) throw new Error(`cmix catalog invalid: ${JSON.stringify(issues)}`);
  return [catalog];
}

let cached: LoadedCatalog[] | undefined;
export const catalogs = (): LoadedCatalog[] => (cached ??= testCatalogs());
export const cmixCatalog = (): LoadedCatalog => catalogs().find((c) => c.api === 'cmix')!;

export function startTarget(opts: StartOptions = {}): Promise<RunningReference> {
  return startReference({ port: 0, catalogs: catalogs(), ...opts });
}

/** The cmix section of env/reference.env, as KEY → value (REFERENCE_PORT left unexpanded). */
export function cmixEnv(): Record<string, string> {
  const text = readFileSync(`${ROOT}env/reference.env`, 'utf8');
  const section = /# --- cmix ---\n([\s\S]*?)# --- end cmix ---/.exec(text)?.[1] ?? '';
  const env: Record<string, string> = {};
  for (const line of section.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}

export interface Exchange { status: number; headers: Headers; text: string; body: Json | undefined }

export async function exchange(res: Response): Promise<Exchange> {
  const text = await res.text();
  let body: Json | undefined;
  try { body = text ? (JSON.parse(text) as Json) : undefined; } catch { body = undefined; }
  return { status: res.status, headers: res.headers, text, body };
}

/** Expand `${ENV}` and the builtins; cmix recipes capture nothing, so `{{name}}` is refused. */
function expand(s: string, env: Record<string, string>): string {
  return s
    .replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined) throw new Error(`recipe needs env ${name}`);
      return v;
    })
    .replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, inner: string) => {
      if (inner === 'unique') return `fl-${randomUUID().slice(0, 8)}`;
      if (inner === 'uuid') return randomUUID();
      const pad = /^pad:(\d+)$/.exec(inner);
      if (pad) return 'x'.repeat(Number(pad[1]));
      throw new Error(`unsupported template {{${inner}}}`);
    });
}

function expandJson(v: Json, env: Record<string, string>): Json {
  if (typeof v === 'string') return expand(v, env);
  if (Array.isArray(v)) return v.map((x) => expandJson(x, env));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [expand(k, env), expandJson(x, env)]));
  return v;
}

/** Send one recipe request exactly as the runner does (see the brief's "How recipes are executed"). */
export async function sendTemplate(catalog: LoadedCatalog, t: RequestTemplate, base: string, env: Record<string, string>): Promise<Exchange> {
  const query = t.query ? '?' + new URLSearchParams(Object.entries(t.query).map(([k, v]): [string, string] => [k, expand(v, env)])).toString() : '';
  const headers: Record<string, string> = {};
  const as = t.as ?? catalog.defaultIdentity;
  if (as !== 'none') headers[catalog.auth.header] = catalog.auth.format.replace('{token}', expand(`\${${catalog.identities[as]!.env}}`, env));
  for (const [k, v] of Object.entries(t.headers ?? {})) headers[k] = expand(v, env);
  let body: string | undefined;
  if (t.json !== undefined) {
    body = JSON.stringify(expandJson(t.json, env));
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  } else if (t.body !== undefined) body = expand(t.body, env);
  const res = await fetch(base + expand(t.path, env) + query, { method: t.method, headers, body });
  return exchange(res);
}

/** Setup, the provoking request, teardown (always). cmix recipes capture nothing, so none is kept. */
export async function runRecipe(catalog: LoadedCatalog, entry: Entry, base: string, env: Record<string, string>): Promise<Exchange> {
  const recipe = entry.recipe;
  if (!recipe) throw new Error(`${entry.id} has no recipe`);
  try {
    for (const step of recipe.setup ?? []) {
      const got = await sendTemplate(catalog, step.request, base, env);
      const want = step.expect === undefined ? undefined : ([] as number[]).concat(step.expect);
      if (want && !want.includes(got.status)) throw new Error(`${entry.id}: setup answered ${got.status}`);
    }
    return await sendTemplate(catalog, recipe.request, base, env);
  } finally {
    for (const step of recipe.teardown ?? []) await sendTemplate(catalog, step.request, base, env).catch(() => undefined);
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: false });

/** Status, header rules, content type and body shape (envelope + const + required + properties). */
export function assertConforms(catalog: LoadedCatalog, entry: Entry, got: Exchange): void {
  const statuses = typeof entry.status === 'number' ? [entry.status] : Array.isArray(entry.status) ? entry.status : [];
  assert.ok(statuses.includes(got.status), `${entry.id}: status ${got.status} not in ${JSON.stringify(entry.status)}: ${got.text}`);
  for (const rule of entry.headers ?? []) {
    const v = got.headers.get(rule.name);
    assert.ok(v !== null, `${entry.id}: header ${rule.name} missing`);
    if (rule.equals !== undefined) assert.equal(v, rule.equals, `${entry.id}: header ${rule.name}`);
    if (rule.matches !== undefined) assert.match(v, new RegExp(rule.matches), `${entry.id}: header ${rule.name}`);
  }
  if (entry.contentType) assert.equal(got.headers.get('content-type')?.split(';')[0], entry.contentType.type, `${entry.id}: content type`);
  if (entry.body.kind !== 'json') return;
  const b = entry.body;
  const narrow: JsonSchema = { type: 'object', required: b.required ?? [], properties: { ...(b.properties ?? {}) } };
  for (const [k, v] of Object.entries(b.const ?? {})) (narrow.properties as Record<string, Json>)[k] = { const: v };
  const validate = ajv.compile({ allOf: [catalog.envelopes[b.envelope]!, narrow] });
  assert.ok(validate(got.body), `${entry.id}: body ${got.text} fails its schema: ${ajv.errorsText(validate.errors)}`);
  assert.doesNotMatch(got.text, /\n\s+at /, `${entry.id}: stack trace in body`);
}
