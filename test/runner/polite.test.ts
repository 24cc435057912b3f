/**
 * Politeness towards a shared deployment: the run settings, Retry-After on setup and teardown
 * steps, and the run-wide rate limit and concurrency cap shared by separate processes. The timing
 * assertions are lower bounds on spacing (load only makes them easier to meet) and counts, never
 * "finished within".
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseCatalog } from '../../src/load.js';
import { retryAfterMs, runRecipe, SetupError } from '../../src/recipes/run.js';
import { runSettings, SettingError } from '../../src/run-settings.js';
import { baseKeyOf, Throttle, throttledSender } from '../../src/runner/throttle.js';
import { Redactor } from '../../src/target/redact.js';
import type { SentRequest, Sender } from '../../src/target/sender.js';
import type { Exchange } from '../../src/target/exchange.js';
import { BASE } from '../catalog/fixture.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'fl-polite-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('run settings: rates per second or minute, whole-number caps, clear errors naming the variable', () => {
  assert.equal(runSettings({ FAULTLINE_RATE_LIMIT: '5/s' }).rateIntervalMs, 200);
  assert.equal(runSettings({ FAULTLINE_RATE_LIMIT: '120/min' }).rateIntervalMs, 500);
  assert.equal(runSettings({}).rateIntervalMs, 0);
  assert.equal(runSettings({}).concurrency, undefined);
  assert.equal(runSettings({ FAULTLINE_CONCURRENCY: '4' }).concurrency, 4);
  assert.throws(() => runSettings({ FAULTLINE_RATE_LIMIT: 'fast' }), (e: Error) => e instanceof SettingError && /FAULTLINE_RATE_LIMIT=fast: .*5\/s/.test(e.message));
  assert.throws(() => runSettings({ FAULTLINE_RATE_LIMIT: '0/s' }), SettingError);
  assert.throws(() => runSettings({ FAULTLINE_CONCURRENCY: '0' }), /FAULTLINE_CONCURRENCY=0/);
  assert.throws(() => runSettings({ FAULTLINE_RETRY_AFTER_MAX_MS: '-1' }), /FAULTLINE_RETRY_AFTER_MAX_MS/);
  assert.equal(runSettings({ FAULTLINE_KEEP_WORKER: '0' }).keepWorker, false);
});

test('Retry-After: delay-seconds and HTTP dates', () => {
  assert.equal(retryAfterMs('2'), 2000);
  assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 5000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

// demo/not-found: a setup step POST expecting 201, then the provoking GET.
const catalog = parseCatalog(BASE, 'catalogs/demo.yaml').catalog!;
const entry = catalog.entries.find((e) => e.recipes[0]?.setup?.length)!;
const answer = (status: number, headers: Record<string, string> = {}, body: unknown = { id: 't1' }): Exchange =>
  ({ status, headers: { 'content-type': 'application/json', ...headers }, body: body as Exchange['body'], text: JSON.stringify(body), truncated: false });
function scripted(answers: Exchange[]): Sender & { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  return { sent, async send(req) { sent.push(req); return answers.shift() ?? answer(404); } };
}
const scope = () => ({ env: { DEMO_BASE_URL: 'http://127.0.0.1:9', DEMO_TOKEN_ADMIN: 't' }, captures: {}, unique: 'u' });

test('a setup step answered 429/503 with Retry-After waits and is sent again; the provoking request never is', async () => {
  const s = scripted([answer(429, { 'retry-after': '0' }), answer(503, { 'retry-after': '0' }), answer(201), answer(429, { 'retry-after': '0' })]);
  const r = await runRecipe(catalog, entry, s, scope(), new Redactor({}), { retryAfterMaxMs: 1000 });
  assert.deepEqual(s.sent.map((q) => q.method), ['POST', 'POST', 'POST', 'GET']);
  assert.equal(r.exchange.status, 429, 'the provoking answer is judged as it came');
});

test('a Retry-After longer than the bound is not waited for: the step fails and says why', async () => {
  const s = scripted([answer(429, { 'retry-after': '120' })]);
  const started = Date.now();
  await assert.rejects(runRecipe(catalog, entry, s, scope(), new Redactor({}), { retryAfterMaxMs: 5000 }),
    (e: Error) => e instanceof SetupError && /answered 429 \(Retry-After 120: .*FAULTLINE_RETRY_AFTER_MAX_MS\)/.test(e.message));
  assert.ok(Date.now() - started < 60_000, 'it did not wait the two minutes asked');
  assert.equal(s.sent.length, 1);
  const none = scripted([answer(429)]);
  await assert.rejects(runRecipe(catalog, entry, none, scope(), new Redactor({})), SetupError);
  assert.equal(none.sent.length, 1, 'no Retry-After, no retry');
});

test('requests are keyed by the longest base URL that prefixes them, else by origin', () => {
  const key = baseKeyOf(['http://h:1/api', 'http://h:1/api/v2', '']);
  assert.equal(key('http://h:1/api/v2/x'), 'http://h:1/api/v2');
  assert.equal(key('http://h:1/api/x'), 'http://h:1/api');
  assert.equal(key('http://other:2/x'), 'http://other:2');
});

/** Runs `n` processes that each take `each` slots of one key; returns [start, end] per request. */
async function contend(dir: string, n: number, each: number, opts: { intervalMs: number; concurrency?: number; holdMs: number }): Promise<[number, number][]> {
  const script = join(tmp, 'contender.mts');
  writeFileSync(script, `
import { appendFileSync } from 'node:fs';
import { Throttle } from ${JSON.stringify(join(ROOT, 'src/runner/throttle.ts'))};
const [dir, out, each, intervalMs, cap, hold] = process.argv.slice(2);
const t = new Throttle({ dir, intervalMs: Number(intervalMs), ...(cap !== '-' ? { concurrency: Number(cap) } : {}) });
for (let i = 0; i < Number(each); i++) {
  const release = await t.acquire('http://127.0.0.1:9/api');
  const start = Date.now();
  await new Promise((r) => setTimeout(r, Number(hold)));
  appendFileSync(out, JSON.stringify([start, Date.now()]) + '\\n');
  release();
}
`);
  const out = join(dir, 'times.jsonl');
  writeFileSync(out, '');
  await Promise.all(Array.from({ length: n }, () => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, join(dir, 'state'), out, String(each), String(opts.intervalMs), String(opts.concurrency ?? '-'), String(opts.holdMs)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`contender exited ${code}`))));
  })));
  return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as [number, number]);
}

