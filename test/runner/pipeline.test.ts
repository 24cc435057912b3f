/**
 * The in-worker pipeline (src/runner/pipeline.ts) on its own: with a plan and a fake run, which
 * entries it starts ahead, when, on which lane, and what each test takes. The whole-suite
 * behaviour (selection, attribution, concurrency seen by a target) is in pipeline-run.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry, LoadedCatalog } from '../../src/catalog/types.js';
import { AheadGate, Pipeline, sendsAhead } from '../../src/runner/pipeline.js';
import { transportTracker } from '../../src/runner/keep-worker.js';
import type { PlanIndex } from '../../src/runner/plan.js';
import type { Sender } from '../../src/target/sender.js';
import { TargetError } from '../../src/target/errors.js';

/** Entries by title: `s*` stateless, `x*` with a setup step. */
function entry(title: string): Entry {
  const stateful = title.startsWith('x');
  return { id: title, title, recipes: [{ request: { method: 'GET', path: `/${title}` }, ...(stateful ? { setup: [{ request: { method: 'POST', path: '/things' } }] } : {}) }] } as unknown as Entry;
}
const catalog = {} as LoadedCatalog;

function planOf(groups: string[][]): PlanIndex {
  const g = groups.map((titles) => titles.map((t) => [`id-${t}`, t] as [string, string]));
  const at = new Map<string, { group: number; index: number }>();
  g.forEach((tests, group) => tests.forEach(([id], index) => at.set(id, { group, index })));
  return { groups: g, at };
}

interface Harness {
  pipeline: Pipeline<string>;
  started: string[];
  inFlight: () => number;
  maxInFlight: () => number;
  lanes: () => number;
  release: (title?: string) => void;
}

