/**
 * faultline's own checks that depend on the set of catalogs hold for a user's own: with a sixth
 * catalog (the Kennel fixture, imported) beside the shipped ones in a temporary FAULTLINE_CATALOGS
 * folder, the reference-target run (only the APIs it implements must conform; the sixth is
 * not-configured, naming its base URL), the all-reports counts, the nightly workflow's variables and
 * the no-outbound recipe run all pass. Those files start whole suite runs (runSuite(...)), so
 * `npm run test:unit` leaves this one out too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { shippedPlusKennel } from './documents.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'fl-sixth-'));
const catalogs = join(dir, 'catalogs');

before(async () => { await shippedPlusKennel(dir); });
after(() => rmSync(dir, { recursive: true, force: true }));

test('faultline\'s own checks that depend on the catalogs hold with a sixth one', { timeout: 600_000 }, () => {
  const files = ['test/selftest/reference-run.test.ts', 'test/selftest/all-reports.test.ts', 'test/ci/workflows.test.ts', 'test/reference/no-outbound.test.ts'];
  // a test run of its own (node refuses to nest one inside a test file's context)
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FAULTLINE_CATALOGS: catalogs };
  delete childEnv.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: ROOT, env: childEnv, encoding: 'utf8', timeout: 580_000,
  });
  const summary = /^# pass (\d+)[\s\S]*^# fail (\d+)/m.exec(r.stdout);
  assert.ok(summary, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.equal(Number(summary[2]), 0, r.stdout.slice(-6000));
  assert.ok(Number(summary[1]) >= files.length);
  assert.equal(r.status, 0);
});

