/**
 * faultline against hostile and broken targets: the Playwright suite, one API's project (the
 * smallest whose provokable entries are single requests, so every entry meets the target
 * itself), runs against each loopback target. Whatever the target does, every provokable entry
 * must end `error` or `violation` with a message naming the cause, each entry within its request
 * timeout, the run within a generous wall-time bound (a hang, not slowness, is what it catches:
 * the machine may be loaded), and a 50 MB body must neither be kept (the report says
 * `truncated`) nor blow up the processes' memory.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import type { ConformanceEntry } from '../../src/report/collect.js';
import { loadCatalogs } from '../../src/load.js';
import * as hostile from '../support/hostile.js';
import { watchPeakRss, type PeakRss } from '../support/peak-rss.js';
import { envFor, runSuite, type SuiteRun } from '../support/run-suite.js';

/** request timeout where the timeout is what is tested (a silent or trickling target) */
const TIMEOUT_MS = 1500;
/** request timeout for targets that do answer, however badly: loose, so a loaded machine reading 50 MB does not time out */
const ANSWERING_TIMEOUT_MS = 10_000;
/** a handful of entries on 2 workers, each at most one timeout, plus Playwright start-up, on a loaded machine */
const RUN_BUDGET_MS = 150_000;
const RESTARTING_RUN_BUDGET_MS = 3 * RUN_BUDGET_MS;
/** an entry may take its request timeout plus scheduling slack, never more */
const SLACK_MS = 5000;

const API = loadCatalogs()
  .filter((c) => c.entries.some((e) => e.unprovokable) && c.entries.filter((e) => !e.unprovokable).length >= 3)
  .filter((c) => c.entries.every((e) => e.unprovokable || (e.recipes.length === 1 && !e.recipes[0]!.setup?.length && !e.recipes[0]!.teardown?.length && !e.recipes[0]!.repeat && !e.recipes[0]!.poll)))
  .sort((a, b) => a.entries.length - b.entries.length || a.api.localeCompare(b.api))[0]!;
const PROVOKABLE = API.entries.filter((e) => !e.unprovokable).length;

interface Outcome { run: SuiteRun; provokable: ConformanceEntry[]; memory: PeakRss }

async function runAgainst(t: TestContext, target: hostile.Hostile, timeoutMs = ANSWERING_TIMEOUT_MS, extraEnv: Record<string, string> = {}): Promise<Outcome> {
  const memory = watchPeakRss();
  let peaks: PeakRss | undefined;
  try {
    // The circuit breaker is off here: every entry must meet the hostile target itself.
    const env = { ...envFor(target.url, (name) => `robust-${name.toLowerCase()}`), FAULTLINE_REQUEST_TIMEOUT_MS: String(timeoutMs), FAULTLINE_REPORTERS: 'minimal', FAULTLINE_BREAKER_THRESHOLD: '0', ...extraEnv };
    // A run whose workers restart after every failing entry pays a start-up per entry on top:
    // with the keep-worker hook off, or when every request times out (a timed-out request may
    // leave a live socket behind, so its test does not keep its worker: src/runner/keep-worker.ts).
    const budget = extraEnv.FAULTLINE_KEEP_WORKER === '0' || timeoutMs === TIMEOUT_MS ? RESTARTING_RUN_BUDGET_MS : RUN_BUDGET_MS;
    const run = await runSuite(env, [`--project=${API.api}`], budget + 30_000);
    peaks = memory.stop();
    const entries = run.report.entries;
    assert.equal(entries.length, API.entries.length, `${API.api} has ${API.entries.length} entries, the report lists ${entries.map((e) => e.id).join(', ')}`);
    for (const e of API.entries.filter((x) => x.unprovokable)) assert.equal(entries.find((x) => x.id === e.id)?.outcome, 'unprovokable');
    const provokable = entries.filter((e) => e.outcome !== 'unprovokable');
    assert.equal(provokable.length, PROVOKABLE);
    t.diagnostic(`wall ${run.ms} ms, exit ${run.code}, target hit ${target.hits()}x, peak RSS ${peaks.maxMiB} MiB`);
    for (const e of provokable) t.diagnostic(`${e.id} ${e.outcome} ${e.durationMs} ms: ${e.reason ?? e.violations?.map((v) => `${v.check}: ${v.message}`).join(' | ')}`);
    assert.ok(run.ms < budget, `the run took ${run.ms} ms, budget ${budget} ms`);
    assert.equal(run.code, 1, 'errors and violations fail the run');
    for (const e of provokable) {
      assert.ok((e.durationMs ?? Infinity) <= timeoutMs + SLACK_MS, `${e.id} took ${e.durationMs} ms, budget ${timeoutMs + SLACK_MS} ms`);
    }
    rmSync(run.reportsDir, { recursive: true, force: true }); // kept only when an assertion failed, to look at
    return { run, provokable, memory: peaks };
  } finally {
    if (!peaks) memory.stop();
    await target.close();
  }
}

