/**
 * A failing entry does not cost a worker restart (src/runner/keep-worker.ts), and the failure is
 * still a failure everywhere: the same run with the hook turned off starts a worker per failure
 * and writes the same outcomes and the same JUnit counts. Worker processes are counted from
 * outside, by a preload that records the pid of every Playwright worker.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { runSuite } from '../support/run-suite.js';
import WorkerWatch from '../../src/runner/worker-watch.js';
import { transportTracker } from '../../src/runner/keep-worker.js';
import { classifyTransportError } from '../../src/target/errors.js';
import type { TestCase, TestResult } from '@playwright/test/reporter';

const tmp = mkdtempSync(join(tmpdir(), 'fl-keep-worker-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const SPEC_FILES = readdirSync(new URL('../../specs/conformance/', import.meta.url)).filter((f) => f.endsWith('.spec.ts')).length;

// The smallest API with a few more single-request entries than there are test groups; that many
// deviate (wrong status): enough to tell kept workers from restarted ones, few enough to keep the
// run without the hook short.
const catalogs = loadCatalogs();
const simple = (c: (typeof catalogs)[number]) => c.entries.filter((e) => e.recipes.length === 1 && !e.recipes[0]!.setup?.length && !e.destructive);
const api = [...catalogs].filter((c) => simple(c).length >= SPEC_FILES + 3).sort((a, b) => a.entries.length - b.entries.length)[0]
  ?? [...catalogs].sort((a, b) => simple(b).length - simple(a).length)[0]!;
const deviated = simple(api).map((e) => e.id).slice(0, SPEC_FILES + 3);

async function run(keep: boolean): Promise<{ workers: number; failures: number; outcomes: string[][]; code: number; stderr: string }> {
  const pids = join(tmp, `pids-${keep}.txt`);
  const preload = join(tmp, 'preload.mjs');
  writeFileSync(preload, `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.TEST_WORKER_INDEX) appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n'); });\n`);
  writeFileSync(pids, '');
  const reportsDir = join(tmp, `reports-${keep}`);
  const r = await runSuite({
    CONFORMANCE_ENV: 'reference',
    FAULTLINE_REPORTS_DIR: reportsDir,
    FAULTLINE_WORKERS: '1',
    FAULTLINE_KEEP_WORKER: keep ? '1' : '0',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
    REFERENCE_DEVIATIONS: deviated.map((id) => `${id}=status`).join(';'),
  }, ['--grep', `@api:${api.api}(\\s|$)`]);
  const junit = readFileSync(join(reportsDir, 'junit.xml'), 'utf8');
  const failures = Number(/<testsuites[^>]*\bfailures="(\d+)"/.exec(junit)?.[1]);
  const workers = new Set(readFileSync(pids, 'utf8').split('\n').filter(Boolean)).size;
  return { workers, failures, code: r.code, stderr: r.stderr, outcomes: r.report.entries.map((e) => [e.id, e.outcome]).sort() };
}

test('failing entries run on in the same worker and stay failures in every report', { timeout: 400_000 }, async () => {
  assert.ok(deviated.length > SPEC_FILES, `the check needs more failures (${deviated.length}) than test groups (${SPEC_FILES})`);
  const kept = await run(true);
  const restarted = await run(false);
  assert.equal(kept.failures, deviated.length, 'JUnit counts every violation as a failure');
  assert.equal(restarted.failures, deviated.length);
  assert.deepEqual(kept.outcomes, restarted.outcomes, 'the hook changes no outcome');
  assert.ok(kept.outcomes.filter(([, o]) => o === 'violation').length === deviated.length);
  assert.notEqual(kept.code, 0, 'violations fail the run');
  // One worker, one spec file in use, one test group: one worker process for the whole run.
  assert.equal(kept.workers, 1, `kept: ${kept.workers} worker processes for ${deviated.length} failures`);
  // Without the hook every failing test ends its worker.
  assert.ok(restarted.workers >= deviated.length, `without the hook: ${restarted.workers} worker processes for ${deviated.length} failures`);
  assert.doesNotMatch(kept.stderr, /restarted a worker/, 'the worker watch stays quiet when the hook works');
});

// The worker watch, fed the events of a run where Playwright restarted a worker after a verdict.
const fakeFiles = new Map<string, object>();
/** A test in its API's describe block of spec file `group` (one file suite object per name, as Playwright's). */
function fakeTest(group: string, id: string): TestCase {
  const file = fakeFiles.get(group) ?? fakeFiles.set(group, { type: 'file', title: group, parent: { type: 'project', title: 'conformance' } }).get(group)!;
  return { id, parent: { type: 'describe', title: 'api', parent: file }, annotations: [] } as unknown as TestCase;
}
function fakeResult(workerIndex: number, status: TestResult['status']): TestResult {
  return { workerIndex, status, annotations: [] } as unknown as TestResult;
}

test('the worker watch counts a group that moved to a new worker right after a kept verdict, and nothing else', () => {
  const runDir = join(tmp, 'run');
  const saved = process.env.FAULTLINE_RUN_DIR;
  process.env.FAULTLINE_RUN_DIR = runDir;
  after(() => { if (saved === undefined) delete process.env.FAULTLINE_RUN_DIR; else process.env.FAULTLINE_RUN_DIR = saved; });
  mkdirSync(join(runDir, 'kept'), { recursive: true });
  for (const id of ['b', 'd']) writeFileSync(join(runDir, 'kept', id), ''); // the worker asked to keep after b and d
  const watch = new WorkerWatch();
  const events: [TestCase, TestResult][] = [
    [fakeTest('part-1', 'a'), fakeResult(0, 'passed')],
    [fakeTest('part-1', 'b'), fakeResult(0, 'failed')],
    [fakeTest('part-1', 'c'), fakeResult(1, 'passed')], // restarted after a kept verdict: counted
    [fakeTest('part-2', 'd'), fakeResult(2, 'failed')],
    [fakeTest('part-2', 'e'), fakeResult(2, 'passed')], // kept, as asked
    [fakeTest('part-3', 'f'), fakeResult(3, 'failed')], // a timeout: the worker was not to be kept
    [fakeTest('part-3', 'g'), fakeResult(4, 'passed')],
    [fakeTest('part-4', 'h'), fakeResult(5, 'passed')],
    [fakeTest('part-4', 'i'), fakeResult(6, 'passed')], // moved, but not after a verdict
  ];
  for (const [t, r] of events) { watch.onTestBegin(t, r); watch.onTestEnd(t, r); }
  assert.equal(watch.restartsAfterVerdict, 1);
});

test('only a timed-out (or unclassified) request keeps a test from keeping its worker', async () => {
  const failing = (msg: string) => ({ async send(): Promise<never> { throw classifyTransportError(new Error(msg), 'http://127.0.0.1:9/x', 1500); } });
  const req = { method: 'GET', url: 'http://127.0.0.1:9/x', headers: {} };
  for (const [msg, clean] of [['connect ECONNREFUSED 127.0.0.1:9', true], ['read ECONNRESET', true], ['Max redirect count exceeded', true], ['Timeout 1500ms exceeded.', false]] as const) {
    const t = transportTracker(failing(msg));
    await t.sender.reset!();
    await assert.rejects(t.sender.send(req));
    assert.equal(t.leftNothingBehind(), clean, msg);
    await t.sender.reset!();
    assert.equal(t.leftNothingBehind(), true, 'a new test starts clean');
  }
});
