/**
 * An undocumented 5xx is judged once, against the union of the API's contracts for that status:
 * it conforms when it keeps any one of them, otherwise the closest one (fewest violations) is
 * reported and named. On a small catalog of the test's own (the rule holds for any catalog), and
 * on awork, whose two 5xx codes used to be reported side by side.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import type { Json, LoadedCatalog } from '../../src/catalog/types.js';
import type { Violation } from '../../src/checks/types.js';
import { judge } from '../../src/runner/execute.js';
import { Validators } from '../../src/schema/compile.js';
import { toExchange } from '../../src/target/exchange.js';
import { catalogHead } from '../checks/helpers.js';

const TEXT = `${catalogHead('f')}envelopes:
  error: { type: object, required: [code], properties: { code: { type: string }, message: { type: string } } }
defaults:
  strength: must
  doc: { anchor: errors }
  contentType: { type: application/json }
  body: { kind: json, envelope: error }
entries:
  - { id: f/missing, title: "404", doc: Not found., status: 404, body: { const: { code: not-found } }, unprovokable: x }
  - { id: f/db, title: db, doc: Commit failed., status: 5xx, body: { const: { code: db-commit } }, unprovokable: x }
  - { id: f/server, title: server, doc: Internal error., status: 500, body: { const: { code: server-error }, required: [code, message] }, unprovokable: x }
  - { id: f/busy, title: busy, doc: Busy., status: 503, body: { const: { code: busy } }, unprovokable: x }
`;
const parsed = parseCatalog(TEXT, 'catalogs/f.yaml');
if (!parsed.catalog) throw new Error(parsed.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
const f = parsed.catalog;
const fv = new Validators([f]);

function judged(c: LoadedCatalog, v: Validators, id: string, status: number, body: Json | string, contentType = 'application/json'): Violation[] {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return judge(c, c.entries.find((e) => e.id === id)!, toExchange(status, { 'content-type': contentType }, raw), v);
}
const beyondOwn = (v: Violation[], own: string): Violation[] => v.filter((y) => y.entryId !== own);

describe('an undocumented 5xx, judged against the union of the API\'s 5xx contracts', () => {
  test('a 500 that keeps any one of them adds nothing beyond the entry\'s own status violation', () => {
    for (const body of [{ code: 'db-commit' }, { code: 'server-error', message: 'boom' }] as Json[]) {
      const v = judged(f, fv, 'f/missing', 500, body);
      assert.deepEqual(beyondOwn(v, 'f/missing'), [], JSON.stringify(body));
      assert.ok(v.some((y) => y.check === 'status_code_conformance' && y.actual === 500));
    }
  });
  test('a 500 that keeps none is reported against the closest contract only, which it names', () => {
    // f/db: the code is wrong (1); f/server: the code is wrong and message is absent (2)
    const v = beyondOwn(judged(f, fv, 'f/missing', 500, { code: 'other' }), 'f/missing');
    assert.deepEqual(v.map((y) => [y.entryId, y.pointer]), [['f/db', '/body/code']]);
    assert.match(v[0]!.message, /^\(unexpected 500: it keeps none of the 2 contracts of f that allow 500; closest: f\/db, 1 violation\) /);
    assert.ok(v.every((y) => y.check !== 'status_code_conformance'));
  });
  test('a tie is reported against the first in catalog order, naming the others', () => {
    const v = beyondOwn(judged(f, fv, 'f/missing', 500, '<h1>Internal Server Error</h1>', 'text/html'), 'f/missing');
    assert.ok(v.length > 0);
    assert.deepEqual([...new Set(v.map((y) => y.entryId))], ['f/db']);
    for (const y of v) assert.match(y.message, /closest: f\/db, \d+ violations?, tied with f\/server\)/);
  });
  test('no contradictory expectations: at most one expected value per pointer', () => {
    for (const body of [{ code: 'other' }, { message: 'x' }, '<html></html>', {}] as Json[]) {
      const v = beyondOwn(judged(f, fv, 'f/missing', 500, body, typeof body === 'string' ? 'text/html' : 'application/json'), 'f/missing');
      const byPointer = new Map<string, Set<string>>();
      for (const y of v) byPointer.set(y.pointer, (byPointer.get(y.pointer) ?? new Set()).add(JSON.stringify(y.expected)));
      for (const [p, s] of byPointer) assert.equal(s.size, 1, `${JSON.stringify(body)} at ${p}: ${[...s].join(' vs ')}`);
    }
  });
  test('only the contracts that allow the status received are in the union', () => {
    const v = beyondOwn(judged(f, fv, 'f/missing', 502, { code: 'busy' }), 'f/missing');
    assert.deepEqual([...new Set(v.map((y) => y.entryId))], ['f/db'], 'only f/db (5xx) allows 502');
    assert.match(v[0]!.message, /none of the 1 contract of f that allows 502/);
    assert.deepEqual(beyondOwn(judged(f, fv, 'f/missing', 503, { code: 'busy' }), 'f/missing'), []);
  });
  test('a 5xx the entry documents, and an undocumented 4xx, are judged against the entry alone', () => {
    assert.deepEqual(beyondOwn(judged(f, fv, 'f/busy', 503, { code: 'other' }), 'f/busy'), []);
    assert.deepEqual(beyondOwn(judged(f, fv, 'f/db', 500, { code: 'server-error', message: 'x' }), 'f/db'), []);
    assert.deepEqual(beyondOwn(judged(f, fv, 'f/missing', 400, { code: 'other' }), 'f/missing'), []);
  });
  test('an API without a contract for the status adds nothing', () => {
    const bare = parseCatalog(TEXT.split('\n').filter((l) => !/status: 5/.test(l)).join('\n'), 'catalogs/f.yaml').catalog!;
    assert.equal(bare.entries.length, 1);
    assert.deepEqual(beyondOwn(judged(bare, new Validators([bare]), 'f/missing', 500, { code: 'other' }), 'f/missing'), []);
  });
});

describe('awork: one 500 no longer lists database-commit and server-error side by side', () => {
  const catalogs = loadCatalogs();
  const validators = new Validators(catalogs);
  const awork = catalogs.find((c) => c.api === 'awork')!;
  const fiveXX = awork.entries.filter((e) => e.status.allows(500)).map((e) => e.id);
  const some4xx = awork.entries.find((e) => !e.status.allows(500) && e.status.allows(404))!;
  test('a documented server-error body conforms to the union', () => {
    assert.ok(fiveXX.includes('awork/server-error') && fiveXX.includes('awork/database-commit'));
    const body = { code: 'server-error', description: 'An internal error occurred.', link: '', details: [] };
    assert.deepEqual(beyondOwn(judged(awork, validators, some4xx.id, 500, body), some4xx.id), []);
  });
  test('an HTML 500 is judged against one closest contract', () => {
    const v = beyondOwn(judged(awork, validators, some4xx.id, 500, '<h1>Internal Server Error</h1>', 'text/html'), some4xx.id);
    assert.ok(v.length > 0);
    assert.equal(new Set(v.map((y) => y.entryId)).size, 1, JSON.stringify(v.map((y) => y.entryId)));
    assert.ok(fiveXX.includes(v[0]!.entryId));
    assert.match(v[0]!.message, new RegExp(`none of the ${fiveXX.length} contracts of awork that allow 500; closest: awork/`));
  });
});
