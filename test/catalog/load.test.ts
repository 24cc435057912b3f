/** The loader: every kind of catalog error comes back as file:line:col with a clear message. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CatalogError, formatIssue } from '../../src/catalog/issues.js';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import { BASE, colOf, lineOf } from './fixture.js';

function issuesOf(text: string): string[] {
  return parseCatalog(text, 'catalogs/demo.yaml').issues.map(formatIssue);
}

function expectIssue(text: string, needle: string, message: RegExp, colNeedle = needle): void {
  const issues = issuesOf(text);
  const at = `catalogs/demo.yaml:${lineOf(text, needle)}:${colOf(text, colNeedle)} `;
  assert.ok(issues.some((i) => i.startsWith(at) && message.test(i)), `expected an issue at ${at}matching ${message}, got:\n${issues.join('\n')}`);
}

test('the fixture catalog is valid', () => {
  const r = parseCatalog(BASE, 'catalogs/demo.yaml');
  assert.deepEqual(r.issues, []);
  assert.equal(r.catalog?.entries.length, 2);
});

test('status outside 100-599 names the line and says the rule', () => {
  const text = BASE.replace('status: 404', 'status: 700');
  expectIssue(text, 'status: 700', /status must be an integer 100-599$/, '700');
});

test('a status that is not a number or class is rejected', () => {
  expectIssue(BASE.replace('status: 404', 'status: four'), 'status: four', /status must be an integer 100-599, a list of them, or a class like 5xx/, 'four');
});

test('unknown keys point at the key and list the allowed ones', () => {
  const text = BASE.replace('    strength: must\n    body: { kind: json', '    strength: must\n    colour: red\n    body: { kind: json');
  expectIssue(text, 'colour: red', /unknown key 'colour' in entries\[0\] \(allowed: id, title, /, 'colour');
});

test('a missing required key names the parent and the key', () => {
  const text = BASE.replace('    title: 404 Not Found\n', '');
  expectIssue(text, '- id: demo/not-found', /entries\[0\] is missing required key 'title'/, 'id: demo/not-found');
});

test('YAML syntax errors are located', () => {
  const text = BASE.replace('title: Demo API', 'title: [Demo API');
  const issues = issuesOf(text);
  assert.ok(issues.length > 0 && issues.length <= 5);
  assert.match(issues[0]!, /^catalogs\/demo\.yaml:\d+:\d+ YAML syntax: /);
});

test('duplicate keys are reported where the second one stands', () => {
  const text = BASE.replace('    status: 404\n', '    status: 404\n    status: 405\n');
  expectIssue(text, 'status: 405', /duplicate key/i, 'status: 405');
});

test('duplicate ids inside one catalog', () => {
  const text = BASE.replace('- id: demo/server-error', '- id: demo/not-found');
  const issues = issuesOf(text);
  assert.ok(issues.some((i) => /demo\.yaml:\d+:\d+ duplicate id 'demo\/not-found'/.test(i)), issues.join('\n'));
});

test('duplicate ids across catalogs name both files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cat-'));
  try {
    // A second file for the same API repeats every id of the first.
    writeFileSync(join(dir, 'demo.yaml'), BASE);
    writeFileSync(join(dir, 'other.yaml'), BASE);
    assert.throws(() => loadCatalogs(dir), (err: unknown) => {
      assert.ok(err instanceof CatalogError);
      const text = err.issues.map(formatIssue).join('\n');
      const copy = BASE.split('\n');
      for (const id of ['demo/not-found', 'demo/server-error']) {
        const line = copy.findIndex((l) => l.includes(`id: ${id}`)) + 1;
        assert.match(text, new RegExp(`other\\.yaml:${line}:\\d+ duplicate id '${id}' \\(also in \\S*demo\\.yaml\\)`), text);
      }
      return true;
    });
    // Distinct ids in distinct APIs load.
    writeFileSync(join(dir, 'other.yaml'), BASE.replace('api: demo', 'api: other').replace(/demo\//g, 'other/').replace('baseUrlVar: DEMO', 'baseUrlVar: OTHER'));
    assert.doesNotThrow(() => loadCatalogs(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unparseable recipe template is an error at the request', () => {
  const text = BASE.replace('path: "/things/{{thingId}}/missing"', 'path: "/things/{{thingId/missing"');
  expectIssue(text, 'path: "/things/{{thingId/missing"', /unparseable recipe template: unclosed \{\{/, '"/things/{{thingId/missing"');
});

test('an unknown builtin and an uncaptured variable are errors', () => {
  expectIssue(BASE.replace('{{unique}}', '{{rand-om}}'), 'path: /things, json', /unparseable recipe template: \{\{rand-om\}\} is neither a captured variable nor a builtin/, '{ name:');
  expectIssue(BASE.replace('capture: { thingId: /body/id }', 'capture: { otherId: /body/id }'), 'path: "/things/{{thingId}}/missing"', /\{\{thingId\}\} is not captured by an earlier setup step/, '"/things/{{thingId}}/missing"');
});

test('an unknown identity, envelope or bad capture pointer is an error', () => {
  expectIssue(BASE.replace('request: { method: GET,', 'request: { as: nobody, method: GET,'), 'as: nobody', /identity 'nobody' is not one of the identities \(admin, none\)/, 'nobody');
  expectIssue(BASE.replace('envelope: error, const', 'envelope: problem, const'), 'envelope: problem', /envelope 'problem' is not defined in envelopes \(error\)/, 'problem');
  expectIssue(BASE.replace('capture: { thingId: /body/id }', 'capture: { thingId: body.id }'), 'capture: { thingId: body.id }', /capture must be a JSON pointer/, 'body.id');
});

test('an entry needs exactly one of recipe, recipes and unprovokable', () => {
  const text = BASE.replace('    unprovokable: cannot be caused from outside\n', '');
  expectIssue(text, '- id: demo/server-error', /exactly one of recipe, recipes or unprovokable/, 'id: demo/server-error');
});

test('a bad method and a bad regex are errors', () => {
  expectIssue(BASE.replace('method: GET', 'method: get'), 'method: get', /method must be an upper-case HTTP method/, 'get');
  const withHeader = BASE.replace('    strength: must\n    body: { kind: json', '    strength: must\n    headers: [{ name: Allow, matches: "([A-Z", strength: should, basis: RFC 9110 }]\n    body: { kind: json');
  expectIssue(withHeader, 'headers: [{ name: Allow', /invalid regular expression/, '"([A-Z"');
});

test('several problems are reported together, in line order', () => {
  const text = BASE.replace('status: 404', 'status: 700').replace('method: GET', 'method: FETCH');
  const issues = issuesOf(text);
  assert.equal(issues.length, 2, issues.join('\n'));
  assert.ok(Number(issues[0]!.split(':')[1]) < Number(issues[1]!.split(':')[1]));
});

test('the real catalogs load', () => {
  const catalogs = loadCatalogs();
  assert.ok(catalogs.length >= 1);
  for (const c of catalogs) assert.ok(c.entries.length > 0, c.api);
});
