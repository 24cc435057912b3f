/**
 * The compiled-validator cache (src/schema/compile.ts): a second Validators over the same
 * catalogs compiles nothing and validates exactly as ajv does; a damaged file is compiled
 * again and replaced; a changed contract gets a file of its own; FAULTLINE_NO_CACHE=1 writes
 * nothing; processes filling one cache at once leave only whole files behind.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import type { Entry, LoadedCatalog } from '../../src/catalog/types.js';
import { newAjv, Validators } from '../../src/schema/compile.js';
import { entrySchema, envelopesSchema } from '../../src/schema/generate.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'fl-vcache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const catalogs = loadCatalogs();
const entries = catalogs.flatMap((c) => c.entries.map((e) => ({ c, e })));

function withCache<T>(dir: string, f: () => T, env: Record<string, string> = {}): T {
  const saved = { ...process.env };
  Object.assign(process.env, { FAULTLINE_CACHE_DIR: dir, ...env });
  try { return f(); } finally { process.env = saved; }
}

/** Answers to validate: wrong on every part, and one shaped like the entry (its status, its page example). */
function probes(e: Entry): unknown[] {
  let example: unknown = {};
  try { example = e.example === undefined ? {} : JSON.parse(e.example); } catch { /* not JSON: keep {} */ }
  return [{ status: 0, headers: {}, body: {} }, { status: e.status.sample, headers: { 'content-type': 'application/json' }, body: example }, 'not an answer'];
}

/** The same validation with a plain ajv compilation, no cache involved. */
function plain(c: LoadedCatalog, e: Entry): (d: unknown) => { ok: boolean; errors: unknown } {
  const ajv = newAjv();
  for (const x of catalogs) ajv.addSchema(envelopesSchema(x));
  const { $id: _i, $comment: _c, title: _t, description: _d, ...contract } = entrySchema(c, e);
  const v = ajv.compile(contract);
  return (d) => ({ ok: v(d), errors: v.errors ?? null });
}

test('a repeated run loads every validator from the cache and validates exactly as ajv does', () => {
  const dir = join(tmp, 'repeat');
  const first = withCache(dir, () => { const v = new Validators(catalogs); for (const { e } of entries) v.get(e.id); return v; });
  assert.equal(first.counts.fromCache, 0);
  assert.equal(first.counts.compiled, first.compiled, 'cold: each distinct contract compiled once');
  const files = readdirSync(join(dir, 'validators'));
  assert.equal(files.filter((f) => f.endsWith('.validator')).length, first.compiled, 'one file per distinct contract');
  assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
  const second = withCache(dir, () => new Validators(catalogs));
  for (const { c, e } of entries) {
    const cached = withCache(dir, () => second.get(e.id));
    const reference = plain(c, e);
    for (const d of probes(e)) assert.deepEqual({ ok: cached(d), errors: cached.errors ?? null }, reference(d), `${e.id}: the cached validator answers as ajv does`);
  }
  assert.equal(second.counts.compiled, 0, 'warm: nothing compiled');
  assert.equal(second.counts.fromCache, first.compiled);
});

test('a damaged file is compiled again and replaced; a changed contract gets a file of its own', () => {
  const dir = join(tmp, 'damaged');
  const { c, e } = entries.find(({ e }) => e.body.kind === 'json')!;
  withCache(dir, () => new Validators([c]).get(e.id));
  const modules = (): string[] => readdirSync(join(dir, 'validators')).filter((f) => f.endsWith('.validator'));
  const [one] = modules();
  assert.equal(modules().length, 1);
  const whole = readFileSync(join(dir, 'validators', one!));
  const damages: [string, Buffer][] = [
    ['cut short', whole.subarray(0, Math.floor(whole.length / 3))],
    ['code that is no validator', Buffer.from('faultline-validator 1 17\nmodule.exports = 1')],
    ['code that throws', Buffer.from('faultline-validator 1 16\nthrow new Error()')],
    ['not a validator file', Buffer.from('module.exports = () => true')],
  ];
  for (const [what, bytes] of damages) {
    writeFileSync(join(dir, 'validators', one!), bytes);
    const again = withCache(dir, () => { const v = new Validators([c]); const fn = v.get(e.id); return { v, fn }; });
    assert.equal(again.v.counts.compiled, 1, `${what}: the damaged file is not trusted`);
    assert.equal(again.fn({ status: 0 }), false, `${what}: the recompiled validator validates`);
    const reread = withCache(dir, () => { const v = new Validators([c]); v.get(e.id); return v; });
    assert.equal(reread.counts.fromCache, 1, `${what}: and the file was replaced by a whole one`);
  }
  const changed: LoadedCatalog = { ...c, entries: c.entries.map((x) => x.id === e.id && x.body.kind === 'json' ? { ...x, body: { ...x.body, properties: { ...x.body.properties, cacheTestField: { type: 'integer' } } } } : x) };
  const v = withCache(dir, () => { const v = new Validators([changed]); v.get(e.id); return v; });
  assert.equal(v.counts.compiled, 1, 'a changed contract is compiled, not read from the old file');
  assert.equal(modules().length, 2);
});

test('FAULTLINE_NO_CACHE=1 compiles without reading or writing the cache', () => {
  const dir = join(tmp, 'off');
  const v = withCache(dir, () => { const v = new Validators(catalogs); for (const { e } of entries) v.get(e.id); return v; }, { FAULTLINE_NO_CACHE: '1' });
  assert.equal(v.counts.fromCache, 0);
  assert.ok(v.counts.compiled > 0);
  assert.throws(() => readdirSync(dir), /ENOENT/);
});

test('processes filling one cache at once leave only whole files that load', { timeout: 120_000 }, async () => {
  const dir = join(tmp, 'concurrent');
  const script = `import { loadCatalogs } from './src/load.js'; import { Validators } from './src/schema/compile.js';
const cs = loadCatalogs(); const v = new Validators(cs); for (const c of cs) for (const e of c.entries) v.get(e.id);
process.stdout.write(JSON.stringify(v.counts));`;
  const run = (): Promise<{ compiled: number; fromCache: number }> => promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, FAULTLINE_CACHE_DIR: dir } }).then((r) => JSON.parse(r.stdout) as { compiled: number; fromCache: number });
  await Promise.all([run(), run(), run()]);
  assert.deepEqual(readdirSync(join(dir, 'validators')).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
  const after_ = await run();
  assert.equal(after_.compiled, 0, 'every file the racing processes wrote loads');
  assert.ok(after_.fromCache > 0);
});
