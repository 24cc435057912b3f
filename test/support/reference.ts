/**
 * The one harness of the reference target's tests. One API is mounted on a fresh target (so a
 * fault in another module cannot fail that API's tests); its catalog comes from the real loader;
 * requests go through a real Sender; `provoke` runs an entry's recipe with the suite's recipe
 * runner and judges it with the suite's checks (the runner's `judge`), which is the path a
 * conformance run takes: a test here cannot pass while a run against the same target fails.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import type { Entry, Json, LoadedCatalog } from '../../src/catalog/types.js';
import type { Violation } from '../../src/checks/types.js';
import { loadEnv } from '../../src/env.js';
import { missingVariables } from '../../src/recipes/requirements.js';
import { runRecipe, type RecipeResult } from '../../src/recipes/run.js';
import { judge } from '../../src/runner/execute.js';
import { Validators } from '../../src/schema/compile.js';
import type { Exchange } from '../../src/target/exchange.js';
import { fetchSender } from './fetch-sender.js';
import { Redactor } from '../../src/target/redact.js';
import { startReference, type RunningReference, type StartOptions } from '../../reference/server.js';

export { fetchSender };
export type { Exchange };

const CATALOGS = new URL('../../catalogs/', import.meta.url).pathname;

/** One shipped catalog, as the loader returns it (validated, normalised). */
export function loadCatalog(api: string): LoadedCatalog {
  const c = loadCatalogs(CATALOGS).find((x) => x.api === api);
  if (!c) throw new Error(`no catalog for api ${api} in ${CATALOGS}`);
  return c;
}

/**
 * The reference target with one API mounted, its base URL, and the reference env as a run
 * against it would see it.
 */
export async function startOne(catalog: LoadedCatalog, opts: Omit<StartOptions, 'catalogs' | 'port'> = {}): Promise<{ ref: RunningReference; base: string; env: Record<string, string | undefined> }> {
  const ref = await startReference({ ...opts, port: 0, catalogs: [catalog] });
  return { ref, base: ref.baseUrls[catalog.baseUrlVar]!, env: referenceEnv(ref.port) };
}

/** The reference env as a run against a target on `port` sees it. */
export function referenceEnv(port: number): Record<string, string | undefined> {
  return loadEnv({ REFERENCE_PORT: String(port) }).vars;
}

export interface CallOptions {
  /** a credential sent in the catalog's auth scheme (default: the default identity's); null sends none */
  token?: string | null;
  /** the whole auth header value instead (e.g. another scheme); null sends none */
  auth?: string | null;
  json?: Json;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface Provoked extends RecipeResult { violations: Violation[] }

/**
 * One test per entry of the harness's catalog: a provokable entry answers as catalogued when
 * provoked by its recipe (every variable it needs set, no violation, no teardown problem), then
 * passes `more`, what the API's test asserts beyond the contract; an unprovokable entry has no
 * recipe.
 */
export function recipeTests(h: Harness, more: (entry: Entry, r: Provoked) => void | Promise<void> = () => undefined): void {
  for (const entry of h.catalog.entries) {
    if (entry.unprovokable) {
      test(`${entry.id} is unprovokable and has no recipe`, () => assert.deepEqual(entry.recipes, []));
      continue;
    }
    test(`${entry.id} answers as catalogued when provoked by its recipe`, async () => {
      assert.deepEqual(missingVariables(h.catalog, entry, h.env), [], 'the reference env names every variable the recipe needs');
      const r = await h.provoke(entry);
      assert.deepEqual(r.violations, [], r.exchange.text);
      assert.deepEqual(r.teardownProblems, []);
      await more(entry, r);
    });
  }
}

export interface Harness {
  readonly catalog: LoadedCatalog;
  readonly ref: RunningReference;
  readonly base: string;
  readonly env: Record<string, string | undefined>;
  /** the value of a variable of the reference env, e.g. a fixture id (usable at a test file's top level) */
  v(name: string): string;
  /** the token of a catalog identity, as the reference env gives it */
  token(identity: string): string;
  /** one request below the API's base URL, sent by the suite's Sender */
  call(method: string, path: string, o?: CallOptions): Promise<Exchange>;
  /** an entry's recipe run and judged as a conformance run does it (against another target: startOne's) */
  provoke(entry: Entry, target?: { env: Record<string, string | undefined> }): Promise<Provoked>;
  /** any exchange judged against an entry, as a conformance run judges it */
  judge(entryId: string, x: Exchange): Violation[];
  entry(id: string): Entry;
}

/**
 * A harness for `api`, started before this file's tests and closed after them (node:test hooks
 * registered here, so call it at a test file's top level).
 */
export function harness(api: string, opts: Omit<StartOptions, 'catalogs' | 'port'> = {}): Harness {
  const catalog = loadCatalog(api);
  const validators = new Validators([catalog]);
  let started: { ref: RunningReference; base: string; env: Record<string, string | undefined> } | undefined;
  let fixtures: Record<string, string | undefined> | undefined;
  let n = 0;
  const get = (): NonNullable<typeof started> => {
    if (!started) throw new Error(`the ${api} harness is used before its before() hook ran`);
    return started;
  };
  const h: Harness = {
    catalog,
    get ref() { return get().ref; },
    get base() { return get().base; },
    get env() { return get().env; },
    v(name) {
      // Fixture values do not depend on the port, so they can be read before the target starts.
      const value = (started?.env ?? (fixtures ??= loadEnv({}).vars))[name];
      if (value === undefined) throw new Error(`the reference env has no ${name}`);
      return value;
    },
    token(identity) {
      const id = catalog.identities[identity];
      if (!id) throw new Error(`${api} has no identity ${identity}`);
      return h.v(id.env);
    },
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      const token = o.token === undefined ? h.token(catalog.defaultIdentity) : o.token;
      if (o.auth !== undefined) { if (o.auth !== null) headers[catalog.auth.header] = o.auth; }
      else if (token !== null) headers[catalog.auth.header] = catalog.auth.format.replace('{token}', token);
      let body = o.body;
      if (o.json !== undefined) {
        body = JSON.stringify(o.json);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
      }
      // fetch sends a Buffer as it is; the Sender's type names only the strings recipes build.
      return fetchSender.send({ method, url: get().base + path, headers, ...(body !== undefined ? { body: body as string } : {}) });
    },
    async provoke(entry, target) {
      const { env } = target ?? get();
      const r = await runRecipe(catalog, entry, fetchSender, { env, captures: {}, unique: `fl-${api}-${process.pid}-${++n}` }, new Redactor(env));
      return { ...r, violations: judge(catalog, entry, r.exchange, validators) };
    },
    judge(entryId, x) {
      return judge(catalog, h.entry(entryId), x, validators);
    },
    entry(id) {
      const e = catalog.entries.find((x) => x.id === id);
      if (!e) throw new Error(`${api} has no entry ${id}`);
      return e;
    },
  };
  before(async () => { started = await startOne(catalog, opts); });
  after(() => started?.ref.close());
  return h;
}