/** A pipeline whose runs wait until released (all at once, or one by title). */
function harness(groups: string[][], depth: number, opts: { fail?: string } = {}): Harness {
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  let inFlight = 0;
  let max = 0;
  let lanes = 0;
  const pipeline = new Pipeline<string>({
    plan: planOf(groups),
    depth,
    entryOf: (title) => (title.startsWith('?') ? undefined : { c: catalog, e: entry(title) }),
    newLane: async (): Promise<Sender> => {
      lanes++;
      return { send: async () => { throw new Error('unused'); } };
    },
    run: async (_c, e) => {
      started.push(e.title);
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise<void>((r) => waiting.set(e.title, r));
      inFlight--;
      if (e.title === opts.fail) throw new Error(`bug in ${e.title}`);
      return `result of ${e.title}`;
    },
  });
  return {
    pipeline, started, inFlight: () => inFlight, maxInFlight: () => max, lanes: () => lanes,
    release: (title) => {
      for (const [t, r] of [...waiting]) if (!title || t === title) { waiting.delete(t); r(); }
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('sendsAhead: only entries without setup, teardown, repeat, polling or destruction', () => {
  assert.equal(sendsAhead(entry('s1')), true);
  assert.equal(sendsAhead(entry('x1')), false);
  const base = entry('s2');
  assert.equal(sendsAhead({ ...base, destructive: 'deletes' } as Entry), false);
  assert.equal(sendsAhead({ ...base, recipes: [{ ...base.recipes[0]!, teardown: [{ request: { method: 'DELETE', path: '/x' } }] }] } as unknown as Entry), false);
  assert.equal(sendsAhead({ ...base, recipes: [{ ...base.recipes[0]!, repeat: { until: 429, max: 50 } }] } as unknown as Entry), false);
  assert.equal(sendsAhead({ ...base, recipes: [{ ...base.recipes[0]!, poll: { while: 202 } }] } as unknown as Entry), false);
  assert.equal(sendsAhead({ ...base, recipes: [base.recipes[0]!, base.recipes[0]!] } as Entry), true, 'several causes, each one request');
});

test('starts the following entries of the group, at most depth, in run order', async () => {
  const h = harness([['s1', 's2', 's3', 's4', 's5', 's6']], 3);
  assert.equal(await h.pipeline.take('id-s1', 0), undefined, 'the first test sends its own request');
  await tick();
  assert.deepEqual(h.started, ['s2', 's3', 's4']);
  assert.equal(h.pipeline.inFlight, 3);
  h.release();
  const s2 = await h.pipeline.take('id-s2', 0);
  assert.deepEqual(s2, { result: 'result of s2', leftNothingBehind: true });
  await tick();
  assert.deepEqual(h.started, ['s2', 's3', 's4', 's5'], 'one taken, one more started');
  h.release();
  for (const t of ['s3', 's4', 's5']) assert.equal((await h.pipeline.take(`id-${t}`, 0))?.result, `result of ${t}`);
  await tick();
  assert.deepEqual(h.started, ['s2', 's3', 's4', 's5', 's6']);
  h.release();
  assert.equal((await h.pipeline.take('id-s6', 0))?.result, 'result of s6');
  assert.equal(h.pipeline.taken, 5);
  assert.ok(h.maxInFlight() <= 3);
  assert.ok(h.lanes() <= 4, `a lane per entry in flight, reused: ${h.lanes()}`);
});

test('never past a stateful entry, which runs with nothing of its worker in flight', async () => {
  const h = harness([['s1', 's2', 'x3', 's4', 's5']], 8);
  await h.pipeline.take('id-s1', 0);
  await tick();
  assert.deepEqual(h.started, ['s2'], 'stops before x3');
  const taking = h.pipeline.take('id-s2', 0);
  h.release();
  assert.equal((await taking)?.result, 'result of s2');
  let settled = false;
  const x3 = h.pipeline.take('id-x3', 0).then((r) => { settled = true; return r; });
  assert.equal(await x3, undefined, 'the stateful entry sends its own requests');
  assert.ok(settled);
  assert.equal(h.inFlight(), 0, 'nothing in flight while it runs');
  assert.deepEqual(h.started, ['s2'], 'nothing after it started yet');
  await h.pipeline.take('id-s4', 0);
  await tick();
  assert.deepEqual(h.started, ['s2', 's5'], 'starts again after it');
  h.release();
  await h.pipeline.settle();
});

test('a test waits for an unfinished entry; nothing is started for another group, an unplanned test or a retry', async () => {
  const h = harness([['s1', 's2'], ['s3', 's4']], 4);
  await h.pipeline.take('id-s1', 0);
  await tick();
  assert.deepEqual(h.started, ['s2']);
  let done = false;
  const s2 = h.pipeline.take('id-s2', 0).then((r) => { done = true; return r; });
  await tick();
  assert.equal(done, false, 'the test waits for its entry');
  h.release('s2');
  assert.equal((await s2)?.result, 'result of s2');
  assert.deepEqual(h.started, ['s2'], 'the end of a group starts nothing of the next');
  assert.equal(await h.pipeline.take('id-unplanned', 0), undefined);
  assert.equal(await h.pipeline.take('id-s3', 1), undefined, 'a retry sends its own request');
  await tick();
  assert.deepEqual(h.started, ['s2'], 'a retry starts nothing ahead');
});

test('a test moved to a new group drops what the old group left unstarted; unknown titles stop it', async () => {
  const h = harness([['s1', 's2', 's3'], ['s4', '?5', 's6']], 1);
  await h.pipeline.take('id-s1', 0);
  await tick();
  assert.deepEqual(h.started, ['s2']);
  const moving = h.pipeline.take('id-s4', 0);
  h.release();
  assert.equal(await moving, undefined, 'another group: its first test sends its own request');
  await tick();
  assert.deepEqual(h.started, ['s2'], 'an entry this worker does not know stops the pipeline');
});

test('a run that throws fails its own test only', async () => {
  const h = harness([['s1', 's2', 's3', 's4']], 4, { fail: 's3' });
  await h.pipeline.take('id-s1', 0);
  await tick();
  h.release();
  const s2 = await h.pipeline.take('id-s2', 0);
  assert.equal(s2?.result, 'result of s2');
  await assert.rejects(h.pipeline.take('id-s3', 0), /bug in s3/);
  h.release();
  assert.deepEqual(await h.pipeline.take('id-s4', 0), { result: 'result of s4', leftNothingBehind: true });
});

test('the lane tracker marks a timed-out request as left behind', async () => {
  const pipeline = new Pipeline<string>({
    plan: planOf([['s1', 's2', 's3']]),
    depth: 2,
    entryOf: (title) => ({ c: catalog, e: entry(title) }),
    newLane: async () => ({ send: async () => { throw new TargetError('target did not answer within 10 ms', 'http://127.0.0.1:9/', 'Timeout 10ms exceeded'); } }),
    run: async (_c, e, sender) => {
      if (e.title === 's2') await sender.send({ method: 'GET', url: 'http://127.0.0.1:9/', headers: {} }).catch(() => undefined);
      return e.title;
    },
  });
  await pipeline.take('id-s1', 0);
  assert.deepEqual(await pipeline.take('id-s2', 0), { result: 's2', leftNothingBehind: false });
  assert.deepEqual(await pipeline.take('id-s3', 0), { result: 's3', leftNothingBehind: true });
});

test('AheadGate: open only after a normal answer; closed by a transport failure or a body larger than kept', async () => {
  const gate = new AheadGate((url) => new URL(url).origin);
  let answer: 'small' | 'huge' | 'refused' = 'small';
  const sender = gate.watch({
    send: async () => {
      if (answer === 'refused') throw new TargetError('target unreachable: connection refused', 'http://a.test/x', 'ECONNREFUSED');
      return { status: 404, headers: {}, body: null, text: '', truncated: answer === 'huge' };
    },
  });
  const req = { method: 'GET', url: 'http://a.test/x', headers: {} };
  assert.equal(gate.open('http://a.test'), false, 'a target not met yet');
  assert.equal(gate.open(''), false, 'a catalog without a base URL');
  assert.equal(gate.open('not a url'), false);
  await assert.rejects(gate.watch({ send: async () => { throw new TargetError('request to the target failed', 'x', 'Invalid URL'); } }).send({ method: 'GET', url: 'not a url', headers: {} }), TargetError, 'a bad URL is its sender\'s to report');
  await sender.send(req);
  assert.equal(gate.open('http://a.test'), true);
  assert.equal(gate.open('http://b.test'), false, 'per base URL');
  answer = 'huge';
  await sender.send(req);
  assert.equal(gate.open('http://a.test'), false, 'a body larger than kept');
  answer = 'small';
  await sender.send(req);
  answer = 'refused';
  await assert.rejects(sender.send(req));
  assert.equal(gate.open('http://a.test'), false, 'a transport failure');
});

test('the pipeline waits while its gate is closed', async () => {
  let open = false;
  const started: string[] = [];
  const pipeline = new Pipeline<string>({
    plan: planOf([['s1', 's2', 's3']]),
    depth: 4,
    entryOf: (title) => ({ c: catalog, e: entry(title) }),
    newLane: async () => ({ send: async () => { throw new Error('unused'); } }),
    run: async (_c, e) => { started.push(e.title); return e.title; },
    mayGoAhead: () => open,
  });
  await pipeline.take('id-s1', 0);
  await tick();
  assert.deepEqual(started, [], 'nothing ahead before the target answered');
  open = true;
  assert.equal(await pipeline.take('id-s2', 0), undefined, 's2 sends its own request');
  await tick();
  assert.deepEqual(started, ['s3']);
});

test('the worker\'s sender wrappers pass the redirect policy on', async () => {
  const seen: (string | undefined)[] = [];
  const inner: Sender = { send: async (_req, redirects) => { seen.push(redirects); return { status: 200, headers: {}, body: null, text: '', truncated: false }; } };
  const req = { method: 'GET', url: 'http://a.test/x', headers: {} };
  await transportTracker(inner).sender.send(req, 'same-origin');
  await new AheadGate((u) => u).watch(inner).send(req, 'same-origin');
  assert.deepEqual(seen, ['same-origin', 'same-origin']);
});
