/**
 * Catalog format 2: `defaults:` merged into entries, strength per contract part, and `required`
 * meaning only what the catalog says (a constant constrains a field when it is present).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { parseCatalog } from '../../src/load.js';
import { strengthAt } from '../../src/catalog/strength.js';
import type { Entry } from '../../src/catalog/types.js';
import { runChecks } from '../../src/checks/index.js';
import { Validators } from '../../src/schema/compile.js';
import { toExchange } from '../../src/target/exchange.js';
import { colOf, lineOf } from './fixture.js';

const CATALOG = `api: d
title: D
baseUrlVar: D_BASE_URL
page: { url: "https://example.test/errors", capture: d.html, title: Errors }
sources: { other: { url: "https://example.test/common", capture: c.md, title: Common } }
auth: { header: Authorization, format: "Bearer {token}" }
identities: { admin: { env: D_TOKEN, description: admin } }
defaultIdentity: admin
envelopes:
  problem: { type: object, properties: { title: { type: string }, status: { type: integer }, code: { type: string }, hint: { type: string } } }
defaults:
  strength: must
  doc: { anchor: errors }
  contentType: { type: application/problem+json, strength: should, basis: the OpenAPI says so }
  body: { kind: json, envelope: problem, required: [title, code] }
  headers:
    '401': [{ name: WWW-Authenticate, matches: "^Bearer", strength: should, basis: RFC 9110 section 15.5.2 }]
entries:
  - id: d/plain
    title: plain
    doc: The thing is not there.
    status: 404
    body: { const: { code: NOT_FOUND, status: 404 } }
    unprovokable: a test
  - id: d/own
    title: own
    doc: { anchor: own-section, quote: Own words. }
    status: 401
    strength: should
    statusBasis: inferred from the wording
    headers: [{ name: X-Trace, basis: the page }]
    body: { const: { code: AUTH }, required: [code], strength: must, fields: { hint: { strength: should, basis: seen on the wire } } }
    unprovokable: a test
  - id: d/text
    title: text
    source: other
    doc: Plain text.
    status: 401
    headers: [{ name: WWW-Authenticate, equals: Basic, basis: the common page }]
    contentType: { type: text/plain, basis: the common page }
    body: { kind: text, equals: nope }
    unprovokable: a test
  - id: d/undocumented
    title: undocumented
    doc: Anything goes.
    status: 5xx
    body: { kind: undocumented, basis: the page shows none }
    unprovokable: a test
`;

function load(text = CATALOG): Entry[] {
  const r = parseCatalog(text, 'catalogs/d.yaml');
  assert.deepEqual(r.issues.map(formatIssue), []);
  return r.catalog!.entries;
}
const byId = (list: Entry[], id: string): Entry => list.find((e) => e.id === id)!;

test('an entry inherits strength, anchor, content type, body and the header rules of its status', () => {
  const e = byId(load(), 'd/plain');
  assert.equal(e.strength, 'must');
  assert.deepEqual(e.doc, { url: 'https://example.test/errors#errors', anchor: 'errors', quote: 'The thing is not there.' });
  assert.deepEqual(e.contentType, { type: 'application/problem+json', strength: 'should', basis: 'the OpenAPI says so' });
  assert.deepEqual(e.body, { kind: 'json', envelope: 'problem', required: ['title', 'code'], const: { code: 'NOT_FOUND', status: 404 }, strength: 'must' });
  assert.equal(e.headers, undefined, 'a 404 gets no 401 rules');
});

test('what an entry says wins: strength, anchor, required, body strength; the status rules are added', () => {
  const e = byId(load(), 'd/own');
  assert.equal(e.strength, 'should');
  assert.equal(e.doc.url, 'https://example.test/errors#own-section');
  assert.deepEqual(e.headers?.map((h) => [h.name, h.strength]), [['X-Trace', 'should'], ['WWW-Authenticate', 'should']]);
  assert.equal(e.contentType?.strength, 'should');
  assert.equal(e.body.kind === 'json' && e.body.strength, 'must');
  assert.deepEqual(e.body.kind === 'json' && e.body.required, ['code']);
});

test('a body of another kind replaces the defaults; its entry then gets no default content type', () => {
  const text = byId(load(), 'd/text');
  assert.deepEqual(text.body, { kind: 'text', equals: 'nope', strength: 'must' });
  assert.equal(text.contentType?.type, 'text/plain');
  assert.deepEqual(text.headers?.map((h) => h.equals ?? h.matches), ['Basic'], 'its own WWW-Authenticate rule replaces the default one');
  assert.equal(text.doc.url, 'https://example.test/common', 'an entry of another source does not take the page anchor');
  const none = byId(load(), 'd/undocumented');
  assert.deepEqual(none.body, { kind: 'undocumented', basis: 'the page shows none' });
  assert.equal(none.contentType, undefined);
});

test('each part answers with its own strength', () => {
  const e = byId(load(), 'd/own');
  assert.deepEqual(strengthAt(e, '/status'), { strength: 'should', basis: 'inferred from the wording' });
  assert.deepEqual(strengthAt(e, '/headers/x-trace'), { strength: 'should', basis: 'the page' });
  assert.deepEqual(strengthAt(e, '/headers/content-type'), { strength: 'should', basis: 'the OpenAPI says so' });
  assert.deepEqual(strengthAt(e, '/body/code'), { strength: 'must' });
  assert.deepEqual(strengthAt(e, '/body/hint'), { strength: 'should', basis: 'seen on the wire' });
  assert.deepEqual(strengthAt(e, '/body'), { strength: 'must' });
});

test('violations carry the strength of the part they break', () => {
  const r = parseCatalog(CATALOG, 'catalogs/d.yaml');
  const v = new Validators([r.catalog!]);
  const e = byId(r.catalog!.entries, 'd/own');
  const x = toExchange(401, { 'www-authenticate': 'Bearer x', 'x-trace': '1', 'content-type': 'application/problem+json' }, Buffer.from(JSON.stringify({ title: 't', code: 'AUTH', hint: 7 })));
  const found = runChecks(x, { entry: e, validate: v.get(e.id) });
  assert.deepEqual(found.map((f) => [f.pointer, f.strength]), [['/body/hint', 'should']]);
  const y = toExchange(401, { 'www-authenticate': 'Bearer x', 'x-trace': '1', 'content-type': 'application/problem+json' }, Buffer.from(JSON.stringify({ title: 't', code: 'OTHER' })));
  assert.deepEqual(runChecks(y, { entry: e, validate: v.get(e.id) }).map((f) => [f.pointer, f.strength]), [['/body/code', 'must']]);
});

test('a constant constrains a field when present; only required makes it present', () => {
  const r = parseCatalog(CATALOG, 'catalogs/d.yaml');
  const v = new Validators([r.catalog!]);
  const body = v.body('d/plain');
  assert.equal(body({ title: 'Not found', code: 'NOT_FOUND' }), true, 'status is a constant but not required: a body without it conforms');
  assert.equal(body({ title: 'Not found', code: 'NOT_FOUND', status: 404 }), true);
  assert.equal(body({ title: 'Not found', code: 'NOT_FOUND', status: 400 }), false, 'present, it must be the constant');
  assert.equal(body({ code: 'NOT_FOUND', status: 404 }), false, 'title is required');
});

test('an entry left incomplete by its defaults is reported at the entry', () => {
  const text = CATALOG.replace('  strength: must\n  doc: { anchor: errors }', '  doc: { anchor: errors }');
  const issues = parseCatalog(text, 'catalogs/d.yaml').issues.map(formatIssue);
  assert.ok(issues.includes(`catalogs/d.yaml:${lineOf(text, '- id: d/plain')}:${colOf(text, 'id: d/plain')} entries[0] is missing required key 'strength' (after defaults)`), issues.join('\n'));
  const noBody = CATALOG.replace('  body: { kind: json, envelope: problem, required: [title, code] }\n', '');
  const found = parseCatalog(noBody, 'catalogs/d.yaml').issues.map(formatIssue);
  assert.ok(found.some((i) => i.startsWith(`catalogs/d.yaml:${lineOf(noBody, 'const: { code: NOT_FOUND')}:`) && /body is missing required key 'kind'/.test(i)), found.join('\n'));
});

test('an inferred part without a basis, and fields naming nothing, are refused', () => {
  const noBasis = CATALOG.replace('contentType: { type: text/plain, basis: the common page }', 'contentType: { type: text/plain, strength: should }');
  assert.ok(parseCatalog(noBasis, 'catalogs/d.yaml').issues.map(formatIssue).some((i) => /:\d+:\d+ an inferred \(should\) content type needs a basis/.test(i)));
  const bodyNoBasis = CATALOG.replace('required: [code], strength: must,', 'required: [code], strength: should,');
  assert.ok(parseCatalog(bodyNoBasis, 'catalogs/d.yaml').issues.map(formatIssue).some((i) => /an inferred \(should\) body needs a basis/.test(i)));
  const stray = CATALOG.replace('fields: { hint:', 'fields: { hnt:');
  assert.ok(parseCatalog(stray, 'catalogs/d.yaml').issues.map(formatIssue).some((i) => /fields names 'hnt', which is no constant, required field or property/.test(i)));
});

test('a default header rule with a bad pattern is reported where the defaults say it', () => {
  const text = CATALOG.replace('matches: "^Bearer"', 'matches: "(Bearer"');
  const issues = parseCatalog(text, 'catalogs/d.yaml').issues.map(formatIssue);
  assert.deepEqual(issues.filter((i) => /invalid regular expression/.test(i)).map((i) => i.split(' ')[0]), [`catalogs/d.yaml:${lineOf(text, '"(Bearer"')}:${colOf(text, '"(Bearer"')}`]);
});
