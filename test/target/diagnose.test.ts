/**
 * A base URL whose path matches nothing (every answer of an API the same 404 page) is named once
 * as a probable configuration error, in the report and on stdout, not only as a run of 404s.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { assembleReport } from '../../src/report/assemble.js';
import type { EntryResult } from '../../src/runner/result.js';
import { wrongBaseUrl } from '../../src/report/diagnose.js';
import { Status } from '../../src/catalog/status.js';

const answer = (status: number, body: unknown): Pick<EntryResult, 'observed'> => ({ observed: { status, headers: {}, body: body as never } });
const documented = [401, 404, [400, 422]].map((s) => ({ status: Status.of(s) }));

test('every answer the same 404 while other statuses are documented: the base URL is probably wrong', () => {
  const same = [answer(404, 'Cannot GET /cmx/surveys'), answer(404, 'Cannot GET /cmx/surveys'), answer(404, 'Cannot GET /cmx/surveys')];
  assert.match(wrongBaseUrl('cmix', 'CMIX_BASE_URL', 'http://127.0.0.1:1/cmx', documented, same) ?? '', /^cmix: all 3 answers were 404 with the same body \("Cannot GET \/cmx\/surveys"\): the base URL probably matches nothing on the target; check CMIX_BASE_URL=http:\/\/127\.0\.0\.1:1\/cmx$/);
});

test('no diagnosis for a mix of answers, different 404 bodies, too few answers, or an API documenting only 404s', () => {
  assert.equal(wrongBaseUrl('a', 'A', undefined, documented, [answer(404, 'x'), answer(401, 'x'), answer(404, 'x')]), undefined);
  assert.equal(wrongBaseUrl('a', 'A', undefined, documented, [answer(404, { id: 1 }), answer(404, { id: 2 }), answer(404, { id: 1 })]), undefined);
  assert.equal(wrongBaseUrl('a', 'A', undefined, documented, [answer(404, 'x'), answer(404, 'x')]), undefined);
  assert.equal(wrongBaseUrl('a', 'A', undefined, [{ status: Status.of(404) }], [answer(404, 'x'), answer(404, 'x'), answer(404, 'x')]), undefined);
  // every entry documents a 404 (a set with it, the 4xx class): all-404 answers are no sign of a wrong base URL
  assert.equal(wrongBaseUrl('a', 'A', undefined, [{ status: Status.of([404, 410]) }, { status: Status.of('4xx') }], [answer(404, 'x'), answer(404, 'x'), answer(404, 'x')]), undefined);
  assert.ok(wrongBaseUrl('a', 'A', undefined, [{ status: Status.of([404, 410]) }, { status: Status.of(400) }], [answer(404, 'x'), answer(404, 'x'), answer(404, 'x')]));
});

test('the report carries the diagnosis and the run prints it', () => {
  const c = loadCatalogs().find((cat) => cat.entries.filter((e) => e.recipes.length).length >= 3 && cat.entries.some((e) => !e.status.allows(404)))!;
  const results = new Map(c.entries.filter((e) => e.recipes.length).map((e) => [e.id, { result: { id: e.id, outcome: 'violation' as const, observed: { status: 404, headers: {}, body: 'Not Found' } }, tags: [] }]));
  const { report, warnings } = assembleReport({ environment: 'x', vars: { [c.baseUrlVar]: 'http://127.0.0.1:1/typo' }, catalogs: [c], results, startedAt: new Date(), durationMs: 1 });
  assert.equal(report.diagnoses?.length, 1);
  assert.match(report.diagnoses![0]!, new RegExp(`^${c.api}: all \\d+ answers were 404 .*check ${c.baseUrlVar}=http://127\\.0\\.0\\.1:1/typo$`));
  assert.ok(warnings.includes(report.diagnoses![0]!));
});
