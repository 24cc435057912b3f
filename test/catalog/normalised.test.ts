/**
 * The loader hands on normalised entries (one Status with `allows()`, the api, the source
 * position, the causes as one list), and a loaded catalog written back (`toCatalogYaml`) is a
 * valid format-2 catalog that loads to the same entries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import { Status } from '../../src/catalog/status.js';
import type { Entry, LoadedCatalog } from '../../src/catalog/types.js';
import { toCatalogYaml } from '../../src/catalog/write.js';
import { BASE, colOf, lineOf } from './fixture.js';

test('a status is one value: a set of codes or a class, asked with allows()', () => {
  const one = Status.of(404);
  assert.deepEqual([one.allows(404), one.allows(400), one.allows(405)], [true, false, false]);
  assert.equal(String(one), '404');
  const set = Status.of([409, 412]);
  assert.deepEqual([set.allows(409), set.allows(412), set.allows(410)], [true, true, false]);
  assert.equal(String(set), '409 | 412');
  assert.deepEqual(set.labels, ['409', '412']);
  const cls = Status.of('5xx');
  assert.deepEqual([cls.allows(500), cls.allows(599), cls.allows(499), cls.allows(600)], [true, true, false, false]);
  assert.equal(String(cls), '5xx');
  assert.equal(cls.sample, 500);
  assert.equal(set.sample, 409);
  assert.deepEqual([JSON.stringify(one), JSON.stringify(set), JSON.stringify(cls)], ['404', '[409,412]', '"5xx"'], 'JSON keeps the written form');
  assert.equal(Status.of([404]).isList, true, 'a list of one stays a list');
  assert.throws(() => Status.of('5XX'), /not a status/);
});

test('loaded entries carry api, where they are written, one Status and one list of causes', () => {
  const c = parseCatalog(BASE, 'catalogs/demo.yaml').catalog!;
  const [notFound, server] = c.entries as [Entry, Entry];
  assert.equal(notFound.api, 'demo');
  assert.deepEqual(notFound.position, { file: 'catalogs/demo.yaml', line: lineOf(BASE, 'id: demo/not-found'), col: colOf(BASE, 'id: demo/not-found') });
  assert.ok(server.position.line > notFound.position.line);
  assert.ok(notFound.status instanceof Status && notFound.status.allows(404));
  assert.ok(server.status.allows(503));
  assert.equal(notFound.recipes.length, 1);
  assert.deepEqual(server.recipes, [], 'an unprovokable entry has no causes');
  assert.ok(!('recipe' in notFound), 'one canonical form: recipes');
});

test('two causes stay two; a catalog with both recipe and recipes is still refused', () => {
  const causes = '    recipes:\n      - { request: { method: GET, path: /a }, basis: { kind: inferred, why: a } }\n      - { request: { method: GET, path: /b }, basis: { kind: inferred, why: b } }\n';
  const two = BASE.replace(/    recipe:\n      setup:[\s\S]*?\/missing" }\n(      basis:[^\n]*\n)?/, causes);
  const c = parseCatalog(two, 'catalogs/demo.yaml');
  assert.deepEqual(c.issues, []);
  assert.deepEqual(c.catalog!.entries[0]!.recipes.map((r) => r.request.path), ['/a', '/b']);
  const both = BASE.replace('    recipe:\n', causes + '    recipe:\n');
  assert.ok(parseCatalog(both, 'catalogs/demo.yaml').issues.some((i) => /exactly one of recipe, recipes or unprovokable/.test(i.message)));
});

/** The entries as data, without where they are written (a written-back catalog has other lines). */
function comparable(c: LoadedCatalog): unknown {
  const { file: _f, ...rest } = c;
  return JSON.parse(JSON.stringify({ ...rest, entries: c.entries.map(({ position: _p, ...e }) => e) }));
}

test('every catalog written back loads to the same catalog (load, write, load)', () => {
  const catalogs = loadCatalogs();
  assert.ok(catalogs.length > 0);
  for (const c of catalogs) {
    const text = toCatalogYaml(c);
    const again = parseCatalog(text, c.file);
    assert.deepEqual(again.issues, [], `${c.file} written back is valid:\n${again.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n')}`);
    assert.deepEqual(comparable(again.catalog!), comparable(c), `${c.file} round-trips`);
    for (const [i, e] of again.catalog!.entries.entries()) {
      assert.equal(e.status.constructor, Status);
      assert.equal(text.split('\n')[e.position.line - 1]!.trim(), `- id: ${e.id}`, `${e.id}: its position is its line in the written text (entry ${i})`);
    }
    // a second round changes nothing: the writer's output is its own fixed point
    assert.equal(toCatalogYaml(again.catalog!), text);
  }
});

test('written back: should parts keep their basis, one cause is `recipe`, derived doc urls stay derived', () => {
  for (const c of loadCatalogs()) {
    const text = toCatalogYaml(c);
    const file = parseCatalog(text, c.file).catalog!;
    for (const e of c.entries) {
      const w = file.entries.find((x) => x.id === e.id)!;
      for (const h of e.headers ?? []) if (h.strength === 'should') assert.ok(w.headers?.find((x) => x.name === h.name)?.basis, `${e.id} ${h.name} keeps its basis`);
      if (e.body.kind === 'json' && e.body.strength === 'should') assert.equal(w.body.kind === 'json' && w.body.basis, e.body.basis);
    }
    assert.doesNotMatch(text, /^\s+api: /m, 'no loader-only field is written');
    assert.doesNotMatch(text, /^\s+position:/m);
  }
  const fixture = parseCatalog(BASE, 'catalogs/demo.yaml').catalog!;
  const text = toCatalogYaml(fixture, { schema: './catalog.schema.json' });
  assert.match(text, /^# yaml-language-server: \$schema=\.\/catalog\.schema\.json\n/);
  assert.match(text, /\n {4}recipe:\n/);
  assert.doesNotMatch(text, /\n {4}recipes:/);
});

test('written back, a step that took defaults.basis carries the basis itself', () => {
  const text = BASE.replace(/\n( +)basis: \{[^\n]*\}/g, '').replace('envelopes:', 'defaults:\n  basis: { kind: assumed, why: "the demo API works as its README says" }\nenvelopes:');
  const loaded = parseCatalog(text, 'catalogs/demo.yaml');
  assert.deepEqual(loaded.issues, []);
  const again = parseCatalog(toCatalogYaml(loaded.catalog!), 'catalogs/demo.yaml');
  assert.deepEqual(again.issues, []);
  const step = again.catalog!.entries[0]!.recipes[0]!;
  assert.deepEqual(step.basis, { kind: 'assumed', why: 'the demo API works as its README says' });
  assert.equal(loaded.catalog!.entries[0]!.recipes[0]!.basis?.fromDefaults, true);
});
