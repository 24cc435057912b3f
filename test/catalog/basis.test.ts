/**
 * Recipes say what they rest on: every step and provoking request needs a basis (its own or the
 * catalog's defaults.basis), refused at its line otherwise; the entry's outcome basis is the
 * weakest of its setup steps and requests, teardown aside.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import { causesOf, countSteps, entryBasis, recipeSteps } from '../../src/catalog/basis.js';
import type { Entry } from '../../src/catalog/types.js';
import { BASE, colOf, lineOf } from './fixture.js';

const issuesOf = (text: string): string[] => parseCatalog(text, 'catalogs/demo.yaml').issues.map(formatIssue);
const REQUEST_BASIS = '      basis: { kind: inferred, why: "a path below a thing that does not exist" }\n';
const SETUP_BASIS = '          basis: { kind: documented, why: "POST /things creates a thing" }\n';

function expectAt(text: string, line: number, col: number, message: RegExp): void {
  const issues = issuesOf(text);
  const at = `catalogs/demo.yaml:${line}:${col} `;
  assert.ok(issues.some((i) => i.startsWith(at) && message.test(i)), `expected an issue at ${at}matching ${message}, got:\n${issues.join('\n')}`);
}

test('a provoking request without a basis is refused at its recipe', () => {
  assert.ok(BASE.includes(REQUEST_BASIS));
  const text = BASE.replace(REQUEST_BASIS, '');
  expectAt(text, lineOf(text, '    recipe:') + 1, 7, /entries\[0\]\.recipe has no basis for its request: give basis: \{kind: documented\|inferred\|assumed, why: \.\.\.\} \(or the catalog a defaults\.basis\)$/);
});

test('a setup step without a basis is refused at the step', () => {
  const text = BASE.replace(SETUP_BASIS, '');
  expectAt(text, lineOf(text, 'request: { method: POST, path: /things'), colOf(text, 'request: { method: POST, path: /things'), /entries\[0\]\.recipe\.setup\[0\] has no basis/);
});

test('a teardown step without a basis is refused too, and each cause of recipes is checked', () => {
  const withTeardown = BASE.replace(REQUEST_BASIS, `${REQUEST_BASIS}      teardown:\n        - request: { method: DELETE, path: "/things/{{thingId}}" }\n`);
  expectAt(withTeardown, lineOf(withTeardown, 'method: DELETE'), colOf(withTeardown, 'request: { method: DELETE'), /entries\[0\]\.recipe\.teardown\[0\] has no basis/);
  const causes = BASE.replace('    recipe:\n      setup:', '    recipes:\n      - request: { method: GET, path: /other }\n      - setup:')
    .replace(/^( {6})(request: \{ method: GET, path: "\/things)/m, '        $2').replace(REQUEST_BASIS, `  ${REQUEST_BASIS}`).replace(/^( {8}- request: \{ method: POST)/m, '    $1').replace(/^( {10}(expect|capture|basis): )/gm, '    $1');
  const issues = issuesOf(causes);
  assert.equal(issues.length, 1, issues.join('\n'));
  assert.match(issues[0]!, new RegExp(`^catalogs/demo\\.yaml:${lineOf(causes, 'path: /other')}:\\d+ entries\\[0\\]\\.recipes\\[0\\] has no basis for its request`));
});

test('a basis of an unknown kind, without why, or with other keys is refused at its value', () => {
  const kind = BASE.replace('basis: { kind: inferred', 'basis: { kind: guessed');
  expectAt(kind, lineOf(kind, 'kind: guessed'), colOf(kind, 'guessed'), /kind must be documented, inferred or assumed/);
  const why = BASE.replace('basis: { kind: inferred, why: "a path below a thing that does not exist" }', 'basis: { kind: inferred, why: "" }');
  expectAt(why, lineOf(why, 'why: ""'), colOf(why, '""'), /why must say what the step rests on/);
  const none = BASE.replace('basis: { kind: inferred, why: "a path below a thing that does not exist" }', 'basis: { kind: inferred }');
  expectAt(none, lineOf(none, 'basis: { kind: inferred }'), colOf(none, '{ kind: inferred }'), /is missing required key 'why'/);
  const extra = BASE.replace('basis: { kind: inferred,', 'basis: { kind: inferred, source: x,');
  expectAt(extra, lineOf(extra, 'source: x'), colOf(extra, 'source'), /unknown key 'source'/);
  const str = BASE.replace('basis: { kind: inferred, why: "a path below a thing that does not exist" }', 'basis: inferred');
  assert.ok(issuesOf(str).some((i) => i.startsWith(`catalogs/demo.yaml:${lineOf(str, 'basis: inferred')}:`)), issuesOf(str).join('\n'));
});

test('defaults.basis stands in for every step that gives none, marked as such; a step\'s own wins', () => {
  const text = BASE.replace(REQUEST_BASIS, '').replace('envelopes:', 'defaults:\n  basis: { kind: assumed, why: "the demo API works as its README says" }\nenvelopes:');
  const r = parseCatalog(text, 'catalogs/demo.yaml');
  assert.deepEqual(r.issues, []);
  const e = r.catalog!.entries[0]!;
  assert.deepEqual(causesOf(e)[0]!.basis, { kind: 'assumed', why: 'the demo API works as its README says', fromDefaults: true });
  assert.deepEqual(causesOf(e)[0]!.setup![0]!.basis, { kind: 'documented', why: 'POST /things creates a thing' });
  assert.equal(entryBasis(e)?.kind, 'assumed');
  assert.deepEqual(entryBasis(e)?.assumes, ['the demo API works as its README says']);
});

const step = (kind: 'documented' | 'inferred' | 'assumed', why: string) => ({ request: { method: 'GET', path: `/${why}` }, basis: { kind, why } });
const entryWith = (recipes: Entry['recipes']): Pick<Entry, 'recipes'> => ({ recipes });

test('an entry\'s outcome rests on the weakest of its setup steps and requests, in every cause; teardown does not count', () => {
  const documented = { ...step('documented', 'a'), setup: [step('documented', 'b')], teardown: [step('assumed', 'c')] };
  assert.deepEqual(entryBasis(entryWith([documented])), { kind: 'documented', assumes: [], infers: [] });
  const inferredSetup = { ...documented, setup: [step('inferred', 'b')] };
  assert.deepEqual(entryBasis(entryWith([inferredSetup])), { kind: 'inferred', assumes: [], infers: ['b'] });
  const assumedCause = step('assumed', 'd');
  assert.deepEqual(entryBasis(entryWith([inferredSetup, assumedCause, assumedCause])), { kind: 'assumed', assumes: ['d'], infers: ['b'] });
  assert.equal(entryBasis({ recipes: [] }), undefined, 'an entry without a recipe has no outcome basis');
  assert.deepEqual(countSteps([entryWith([documented, assumedCause])]), { documented: 2, inferred: 0, assumed: 2 });
  assert.deepEqual(recipeSteps(documented).map((s) => `${s.role}:${s.label}`), ['setup:GET /b', 'request:GET /a', 'teardown:GET /c']);
});

test('every step of every loaded catalog carries a basis with a reason', () => {
  for (const c of loadCatalogs()) {
    for (const e of c.entries) {
      for (const r of causesOf(e)) {
        for (const s of recipeSteps(r)) {
          assert.ok(s.basis && ['documented', 'inferred', 'assumed'].includes(s.basis.kind) && s.basis.why.trim(), `${c.file} ${e.id} ${s.role} ${s.label}`);
        }
      }
      if (causesOf(e).length) assert.ok(entryBasis(e), `${e.id} has an outcome basis`);
    }
  }
});

test('the summary catalogs:check prints adds up, for whatever catalogs are loaded', async () => {
  const { basisSummary, countsText } = await import('../../src/catalog/basis.js');
  for (const c of loadCatalogs()) {
    const b = basisSummary(c.entries);
    const withRecipes = c.entries.filter((e) => causesOf(e).length);
    assert.equal(b.entries.documented + b.entries.inferred + b.entries.assumed, withRecipes.length, c.api);
    assert.equal(b.steps.documented + b.steps.inferred + b.steps.assumed, withRecipes.flatMap((e) => causesOf(e).flatMap(recipeSteps)).length, c.api);
    assert.deepEqual(b.assumed, withRecipes.filter((e) => entryBasis(e)?.kind === 'assumed').map((e) => e.id), c.api);
  }
  assert.equal(countsText({ documented: 3, inferred: 2, assumed: 1 }), '3 documented / 2 inferred / 1 assumed');
});
