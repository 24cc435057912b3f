/**
 * Issue 5's acceptance run: the whole suite against the reference target with a few deviations
 * (one of them a listed known deviation) writes every report format, and they agree: the
 * conformance page embeds exactly conformance.json's data, JUnit counts the same failures, Allure
 * has a result per entry, the Playwright HTML report exists.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runSuite } from '../support/run-suite.js';
import { loadCatalogs } from '../../src/load.js';

const ENV_DIR = new URL('../../env/', import.meta.url).pathname;
// the run's env is a copy of the reference env in a temporary env folder (FAULTLINE_ENV_DIR), not in env/
const envDir = mkdtempSync(join(tmpdir(), 'fl-env-'));
const NAME = 'test-reports';
after(() => rmSync(envDir, { recursive: true, force: true }));

test('a run with deviations writes every report format, and they agree', { timeout: 180_000 }, async () => {
  copyFileSync(`${ENV_DIR}reference.env`, join(envDir, `${NAME}.env`));
  writeFileSync(join(envDir, `${NAME}.expectations.yaml`), 'awork/not-found:\n  reason: staging answers 400 for unknown ids\n  link: https://tracker.example/FL-9\n');
  const run = await runSuite({
    CONFORMANCE_ENV: NAME, FAULTLINE_ENV_DIR: envDir,
    REFERENCE_DEVIATIONS: 'cmix/unauthorized=drop-header:WWW-Authenticate;subscription/KM_MODEL_NOTFOUND=html;awork/not-found=status:400',
  });
  const dir = run.reportsDir;
  const report = run.report;
  // counts derived from whatever catalogs the run has (a user's own included)
  const entries = loadCatalogs().flatMap((c) => c.entries);
  assert.equal(report.summary.entries, entries.length);
  assert.equal(report.summary.violation, 2);
  assert.equal(report.summary.knownDeviation, 1);
  assert.equal(report.summary.unprovokable, entries.filter((e) => e.unprovokable).length);
  assert.notEqual(run.code, 0, 'two unexpected violations fail the run');

  const page = readFileSync(join(dir, 'conformance', 'index.html'), 'utf8');
  const data = JSON.parse(/<script type="application\/json" id="faultline-data">([\s\S]*?)<\/script>/.exec(page)![1]!) as { summary: unknown; entries: { id: string; outcome: string }[] };
  assert.deepEqual(data.summary, report.summary, 'the page shows the summary conformance.json holds');
  assert.deepEqual(data.entries.map((e) => [e.id, e.outcome]).sort(), report.entries.map((e) => [e.id, e.outcome]).sort());

  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  const suites = /<testsuites[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"[^>]*\bskipped="(\d+)"/.exec(junit) ?? /<testsuites[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"/.exec(junit);
  assert.ok(suites, 'junit.xml has a testsuites element with counts');
  assert.equal(Number(suites[1]), entries.length);
  assert.equal(Number(suites[2]), 2, 'JUnit fails exactly the unexpected violations');
  const names = [...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(names, Object.keys(report.apis).sort(), 'one JUnit testsuite per API, not per spec file');

  const allure = readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  assert.equal(allure.length, entries.length);
  assert.ok(readFileSync(join(dir, 'html', 'index.html'), 'utf8').length > 10_000, 'the Playwright HTML report exists');
  rmSync(dir, { recursive: true, force: true });
});