/** Every provokable entry ends `error`, its reason naming the cause and the URL it called. */
function expectErrors(o: Outcome, cause: RegExp): void {
  for (const e of o.provokable) {
    assert.equal(e.outcome, 'error', `${e.id}: expected error, got ${e.outcome} ${JSON.stringify(e.violations ?? e.reason)}`);
    assert.match(e.reason ?? '', cause, e.id);
    assert.match(e.reason ?? '', /\(http:\/\/127\.0\.0\.1:\d+\//, `${e.id}: the reason names the URL`);
  }
}

/** Every provokable entry ends `violation`, with `check` among its violations saying `message`. */
function expectViolations(o: Outcome, check: string, message: RegExp): void {
  for (const e of o.provokable) {
    assert.equal(e.outcome, 'violation', `${e.id}: expected violation, got ${e.outcome} ${e.reason ?? ''}`);
    const v = e.violations?.find((x) => x.check === check);
    assert.ok(v, `${e.id}: no ${check} violation among ${e.violations?.map((x) => x.check).join(', ')}`);
    assert.match(v.message, message, e.id);
  }
}

const opts = { timeout: RUN_BUDGET_MS + 60_000 };
/** peak RSS of a run with small bodies, the yardstick for the 50 MB run (Linux only) */
let baseline: { runner: number; worker: number } | undefined;

function roles(m: PeakRss): { runner: number; worker: number } {
  const runner = m.processes.filter((p) => p.ppid === process.pid && p.cmd.includes('cli.js'));
  const workers = m.processes.filter((p) => p.cmd.includes('workerProcessEntry'));
  return { runner: Math.max(0, ...runner.map((p) => p.peakMiB)), worker: Math.max(0, ...workers.map((p) => p.peakMiB)) };
}

test('connection refused: error naming the refusal, at once', opts, async (t) => {
  const o = await runAgainst(t, await hostile.refusedTarget());
  expectErrors(o, /^target unreachable: connection refused .*ECONNREFUSED/);
  for (const e of o.provokable) assert.ok((e.durationMs ?? Infinity) < ANSWERING_TIMEOUT_MS, `${e.id} waited ${e.durationMs} ms for a refused connection`);
});

const restartingOpts = { timeout: RESTARTING_RUN_BUDGET_MS + 60_000 };

test('a target that accepts and never answers: error after the request timeout', restartingOpts, async (t) => {
  const target = await hostile.silentTarget();
  const o = await runAgainst(t, target, TIMEOUT_MS);
  expectErrors(o, new RegExp(`^target did not answer within ${TIMEOUT_MS} ms `));
  assert.ok(target.hits() >= PROVOKABLE, `every entry reached the target (${target.hits()})`);
  for (const e of o.provokable) assert.ok((e.durationMs ?? 0) >= TIMEOUT_MS - 50, `${e.id} gave up after ${e.durationMs} ms, before the timeout`);
});

test('headers at once, then a body trickling slower than the timeout: error after the timeout', restartingOpts, async (t) => {
  const o = await runAgainst(t, await hostile.tricklingTarget(250), TIMEOUT_MS);
  expectErrors(o, new RegExp(`^target did not answer within ${TIMEOUT_MS} ms `));
});

test('a reset in the middle of the body: error naming the broken connection', opts, async (t) => {
  const o = await runAgainst(t, await hostile.resettingTarget());
  expectErrors(o, /^target closed the connection before the response was complete \(reset mid-body/);
});

test('invalid JSON under a JSON content type: violation content_type_conformance "not valid JSON"', opts, async (t) => {
  const o = await runAgainst(t, await hostile.invalidJsonTarget());
  expectViolations(o, 'content_type_conformance', /announced as application\/json; charset=utf-8 but is not valid JSON: /);
  if (o.memory.supported) baseline = roles(o.memory);
});

test('a 50 MB body: truncated, not parsed, and memory stays bounded', restartingOpts, async (t) => {
  // One body per worker process (FAULTLINE_KEEP_WORKER=0: each violation gets a fresh worker), so
  // a worker's peak is one response's: a worker that runs on after its violations sees several
  // bodies in a row and its peak depends on when V8 collects them. That no kept worker retains
  // bodies is measured with settled collections in sender-memory.test.ts.
  const o = await runAgainst(t, await hostile.hugeTarget(50 * 1024 * 1024), ANSWERING_TIMEOUT_MS, { FAULTLINE_KEEP_WORKER: '0' });
  expectViolations(o, 'content_type_conformance', /larger than 1048576 bytes and was not parsed/);
  for (const e of o.provokable) {
    assert.equal(e.observed?.truncated, true, `${e.id}: observed.truncated`);
    assert.ok(JSON.stringify(e.observed).length < 64 * 1024, `${e.id}: the report keeps a preview, not the body (${JSON.stringify(e.observed).length} chars)`);
  }
  if (!o.memory.supported) { t.diagnostic('no /proc: memory not measured'); return; }
  const used = roles(o.memory);
  const base = baseline ?? { runner: 200, worker: 200 }; // when run alone (--test-name-pattern): a generous stand-in
  t.diagnostic(`peak RSS MiB: runner ${used.runner} (small-body run ${base.runner}), worker ${used.worker} (small-body run ${base.worker})`);
  // The runner process receives results, never bodies: it must not notice the 50 MB at all.
  assert.ok(used.runner <= base.runner + 32, `runner peaked at ${used.runner} MiB, ${base.runner} MiB with small bodies`);
  // A worker holds one response at a time. Playwright's request context buffers a whole body
  // before faultline can cut it (about twice the body at peak), so a bound of three bodies
  // catches any copy kept or made on top (see sender-memory.test.ts for accumulation).
  assert.ok(used.worker <= base.worker + 150, `a worker peaked at ${used.worker} MiB, ${base.worker} MiB with small bodies`);
});

test('a redirect loop: the judged request follows no redirect, its 302 is the violation', opts, async (t) => {
  const target = await hostile.redirectLoopTarget();
  const o = await runAgainst(t, target);
  for (const e of o.provokable) {
    assert.equal(e.outcome, 'violation', `${e.id}: ${e.outcome} ${e.reason ?? ''}`);
    assert.ok(e.violations?.some((v) => v.check === 'status_code_conformance' && /302/.test(v.message)), `${e.id}: the 302 is judged`);
  }
  // one request per entry: nothing is followed (same-origin loops of setup steps: test/target/redirects.test.ts)
  assert.ok(target.hits() <= o.provokable.length, `the target was hit ${target.hits()} times`);
});

test('a Content-Length larger than the body, then a clean close: error naming the short body', opts, async (t) => {
  const o = await runAgainst(t, await hostile.shortBodyTarget());
  expectErrors(o, /^target closed the connection before the response was complete .*fewer body bytes than its Content-Length declared/);
});

test('raw bytes that are not HTTP: error saying so', opts, async (t) => {
  const o = await runAgainst(t, await hostile.notHttpTarget());
  expectErrors(o, /^target did not answer valid HTTP .*Parse Error/);
});
