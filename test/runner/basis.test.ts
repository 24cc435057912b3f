/**
 * What a recipe rests on reaches the test: a tag per entry (`@documented`, `@inferred`,
 * `@assumed`: the weakest step of its outcome), and a failure of an assumed recipe says what it
 * assumes. Holds for whatever catalogs are loaded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryBasis } from '../../src/catalog/basis.js';
import { loadCatalogs } from '../../src/load.js';
import type { Entry } from '../../src/catalog/types.js';
import { Status } from '../../src/catalog/status.js';
import { entryTags } from '../../src/runner/define.js';
import { failureMessage } from '../../src/runner/message.js';

const entries = loadCatalogs().flatMap((c) => c.entries);
const BASIS_TAGS = ['@documented', '@inferred', '@assumed'];

test('every entry with a recipe carries exactly one basis tag, its outcome basis; others none', () => {
  for (const e of entries) {
    const tags = entryTags(e).filter((t) => BASIS_TAGS.includes(t));
    const b = entryBasis(e);
    assert.deepEqual(tags, b ? [`@${b.kind}`] : [], e.id);
  }
});

const demo = (kind: 'documented' | 'inferred' | 'assumed', setupKind = kind): Entry => ({
  id: 'demo/x', api: 'demo', position: { file: 'catalogs/demo.yaml', line: 1, col: 1 }, title: 'x', doc: { url: 'https://example.test/#x', quote: 'Not there.' }, status: Status.of(404), strength: 'must', body: { kind: 'undocumented', basis: 'x' },
  recipes: [{
    setup: [{ request: { method: 'POST', path: '/things' }, basis: { kind: setupKind, why: 'things are created with POST /things' } }],
    request: { method: 'GET', path: '/things/x' }, basis: { kind, why: 'GET /things/{id} answers 404 for an unknown id' },
    teardown: [{ request: { method: 'DELETE', path: '/things/x' }, basis: { kind: 'assumed', why: 'things are deleted with DELETE' } }],
  }],
});

test('a violation or an error of an entry resting on an assumption says what it assumes, before the details', () => {
  const violation = failureMessage(demo('assumed', 'documented'), { id: 'demo/x', outcome: 'violation', violations: [{ entryId: 'demo/x', check: 'status_code_conformance', strength: 'must', pointer: '/status', message: 'status 200', expected: 404, actual: 200 }] });
  const lines = violation.split('\n');
  assert.equal(lines[1], '  this recipe assumes GET /things/{id} answers 404 for an unknown id; the deployment may simply lack it');
  assert.ok(lines.findIndex((l) => l.includes('✗ status_code_conformance')) > 1);
  const error = failureMessage(demo('documented', 'assumed'), { id: 'demo/x', outcome: 'error', reason: 'setup step 1 answered 404' });
  assert.match(error, /^demo\/x: could not be checked: setup step 1 answered 404\n  this recipe assumes things are created with POST \/things; the deployment may simply lack it$/);
  const both = failureMessage(demo('assumed'), { id: 'demo/x', outcome: 'error', reason: 'r' });
  assert.match(both, /this recipe assumes things are created with POST \/things; and GET \/things\/\{id\} answers 404 for an unknown id; the deployment/);
});

test('an entry that rests on no assumption says nothing of one, even with an assumed teardown', () => {
  for (const kind of ['documented', 'inferred'] as const) {
    const m = failureMessage(demo(kind), { id: 'demo/x', outcome: 'error', reason: 'r' });
    assert.ok(!m.includes('assumes'), m);
  }
});