test('the rate limit holds across processes: no three request starts within one interval', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmp, 'rate-'));
  const interval = 100;
  const times = await contend(dir, 3, 5, { intervalMs: interval, holdMs: 0 });
  assert.equal(times.length, 15);
  const starts = times.map(([s]) => s).sort((a, b) => a - b);
  // Starts are spaced by the interval where the limiter takes them; a process descheduled for
  // less than an interval before it records its start can bring two closer, never three.
  for (let i = 2; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 2]! >= interval, `starts ${starts.slice(i - 2, i + 1).join(', ')} within ${interval} ms`);
  assert.ok(starts.at(-1)! - starts[0]! >= (starts.length - 2) * interval, 'the whole run was spread over the limit');
});

test('the concurrency cap holds across processes, and a slot held by a dead process is freed', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmp, 'cap-'));
  const times = await contend(dir, 4, 5, { intervalMs: 0, concurrency: 2, holdMs: 30 });
  assert.equal(times.length, 20);
  const events = times.flatMap(([s, e]) => [[s, 1], [e, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let most = 0;
  for (const [, d] of events) { inFlight += d; most = Math.max(most, inFlight); }
  assert.ok(most <= 2, `${most} requests in flight at once with a cap of 2`);

  // a slot file left by a process that no longer exists
  const dead = await new Promise<number>((resolve) => { const c = spawn(process.execPath, ['-e', '0']); c.on('exit', () => resolve(c.pid!)); });
  const t = new Throttle({ dir: join(dir, 'stale'), intervalMs: 0, concurrency: 1 });
  const release = await t.acquire('k');
  const slot = readFileSync(join(dir, 'stale', (await import('node:fs')).readdirSync(join(dir, 'stale')).find((f) => f.startsWith('busy-'))!), 'utf8');
  assert.equal(Number(slot), process.pid);
  release();
  const [file] = (await import('node:fs')).readdirSync(join(dir, 'stale')).filter((f) => f.startsWith('busy-'));
  assert.equal(file, undefined, 'release frees the slot');
  const t2 = new Throttle({ dir: join(dir, 'stale2'), intervalMs: 0, concurrency: 1 });
  const r1 = await t2.acquire('k');
  const held = (await import('node:fs')).readdirSync(join(dir, 'stale2')).find((f) => f.startsWith('busy-'))!;
  writeFileSync(join(dir, 'stale2', held), String(dead)); // as if a worker died holding it
  const r2 = await Promise.race([t2.acquire('k'), new Promise<undefined>((r) => setTimeout(() => r(undefined), 30_000))]);
  assert.ok(r2, 'the dead holder\'s slot was taken over');
  r1(); r2!();
});

test('a throttled sender passes every request through the throttle and answers as the inner sender', async () => {
  const inner = scripted([answer(404), answer(410)]);
  const t = new Throttle({ dir: join(tmp, 'sender'), intervalMs: 30 });
  const s = throttledSender(inner, t, baseKeyOf(['http://127.0.0.1:9']));
  const req = { method: 'GET', url: 'http://127.0.0.1:9/x', headers: {} };
  const t0 = Date.now();
  assert.equal((await s.send(req)).status, 404);
  assert.equal((await s.send(req)).status, 410);
  assert.ok(Date.now() - t0 >= 29, 'the second request waited for its slot');
  assert.equal(throttledSender(inner, new Throttle({ dir: join(tmp, 'off'), intervalMs: 0 }), () => 'k'), inner, 'no limit, no wrapper');
});

test('a throttled sender passes the redirect policy on', async () => {
  const seen: (string | undefined)[] = [];
  const inner = { send: async (_req: unknown, redirects?: string) => { seen.push(redirects); return answer(404); } };
  const s = throttledSender(inner as Parameters<typeof throttledSender>[0], new Throttle({ dir: join(tmp, 'policy'), intervalMs: 1 }), () => 'k');
  await s.send({ method: 'GET', url: 'http://127.0.0.1:9/x', headers: {} }, 'same-origin');
  assert.deepEqual(seen, ['same-origin']);
});
