/**
 * The verdict rules: errors and MUST violations fail; a SHOULD-only violation is counted apart and
 * fails only when strict; a not-configured entry fails unless allowed by id, API, number or `all`
 * (a destructive entry skipped on purpose does not count); interruptions and errors outside any
 * test fail. And what a run covered: a selection is partial ("n of m entries selected").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Entry, LoadedCatalog } from '../../src/catalog/types.js';
import { Status } from '../../src/catalog/status.js';
import { assembleReport } from '../../src/report/assemble.js';
import { reportOutcome, summarise, type ReportOutcome } from '../../src/report/collect.js';
import { decideVerdict, parseAllowNotConfigured, parseStrict, SettingsError, type VerdictSettings } from '../../src/report/verdict.js';
import type { EntryResult } from '../../src/runner/result.js';
import type { Violation } from '../../src/checks/types.js';

const lenient: VerdictSettings = { strict: false, allowNotConfigured: { kind: 'none' } };
const strict: VerdictSettings = { ...lenient, strict: true };
const ids = new Set(['a/1', 'a/2', 'a/3', 'b/1']);
const entries = (pairs: [string, ReportOutcome][]): { id: string; outcome: ReportOutcome }[] => pairs.map(([id, outcome]) => ({ id, outcome }));
const violation = (strength: 'must' | 'should'): Violation => ({ check: 'status_code_conformance', entryId: 'a/1', pointer: '/status', expected: 404, actual: 400, message: 'wrong status', strength });

describe('the verdict', () => {
  test('conformant, unprovokable, known deviations and unexpected passes pass', () => {
    const v = decideVerdict(entries([['a/1', 'conformant'], ['a/2', 'unprovokable'], ['a/3', 'known-deviation'], ['b/1', 'unexpected-pass']]), lenient);
    assert.equal(v.result, 'passed');
    assert.deepEqual(v.reasons, []);
  });

  test('an error fails the run, naming the entry', () => {
    const v = decideVerdict(entries([['a/1', 'conformant'], ['a/2', 'error']]), lenient);
    assert.equal(v.result, 'failed');
    assert.match(v.reasons.join('\n'), /1 error .*a\/2/);
  });

  test('a MUST violation fails; a SHOULD-only violation passes unless strict', () => {
    assert.equal(decideVerdict(entries([['a/1', 'violation']]), lenient).result, 'failed');
    const should = entries([['a/1', 'should-violation'], ['a/2', 'conformant']]);
    assert.equal(decideVerdict(should, lenient).result, 'passed');
    const v = decideVerdict(should, strict);
    assert.equal(v.result, 'failed');
    assert.match(v.reasons.join('\n'), /SHOULD violation .*--strict.*a\/1/);
  });

  test('a violation of SHOULD requirements only is its own outcome, counted apart', () => {
    const r = (vs: Violation[]): Pick<EntryResult, 'outcome' | 'violations'> => ({ outcome: 'violation', violations: vs });
    assert.equal(reportOutcome(r([violation('should')])), 'should-violation');
    assert.equal(reportOutcome(r([violation('should'), violation('must')])), 'violation');
    assert.equal(reportOutcome({ outcome: 'known-deviation', violations: [violation('should')] }), 'known-deviation');
    const s = summarise(entries([['a/1', 'violation'], ['a/2', 'should-violation'], ['a/3', 'should-violation']]));
    assert.equal(s.violation, 1);
    assert.equal(s.shouldViolation, 2);
    assert.equal(s.entries, 3);
  });

  test('not-configured entries fail unless the environment allows them', () => {
    const run = entries([['a/1', 'not-configured'], ['a/2', 'not-configured'], ['b/1', 'conformant']]);
    const refused = decideVerdict(run, lenient);
    assert.equal(refused.result, 'failed');
    assert.match(refused.reasons.join('\n'), /2 not-configured entries .*FAULTLINE_ALLOW_NOT_CONFIGURED.*a\/1, a\/2/);
    const allow = (raw: string): VerdictSettings => ({ strict: false, allowNotConfigured: parseAllowNotConfigured(raw, ids) });
    assert.equal(decideVerdict(run, allow('a/*')).result, 'passed', 'an API pattern');
    assert.equal(decideVerdict(run, allow('a/1,a/2')).result, 'passed', 'a list of ids');
    assert.equal(decideVerdict(run, allow('a/1')).result, 'failed', 'a list that misses one');
    assert.equal(decideVerdict(run, allow('2')).result, 'passed', 'a threshold that holds');
    assert.equal(decideVerdict(run, allow('1')).result, 'failed', 'a threshold exceeded');
    assert.equal(decideVerdict(run, allow('all')).result, 'passed');
    assert.equal(decideVerdict(run, allow('all')).allowedNotConfigured, 2);
  });

  test('a destructive entry skipped on purpose is not a configuration gap', () => {
    const v = decideVerdict([{ id: 'a/1', outcome: 'not-configured', destructiveSkip: true }, { id: 'a/2', outcome: 'conformant' }], lenient);
    assert.equal(v.result, 'passed');
  });

  test('an interrupted run and errors outside any test fail', () => {
    assert.equal(decideVerdict(entries([['a/1', 'conformant']]), lenient, { interrupted: true }).result, 'interrupted');
    const v = decideVerdict(entries([['a/1', 'conformant']]), lenient, { globalErrors: 1 });
    assert.equal(v.result, 'failed');
    assert.match(v.reasons[0]!, /outside any test/);
  });

  test('settings are refused with what they accept', () => {
    assert.throws(() => parseAllowNotConfigured('a/9,c/*', ids), (e: Error) => e instanceof SettingsError && /a\/9, c\/\*: no such entry or API/.test(e.message));
    assert.throws(() => parseStrict('yes'), SettingsError);
    assert.equal(parseStrict('true'), true);
    assert.equal(parseStrict(undefined), false);
    assert.deepEqual(parseAllowNotConfigured('', ids), { kind: 'none' });
  });
});

describe('what a run covered', () => {
  const entry = (id: string): Entry => ({ id, api: 'a', position: { file: 'catalogs/a.yaml', line: 1, col: 1 }, title: id, status: Status.of(404), strength: 'must', doc: { url: 'https://docs.example.test/e', quote: 'q' }, recipes: [] }) as unknown as Entry;
  const catalog: LoadedCatalog = { api: 'a', file: 'catalogs/a.yaml', baseUrlVar: 'A_BASE_URL', entries: ['a/1', 'a/2', 'a/3', 'a/4'].map(entry) } as unknown as LoadedCatalog;
  const results = (list: string[]): Map<string, { result: EntryResult; tags: string[] }> => new Map(list.map((id) => [id, { result: { id, outcome: 'conformant' }, tags: [] }]));
  const base = { environment: 'test', vars: {}, catalogs: [catalog], startedAt: new Date('2026-11-20T02:00:00Z'), durationMs: 1 };

  test('every entry: complete', () => {
    const { report } = assembleReport({ ...base, results: results(['a/1', 'a/2', 'a/3', 'a/4']) });
    assert.deepEqual(report.run, { scope: 'complete', selected: 4, total: 4, finished: 4 });
    assert.equal(report.verdict?.result, 'passed');
  });

  test('a selection is partial: n of m entries selected', () => {
    const { report } = assembleReport({ ...base, results: results(['a/1']), selected: new Set(['a/1']) });
    assert.deepEqual(report.run, { scope: 'partial', selected: 1, total: 4, finished: 1 });
    assert.equal(report.trend, undefined, 'a partial run is no point of the trend');
  });

  test('an interrupted run says how many of the selected finished', () => {
    const { report } = assembleReport({ ...base, results: results(['a/1']), selected: new Set(['a/1', 'a/2', 'a/3', 'a/4']), interrupted: true });
    assert.deepEqual(report.run, { scope: 'interrupted', selected: 4, total: 4, finished: 1 });
    assert.equal(report.verdict?.result, 'interrupted');
  });
});
