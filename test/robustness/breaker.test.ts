/**
 * The circuit breaker: against a target that never answers, only the first few entries wait for
 * their timeout; the rest are reported `error` at once, saying the target looks down and what the
 * last failure was. A unit test covers opening and closing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Breaker } from '../../src/target/breaker.js';
import { silentTarget } from '../support/hostile.js';
import { envFor, runSuite } from '../support/run-suite.js';

test('opens after the threshold of failures in a row, per base URL, and closes on any answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-breaker-'));
  try {
    const b = new Breaker(dir, 2);
    b.failure('http://a', 'refused');
    assert.equal(b.open('http://a'), undefined);
    b.failure('http://a', 'refused again');
    assert.match(b.open('http://a') ?? '', /not tried: the last 2 requests to http:\/\/a failed.*last: refused again/);
    assert.equal(b.open('http://b'), undefined, 'another API is not affected');
    b.success('http://a');
    assert.equal(b.open('http://a'), undefined);
    assert.equal(new Breaker(dir, 0).open('http://a'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a target that never answers costs a few timeouts, not one per entry', { timeout: 120_000 }, async () => {
  const target = await silentTarget();
  try {
    const timeout = 1500;
    const run = await runSuite({ ...envFor(target.url, () => 'breaker-token'), FAULTLINE_REQUEST_TIMEOUT_MS: String(timeout), FAULTLINE_REPORTERS: 'minimal', FAULTLINE_WORKERS: '1' }, ['--project=cmix'], 90_000);
    const provokable = run.report.entries.filter((e) => e.outcome !== 'unprovokable');
    assert.equal(provokable.length, 8);
    assert.ok(provokable.every((e) => e.outcome === 'error'), JSON.stringify(provokable.map((e) => e.outcome)));
    const waited = provokable.filter((e) => (e.durationMs ?? 0) >= timeout - 50);
    const skipped = provokable.filter((e) => /not tried: the last \d+ requests to .* failed in transport/.test(e.reason ?? ''));
    assert.equal(waited.length, 3, `three entries wait for the timeout: ${provokable.map((e) => `${e.id} ${e.durationMs}`).join(', ')}`);
    assert.equal(skipped.length, 5);
    for (const e of skipped) assert.match(e.reason!, /did not answer within 1500 ms/, 'the reason carries the last failure');
    assert.ok(target.hits() <= 4, `the target saw ${target.hits()} requests`);
  } finally {
    await target.close();
  }
});
