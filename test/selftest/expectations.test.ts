/**
 * Known deviations and configuration gaps, end to end: an expectations file turns a listed
 * deviation into `known-deviation` (run passes) and a listed entry that conforms into
 * `unexpected-pass` (flagged, run passes); a missing variable makes an entry `not-configured`
 * naming it (allowed here by FAULTLINE_ALLOW_NOT_CONFIGURED); destructive entries wait for
 * FAULTLINE_ALLOW_DESTRUCTIVE; a bad expectations file
 * is refused with file:line:col.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CatalogError, formatIssue } from '../../src/catalog/issues.js';
import { loadExpectations } from '../../src/runner/expectations.js';
import { runSuite } from '../support/run-suite.js';

const ENV_DIR = new URL('../../env/', import.meta.url).pathname;
// this file's env lives in a temporary env folder, for the suite runs and for loadExpectations here
const envDir = mkdtempSync(join(tmpdir(), 'fl-env-'));
process.env.FAULTLINE_ENV_DIR = envDir;
after(() => rmSync(envDir, { recursive: true, force: true }));
const name = 'test-expectations';
const files = [join(envDir, `${name}.env`), join(envDir, `${name}.expectations.yaml`)];

test('known deviations pass as known-deviation, a conforming listed entry is an unexpected pass', { timeout: 180_000 }, async () => {
  writeFileSync(files[0]!, 'FAULTLINE_REFERENCE=embedded\nFAULTLINE_ALLOW_DESTRUCTIVE=false\n');
  writeFileSync(files[1]!, [
    'cmix/unauthorized:',
    '  reason: staging drops the challenge header',
    '  link: https://tracker.example/FL-1',
    '  expires: 2099-01-01',
    'cmix/not-found:',
    '  reason: was fixed last week',
    '  link: https://tracker.example/FL-2',
  ].join('\n') + '\n');
  const reference = (await import('dotenv')).parse(readFileSync(`${ENV_DIR}reference.env`));
  const run = await runSuite({
    ...reference, CONFORMANCE_ENV: name, FAULTLINE_REFERENCE: 'embedded', FAULTLINE_ALLOW_DESTRUCTIVE: 'false', CMIX_TOKEN_VIEWER: '',
    // The gap is allowed by name; without this the not-configured entry would fail the run.
    FAULTLINE_ALLOW_NOT_CONFIGURED: 'cmix/forbidden',
    REFERENCE_DEVIATIONS: 'cmix/unauthorized=drop-header:WWW-Authenticate',
  });
  const outcome = (id: string): string | undefined => run.report.entries.find((e) => e.id === id)?.outcome;
  assert.equal(outcome('cmix/unauthorized'), 'known-deviation');
  assert.equal(outcome('cmix/not-found'), 'unexpected-pass');
  const forbidden = run.report.entries.find((e) => e.id === 'cmix/forbidden')!;
  assert.equal(forbidden.outcome, 'not-configured');
  assert.match(forbidden.reason!, /CMIX_TOKEN_VIEWER/);
  const limited = run.report.entries.find((e) => e.id === 'subscription/LIMIT_RATE_EXCEEDED')!;
  assert.equal(limited.outcome, 'not-configured');
  assert.match(limited.reason!, /FAULTLINE_ALLOW_DESTRUCTIVE=true/);
  assert.equal(run.report.summary.violation + run.report.summary.error, 0, JSON.stringify(run.report.summary));
  assert.equal(run.code, 0, 'known deviations, unexpected passes, an allowed gap and skipped destructive entries do not fail the run');
  assert.equal(run.report.verdict?.result, 'passed');
  assert.equal(run.report.verdict?.allowedNotConfigured, 1);
});

test('an unknown id, an expired entry or a missing reason is refused with its position', () => {
  writeFileSync(files[1]!, [
    'cmix/unauthorized:',
    '  reason: fine',
    '  link: https://tracker.example/FL-1',
    'cmix/no-such-entry:',
    '  reason: typo',
    '  link: https://tracker.example/FL-3',
    'cmix/not-found:',
    '  reason: old',
    '  link: https://tracker.example/FL-2',
    '  expires: 2020-01-01',
    'cmix/forbidden:',
    '  link: https://tracker.example/FL-4',
  ].join('\n') + '\n');
  const ids = new Set(['cmix/unauthorized', 'cmix/not-found', 'cmix/forbidden']);
  assert.throws(() => loadExpectations(name, ids), (err: unknown) => {
    assert.ok(err instanceof CatalogError);
    const lines = err.issues.map(formatIssue);
    assert.ok(lines.some((l) => /expectations\.yaml:4:\d+ cmix\/no-such-entry: no catalog entry has this id/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /expectations\.yaml:7:\d+ cmix\/not-found: expired on 2020-01-01/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /expectations\.yaml:11:\d+ cmix\/forbidden: reason is required/.test(l)), lines.join('\n'));
    return true;
  });
});
