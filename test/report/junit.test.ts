/**
 * faultline's JUnit XML groups per API, not per spec file: one testsuite per API, classname
 * `<api>.<status>`, the catalog's file:line on each testcase, a failure for a violation, an error
 * for an entry that could not be checked, skipped with the reason, a SHOULD-only violation passing
 * with a note; and every string escaped.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { caseOf, junitXml, xmlEscape } from '../../src/report/junit.js';
import { RESULT_ANNOTATION } from '../../src/runner/result.js';

function fake(id: string, status: string, outcome: string, pw: TestResult['status'], extra: { type: string; description?: string }[] = []): [TestCase, TestResult] {
  const api = id.slice(0, id.indexOf('/'));
  const test = { title: `${id} ${status} Title`, tags: [`@api:${api}`, `@status:${status}`, '@must'], annotations: [{ type: 'catalog', description: `catalogs/${api}.yaml:${id.length * 3}` }] } as unknown as TestCase;
  const result = {
    status: pw, duration: 120,
    annotations: [{ type: RESULT_ANNOTATION, description: JSON.stringify({ id, outcome, reason: outcome === 'unprovokable' ? 'a 5xx cannot be provoked' : undefined }) }, ...extra],
    ...(pw === 'failed' ? { error: { message: `expect(response).toConform() failed\n\n${id} does not conform: 1 violation <&>` } } : {}),
  } as unknown as TestResult;
  return [test, result];
}

describe('JUnit per API', () => {
  const cases = [
    fake('cmix/not-found', '404', 'violation', 'failed'),
    fake('cmix/server-error', '5xx', 'unprovokable', 'skipped', [{ type: 'skip', description: 'unprovokable: a 5xx cannot be provoked' }]),
    fake('awork/not-found', '404', 'violation', 'passed', [{ type: 'should-violation', description: 'awork/not-found does not conform' }]),
    fake('awork/timeout', '400', 'error', 'failed'),
    fake('cpm/bad-request', '400', 'conformant', 'passed'),
  ].map(([t, r]) => caseOf(t, r));
  const xml = junitXml(cases, 1.5);

  test('one testsuite per API with its counts; totals on testsuites', () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g)].map((m) => m.slice(1).join(' '));
    assert.deepEqual(suites, ['awork 2 0 1 0', 'cmix 2 1 0 1', 'cpm 1 0 0 0']);
    assert.match(xml, /<testsuites name="faultline conformance" tests="5" failures="1" errors="1" skipped="1"/);
    assert.ok(!/part-\d|\.spec\.ts/.test(xml), 'no spec file names');
  });

  test('testcases are classed by API and status and point at the catalog entry', () => {
    assert.match(xml, /<testcase name="cmix\/not-found 404 Title" classname="cmix\.404" file="catalogs\/cmix\.yaml" line="42"/);
    assert.match(xml, /<failure type="violation" message="cmix\/not-found does not conform: 1 violation &lt;&amp;&gt;">/);
    assert.match(xml, /<skipped message="unprovokable: a 5xx cannot be provoked"\/>/);
    assert.match(xml, /<error type="error" message="awork\/timeout does not conform/);
    assert.match(xml, /classname="awork\.404"[^>]*>\n {6}<system-out>SHOULD-only violation \(reported, not failing the run\):\nawork\/not-found does not conform<\/system-out>/);
  });

  test('escaping: markup, quotes, ANSI codes and characters XML cannot carry', () => {
    assert.equal(xmlEscape('<a href="x">\'&\u001b[31mred\u001b[0m\u0007'), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;red');
  });
});
