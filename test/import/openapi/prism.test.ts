/**
 * Proof against a server nobody here wrote: both fixture documents (faultline's Kennel and the
 * vendored Swagger Petstore) are imported, their schemas generated, and the suite runs against
 * Stoplight Prism's mock of each document (the dev dependency, started here on loopback). Every
 * entry ends conformant, violation (of a MUST or only of SHOULDs), unprovokable or not-configured
 * with a reason, never an error;
 * and where Prism deviates from the document or from RFC 9110, faultline says so: its 405 carries
 * no Allow, and its 401 sends `WWW-Authenticate: string` where the document requires `^Bearer`.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseCatalog } from '../../../src/load.js';
import { runImport, parseArgs } from '../../../src/import/openapi/cli.js';
import { runSuite } from '../../support/run-suite.js';
import { DOCUMENTS } from './documents.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PRISM = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
const dir = mkdtempSync(join(tmpdir(), 'fl-prism-'));
const catalogs = join(dir, 'catalogs');
const mocks: ChildProcess[] = [];
const baseUrls: Record<string, string> = {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port')))); });
  });
}

/** Start Prism's mock of `file` on a free loopback port; resolves when it says it listens. */
async function startPrism(file: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [PRISM, 'mock', '-h', '127.0.0.1', '-p', String(port), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  mocks.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    // generous: Prism starts in about 2 s on an idle machine, much slower on a loaded one
    const timer = setTimeout(() => reject(new Error(`Prism did not start in 120 s:\n${out}`)), 120_000);
    const seen = (d: Buffer): void => { out += d.toString(); if (/Prism is listening/.test(out)) { clearTimeout(timer); resolve(); } };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Prism exited (${code}):\n${out}`)); });
  });
  child.removeAllListeners('exit');
  return `http://127.0.0.1:${port}`;
}

before(async () => {
  mkdirSync(catalogs);
  for (const d of DOCUMENTS) await runImport(parseArgs([d.file, '--api', d.api, '--into', join(catalogs, `${d.api}.yaml`)]), async () => false);
  const urls = await Promise.all(DOCUMENTS.map((d) => startPrism(d.file)));
  DOCUMENTS.forEach((d, i) => { baseUrls[d.api] = urls[i]!; });
});
after(() => {
  for (const m of mocks) m.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('imported catalogs generate their schemas beside the catalogs folder', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/schemas.ts'], { cwd: ROOT, env: { ...process.env, FAULTLINE_CATALOGS: catalogs }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  for (const d of DOCUMENTS) assert.ok(existsSync(join(dir, 'schemas', d.api, 'envelopes.schema.json')), `schemas/${d.api}`);
  const example = readFileSync(join(dir, 'env', 'staging.env.example'), 'utf8');
  for (const d of DOCUMENTS) assert.match(example, new RegExp(`^${d.api.toUpperCase()}_BASE_URL=$`, 'm'));
});

test('against Prism\'s mocks: every entry ends with an outcome and a reason, and Prism\'s deviations are named', { timeout: 400_000 }, async () => {
  const env: Record<string, string> = { CONFORMANCE_ENV: 'selftest', FAULTLINE_CATALOGS: catalogs, FAULTLINE_ALLOW_DESTRUCTIVE: 'true' };
  for (const d of DOCUMENTS) {
    const c = parseCatalog(readFileSync(join(catalogs, `${d.api}.yaml`), 'utf8'), d.api).catalog!;
    env[c.baseUrlVar] = baseUrls[d.api]!;
    for (const [name, id] of Object.entries(c.identities)) env[id.env] = `faultline-${name}-token`;
    for (const f of Object.keys(c.fixtures ?? {})) env[f] = '10';
  }
  const run = await runSuite(env, [], 360_000);
  // should-violation: every violation of the entry is of a SHOULD (an RFC rule the document does not state)
  const allowed = new Set(['conformant', 'violation', 'should-violation', 'unprovokable', 'not-configured']);
  const table = run.report.entries.map((e) => `${e.id}: ${e.outcome}${e.reason ? ` (${e.reason})` : ''}${(e.violations ?? []).map((v) => `\n    ${v.check}: ${v.message}`).join('')}`);
  process.stdout.write(`outcomes against Prism:\n${table.join('\n')}\n`);
  const counts: Record<string, number> = {};
  for (const e of run.report.entries) counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
  process.stdout.write(`counts: ${JSON.stringify(counts)}\n`);
  const expected = DOCUMENTS.reduce((n, d) => n + parseCatalog(readFileSync(join(catalogs, `${d.api}.yaml`), 'utf8'), d.api).catalog!.entries.length, 0);
  assert.equal(run.report.entries.length, expected, 'every entry ran');
  for (const e of run.report.entries) {
    assert.ok(allowed.has(e.outcome), `${e.id}: ${e.outcome} ${e.reason ?? ''}`);
    if (e.outcome === 'violation' || e.outcome === 'should-violation') assert.ok((e.violations ?? []).length > 0, `${e.id}: a violation names what`);
    if (e.outcome === 'unprovokable' || e.outcome === 'not-configured') assert.ok(e.reason, `${e.id}: a reason`);
  }
  const violations = (id: string) => run.report.entries.find((e) => e.id === id)?.violations ?? [];
  assert.ok(violations('kennel/getDog.405').some((v) => v.check === 'response_headers_conformance' && /allow/i.test(v.message)), 'Prism\'s 405 lacks Allow (RFC 9110 15.5.6), and faultline says so');
  assert.ok(violations('kennel/listDogs.401').some((v) => v.check === 'response_headers_conformance' && /www-authenticate/i.test(v.message)), 'Prism\'s 401 challenge breaks the document\'s pattern, and faultline says so');
  assert.ok(counts.conformant! > 0, 'Prism answers some documented errors as documented');
});
