/**
 * conformance.json assembly and the baseline comparison (FAULTLINE_BASELINE): newly failing and
 * newly fixed entries, a missing or broken baseline, only the selected APIs, no credentials in URLs.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Entry, LoadedCatalog } from '../../src/catalog/types.js';
import { Status } from '../../src/catalog/status.js';
import { assembleReport, withoutUserinfo } from '../../src/report/assemble.js';
import { compareWithBaseline, readBaseline } from '../../src/report/baseline.js';
import type { EntryResult, Outcome } from '../../src/runner/result.js';
import { tempDir } from './support.js';

const run = (pairs: [string, Outcome][]): { id: string; outcome: Outcome }[] => pairs.map(([id, outcome]) => ({ id, outcome }));

describe('compareWithBaseline', () => {
  test('failing now but not before is newly failing; failing before and passing now is newly fixed', () => {
    const before = run([['a/1', 'conformant'], ['a/2', 'violation'], ['a/3', 'error'], ['a/4', 'known-deviation'], ['a/5', 'violation'], ['a/6', 'not-configured'], ['a/7', 'known-deviation']]);
    const now = run([['a/1', 'violation'], ['a/2', 'conformant'], ['a/3', 'violation'], ['a/4', 'violation'], ['a/5', 'not-configured'], ['a/6', 'error'], ['a/7', 'unexpected-pass'], ['a/8', 'error']]);
    const b = compareWithBaseline(now, { entries: before, startedAt: '2026-11-20T02:00:00.000Z' }, 'prev.json');
    // a/3 fails in both runs; a/4 was an accepted deviation (not red) and is red now; a/8 is new and red.
    assert.deepEqual(b.newlyFailing, ['a/1', 'a/4', 'a/6', 'a/8']);
    // a/5 is not fixed, only no longer checked; a/7 was never red.
    assert.deepEqual(b.newlyFixed, ['a/2']);
    assert.equal(b.file, 'prev.json');
    assert.equal(b.startedAt, '2026-11-20T02:00:00.000Z');
  });

  test('an unexpected pass after a violation counts as fixed', () => {
    const b = compareWithBaseline(run([['a/1', 'unexpected-pass']]), { entries: run([['a/1', 'violation']]) }, 'x');
    assert.deepEqual(b.newlyFixed, ['a/1']);
  });
});

describe('readBaseline', () => {
  const dir = tempDir('baseline');
  test('a missing file is a warning, not a failure', () => {
    const r = readBaseline(join(dir, 'nope.json'));
    assert.equal(r.report, undefined);
    assert.match(r.warning ?? '', /does not exist/);
  });
  test('invalid JSON and a file without entries are warnings', () => {
    writeFileSync(join(dir, 'bad.json'), '{"entries": [');
    assert.match(readBaseline(join(dir, 'bad.json')).warning ?? '', /not valid JSON/);
    writeFileSync(join(dir, 'odd.json'), '{"summary": {}}');
    assert.match(readBaseline(join(dir, 'odd.json')).warning ?? '', /no entries/);
  });
});

function catalog(api: string, ids: string[]): LoadedCatalog {
  const entries = ids.map((slug): Entry => ({
    id: `${api}/${slug}`, api, position: { file: `catalogs/${api}.yaml`, line: 1, col: 1 }, title: `404 ${slug}`, doc: { url: `https://docs.example.test/${api}`, quote: 'q' }, status: Status.of(404), strength: 'must', body: { kind: 'empty' }, recipes: [],
  }));
  return {
    api, title: api, baseUrlVar: `${api.toUpperCase()}_BASE_URL`, page: { url: 'https://docs.example.test', capture: 's', title: 't' },
    auth: { header: 'Authorization', format: 'Bearer {token}' }, identities: {}, defaultIdentity: 'none', envelopes: {}, entries, file: `${api}.yaml`,
    docFindings: [{ id: `${api}/f`, kind: 'placeholder', text: 'x' }],
  };
}

describe('assembleReport', () => {
  const results = new Map<string, { result: EntryResult; tags: string[] }>([
    ['one/a', { result: { id: 'one/a', outcome: 'violation' }, tags: ['@api:one'] }],
    ['one/b', { result: { id: 'one/b', outcome: 'conformant' }, tags: ['@api:one'] }],
  ]);
  const input = {
    environment: 'staging', catalogs: [catalog('one', ['a', 'b']), catalog('two', ['c'])], results,
    // as the env loader hands them over: `${VAR}` references already expanded (src/env.ts)
    vars: { ONE_BASE_URL: 'https://user:s3cret@one.example.test/v1', TWO_BASE_URL: 'https://two.example.test' },
    startedAt: new Date('2026-11-21T02:00:00Z'), durationMs: 1234.4,
  };

  test('covers only the APIs the run selected, with their summaries, targets and doc findings', () => {
    const { report } = assembleReport(input);
    assert.deepEqual(report.entries.map((e) => [e.id, e.outcome, e.api, e.status]), [['one/a', 'violation', 'one', 404], ['one/b', 'conformant', 'one', 404]]);
    assert.deepEqual(Object.keys(report.apis), ['one']);
    assert.equal(report.summary.violation, 1);
    assert.deepEqual(report.target, { one: 'https://[REDACTED]@one.example.test/v1' });
    assert.deepEqual(report.docFindings.map((f) => f.id), ['one/f']);
    assert.equal(report.durationMs, 1234);
    assert.equal(report.baseline, undefined);
  });

  test('with a baseline file the report lists what changed', () => {
    const file = join(tempDir('assemble'), 'prev.json');
    writeFileSync(file, JSON.stringify({ startedAt: '2026-11-20T02:00:00.000Z', entries: [{ id: 'one/a', outcome: 'conformant' }, { id: 'one/b', outcome: 'error' }] }));
    const { report, warnings } = assembleReport({ ...input, baselineFile: file });
    assert.deepEqual(warnings, []);
    assert.deepEqual(report.baseline, { file, startedAt: '2026-11-20T02:00:00.000Z', newlyFailing: ['one/a'], newlyFixed: ['one/b'] });
  });

  test('a missing baseline warns and leaves the field out', () => {
    const { report, warnings } = assembleReport({ ...input, baselineFile: '/nonexistent/prev.json' });
    assert.equal(report.baseline, undefined);
    assert.equal(warnings.length, 1);
  });

  test('userinfo is removed from any URL scheme, nothing else changes', () => {
    assert.equal(withoutUserinfo('http://a:b@h:1/p?q=x@y'), 'http://[REDACTED]@h:1/p?q=x@y');
    assert.equal(withoutUserinfo('https://h/p@x'), 'https://h/p@x');
    assert.equal(withoutUserinfo('(not configured)'), '(not configured)');
  });
});
