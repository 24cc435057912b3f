/**
 * The pipeline in a whole run (src/runner/pipeline.ts), against a target of this test's own that
 * records every request: a catalog of stateless entries with two stateful ones among them, a
 * selection that leaves some out, and a target that answers slowly enough for requests to overlap.
 * - only the selected entries are sent, each once (a stateful one: its setup step, then its request);
 * - a worker keeps several stateless requests in flight, and none while a stateful entry runs;
 * - every test judges its own entry's answer (the target breaks the contract of every third entry);
 * - FAULTLINE_PIPELINE=1 gives the same outcomes with one request at a time.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runSuite } from '../support/run-suite.js';

const ENTRIES = 24;
const STATEFUL = new Set([7, 15]);
const LEFT_OUT = new Set([3, 11, 20]);
const deviates = (k: number): boolean => k % 3 === 1;
const name = (k: number): string => `e${String(k).padStart(2, '0')}`;

function catalog(): string {
  const head = `api: pipe
title: Pipe API
baseUrlVar: PIPE_BASE_URL
page: { url: "https://example.test/errors", capture: pipe.html, title: Errors }
auth: { header: Authorization, format: "Bearer {token}" }
identities:
  admin: { env: PIPE_TOKEN, description: admin }
defaultIdentity: admin
envelopes:
  error: { type: object, required: [message], properties: { message: { type: string } } }
entries:
`;
  const entries = Array.from({ length: ENTRIES }, (_, k) => {
    const request = STATEFUL.has(k)
      ? `      setup:
        - request: { method: POST, path: /things, json: { name: "{{unique}}" } }
          expect: 201
          capture: { thingId: /body/id }
          basis: { kind: documented, why: creates a thing }
      request: { method: GET, path: "/things/{{thingId}}/${name(k)}" }`
      : `      request: { method: GET, path: /e/${name(k)} }`;
    return `  - id: pipe/${name(k)}
    title: ${name(k)}
    doc: { url: "https://example.test/errors#${name(k)}", quote: Not there. }
    status: 404
    strength: must
    body: { kind: json, envelope: error }
    example: '{"message": "nope"}'
    recipe:
${request}
      basis: { kind: inferred, why: a path that does not exist }
`;
  });
  return head + entries.join('');
}

interface Seen { path: string; inFlight: number }
let server: Server;
let url = '';
let seen: Seen[] = [];
let inFlight = 0;
const dir = mkdtempSync(join(tmpdir(), 'fl-pipeline-'));

before(async () => {
  mkdirSync(join(dir, 'catalogs'));
  writeFileSync(join(dir, 'catalogs', 'pipe.yaml'), catalog());
  server = createServer((req, res) => {
    inFlight++;
    const path = req.url ?? '';
    seen.push({ path, inFlight });
    req.resume();
    // slow enough (100 ms) that requests sent ahead overlap even when a loaded machine spreads out their starts
    setTimeout(() => {
      inFlight--;
      if (req.method === 'POST') { res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"t1"}'); return; }
      const k = Number(/e(\d+)$/.exec(path)?.[1]);
      if (deviates(k)) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not there"}');
    }, 100);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

async function run(pipeline: string, extra: string[] = []): Promise<{ outcomes: Map<string, string>; seen: Seen[] }> {
  seen = [];
  const runDir = join(dir, `run-${pipeline}-${extra.join('')}`.replace(/[^\w-]/g, '_'));
  const r = await runSuite({
    FAULTLINE_RUN_DIR: runDir,
    CONFORMANCE_ENV: 'selftest',
    FAULTLINE_CATALOGS: join(dir, 'catalogs'),
    FAULTLINE_WORKERS: '1',
    FAULTLINE_PIPELINE: pipeline,
    FAULTLINE_REPORTERS: 'minimal',
    PIPE_BASE_URL: url,
    PIPE_TOKEN: 'pipe-token',
  }, ['--grep-invert', [...LEFT_OUT].map((k) => `pipe/${name(k)}(\\s|$)`).join('|'), ...extra]);
  assert.equal(existsSync(runDir), false, 'the run folder, plan included, is removed when the run ends');
  if (!extra.length) assert.equal(r.report.entries.length, ENTRIES - LEFT_OUT.size, `${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { outcomes: new Map(r.report.entries.map((e) => [e.id, e.outcome])), seen: [...seen] };
}

test('entries are sent ahead only when selected, stateless, and judged by their own tests', { timeout: 300_000 }, async () => {
  const piped = await run('8');
  const single = await run('1');
  for (const k of Array.from({ length: ENTRIES }, (_, i) => i)) {
    const id = `pipe/${name(k)}`;
    const requests = piped.seen.filter((s) => s.path.endsWith(`/${name(k)}`));
    if (LEFT_OUT.has(k)) {
      assert.equal(requests.length, 0, `${id} was left out by the selection and never sent`);
      assert.equal(piped.outcomes.has(id), false);
      continue;
    }
    assert.equal(requests.length, 1, `${id} sent once`);
    assert.equal(piped.outcomes.get(id), deviates(k) ? 'violation' : 'conformant', `${id} judged on its own answer`);
    assert.equal(single.outcomes.get(id), piped.outcomes.get(id), `${id}: the same outcome one request at a time`);
  }
  assert.equal(piped.seen.filter((s) => s.path === '/things').length, STATEFUL.size, 'one setup step per stateful entry');
  const most = Math.max(...piped.seen.map((s) => s.inFlight));
  assert.ok(most > 1 && most <= 8, `a worker keeps up to FAULTLINE_PIPELINE requests in flight (most seen: ${most})`);
  const stateful = piped.seen.filter((s) => s.path === '/things' || s.path.startsWith('/things/'));
  assert.deepEqual(stateful.map((s) => s.inFlight), stateful.map(() => 1), 'nothing else in flight while a stateful entry runs');
  assert.equal(Math.max(...single.seen.map((s) => s.inFlight)), 1, 'FAULTLINE_PIPELINE=1: one request at a time');
});

test('a shard sends only its own entries', { timeout: 300_000 }, async () => {
  const shard = await run('8', ['--shard=2/2']);
  const mine = [...shard.outcomes.keys()].map((id) => id.slice('pipe/'.length)).sort();
  assert.ok(mine.length > 0 && mine.length < ENTRIES - LEFT_OUT.size, `shard 2 of 2 has part of the entries (${mine.length})`);
  const sent = shard.seen.filter((s) => s.path !== '/things').map((s) => /e\d+$/.exec(s.path)![0]).sort();
  assert.deepEqual(sent, mine, 'requests only for the entries of this shard, each once');
});

test('a listing writes no plan and leaves no run folder', { timeout: 120_000 }, () => {
  const runDir = join(dir, 'run-list');
  const root = new URL('../../', import.meta.url).pathname;
  execFileSync(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--list'], {
    cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, CI: '1', CONFORMANCE_ENV: 'selftest', FAULTLINE_CATALOGS: join(dir, 'catalogs'), FAULTLINE_REPORTERS: 'minimal', FAULTLINE_RUN_DIR: runDir, FAULTLINE_REPORTS_DIR: join(dir, 'list-reports'), PIPE_BASE_URL: url, PIPE_TOKEN: 'pipe-token' },
  });
  assert.equal(existsSync(runDir), false);
});
