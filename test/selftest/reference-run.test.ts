/**
 * The main job against the embedded reference target: every provokable entry conformant, every
 * other one accounted for (unprovokable, with its reason), none not-configured, exit status 0.
 * Runs the suite exactly as `npm run conformance` does (webServer starts the target).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { runSuite } from '../support/run-suite.js';
import { FACTORIES } from '../../reference/apis/index.js';

test('every provokable entry conforms on the reference target; the rest are unprovokable with a reason', { timeout: 300_000 }, async () => {
  // The reference target implements the APIs it declares; any other catalog (a user's own) has no
  // base URL in the reference env, so its provokable entries are not-configured, naming it, and
  // the run allows exactly those (a not-configured entry fails a run otherwise).
  const implemented = new Set(FACTORIES.map((f) => f.api));
  const catalogs = loadCatalogs();
  const others = catalogs.filter((c) => !implemented.has(c.api)).map((c) => `${c.api}/*`);
  const run = await runSuite({ CONFORMANCE_ENV: 'reference', ...(others.length ? { FAULTLINE_ALLOW_NOT_CONFIGURED: others.join(',') } : {}) });
  const entries = catalogs.flatMap((c) => c.entries.map((e) => ({ ...e, implemented: implemented.has(c.api), baseUrlVar: c.baseUrlVar })));
  const byId = new Map(run.report.entries.map((e) => [e.id, e]));
  const wrong: string[] = [];
  for (const e of entries) {
    const r = byId.get(e.id);
    if (!r) { wrong.push(`${e.id}: did not run`); continue; }
    if (!e.implemented && !e.unprovokable) {
      if (r.outcome !== 'not-configured' || !(r.reason ?? '').includes(e.baseUrlVar)) wrong.push(`${e.id}: ${r.outcome} ${r.reason ?? ''} (not served by the reference target)`);
      continue;
    }
    const expected = e.unprovokable ? 'unprovokable' : 'conformant';
    if (r.outcome !== expected) wrong.push(`${e.id}: ${r.outcome} ${r.reason ?? ''} ${(r.violations ?? []).map((v) => v.message).join('; ')}`);
    if (e.unprovokable) assert.equal(r.reason, e.unprovokable);
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assert.equal(run.report.summary.notConfigured, entries.filter((e) => !e.implemented && !e.unprovokable).length);
  assert.equal(run.report.summary.entries, entries.length);
  assert.equal(run.code, 0, run.stdout.slice(-2000));
});

test('pointing the suite at a deviating target turns exactly the affected entries into violations of the right check', { timeout: 300_000 }, async () => {
  const implemented = new Set(FACTORIES.map((f) => f.api));
  const others = loadCatalogs().filter((c) => !implemented.has(c.api)).map((c) => `${c.api}/*`);
  const run = await runSuite({
    CONFORMANCE_ENV: 'reference',
    ...(others.length ? { FAULTLINE_ALLOW_NOT_CONFIGURED: others.join(',') } : {}),
    REFERENCE_DEVIATIONS: 'cmix/unauthorized=drop-header:WWW-Authenticate;subscription/KM_MODEL_NOTFOUND=body-status:400;awork/not-found=status:400',
  });
  // awork's statuses are inferred (SHOULD): its wrong status is a should-violation, counted apart.
  const failing = run.report.entries.filter((e) => e.outcome === 'violation' || e.outcome === 'error' || e.outcome === 'should-violation');
  assert.deepEqual(failing.map((e) => e.id).sort(), ['awork/not-found', 'cmix/unauthorized', 'subscription/KM_MODEL_NOTFOUND']);
  const checks = (id: string): string[] => failing.find((e) => e.id === id)!.violations!.map((v) => v.check);
  assert.ok(checks('cmix/unauthorized').includes('response_headers_conformance'));
  assert.ok(checks('subscription/KM_MODEL_NOTFOUND').includes('problem_status_consistency'));
  assert.ok(checks('awork/not-found').includes('status_code_conformance'));
  assert.equal(run.report.entries.find((e) => e.id === 'awork/not-found')?.outcome, 'should-violation', 'a SHOULD-only violation');
  assert.notEqual(run.code, 0, 'MUST violations fail the run');
});
