/**
 * The format's shorthands for what entries repeat: `defaults.titleFrom: slug` (a code that is its
 * own title), `body.constFrom` (a body constant each entry derives from its id or its status),
 * `defaults.doc.anchorFrom: quote` (each entry cites the section its quote lies in) and the
 * request line `POST: /path`. Each loads to the entry written out in full, is refused with
 * file:line:col where written wrongly, and problems inside a request line point at it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { parseCatalog } from '../../src/load.js';
import type { Entry } from '../../src/catalog/types.js';
import { toCatalogYaml } from '../../src/catalog/write.js';
import { BASE, colOf, lineOf } from './fixture.js';

const FILE = 'catalogs/demo.yaml';

const HEAD = BASE.slice(0, BASE.indexOf('entries:\n'));
const catalog = (defaults: string, entries: string): string => `${HEAD}defaults:\n${defaults}entries:\n${entries}`;
const load = (text: string): Entry[] => {
  const r = parseCatalog(text, FILE);
  assert.deepEqual(r.issues.map(formatIssue), []);
  return r.catalog!.entries;
};
const issues = (text: string): string[] => parseCatalog(text, FILE).issues.map(formatIssue);
/** `file:line:col ` of `col` on the first line holding `needle`. */
const at = (text: string, needle: string, col = needle): string => {
  const line = lineOf(text, needle);
  return `${FILE}:${line}:${colOf(text.split('\n')[line - 1]!, col)} `;
};
const has = (list: string[], prefix: string, message: RegExp): void => {
  assert.ok(list.some((i) => i.startsWith(prefix) && message.test(i)), `expected ${prefix}${message}, got:\n${list.join('\n')}`);
};

const DEFAULTS = `  strength: must
  titleFrom: slug
  body: { kind: json, envelope: error, required: [message], constFrom: { code: slug, status: status } }
`;
const entry = (id: string, more = '', status = '404'): string => `  - id: demo/${id}
    doc: { url: "https://example.test/errors#x", quote: Words. }
    status: ${status}
${more}    unprovokable: a test
`;

test('titleFrom: slug gives an entry without a title its id after <api>/; a title of its own wins', () => {
  const [plain, own] = load(catalog(DEFAULTS, entry('not-found') + entry('gone', '    title: 410 Gone\n', '410')));
  assert.equal(plain!.title, 'not-found');
  assert.equal(own!.title, '410 Gone');
});

test('without titleFrom an entry still needs its title, refused where the entry is', () => {
  const text = catalog(DEFAULTS.replace('  titleFrom: slug\n', ''), entry('not-found'));
  has(issues(text), at(text, 'id: demo/not-found', 'id:'), /entries\[0\] is missing required key 'title' \(after defaults\)/);
  const bad = catalog(DEFAULTS.replace('titleFrom: slug', 'titleFrom: id'), entry('not-found'));
  has(issues(bad), at(bad, 'titleFrom: id', 'id'), /defaults\.titleFrom must be slug$/);
});

test('constFrom derives constants from the slug and the status; the body\'s own const names win', () => {
  const [plain, own] = load(catalog(DEFAULTS, entry('not-found') + entry('gone', '    body: { const: { code: GONE } }\n', '410')));
  assert.deepEqual(plain!.body.kind === 'json' && plain!.body.const, { code: 'not-found', status: 404 });
  assert.deepEqual(own!.body.kind === 'json' && own!.body.const, { code: 'GONE', status: 410 });
  for (const e of [plain!, own!]) assert.equal('constFrom' in e.body, false, 'the loaded body has only const');
});

test('a status set or class gives no status constant; constFrom: {} opts an entry out', () => {
  const [set, cls, out] = load(catalog(DEFAULTS, entry('either', '', '[409, 412]') + entry('server', '', '5xx') + entry('other', '    body: { constFrom: {} }\n')));
  assert.deepEqual(set!.body.kind === 'json' && set!.body.const, { code: 'either' });
  assert.deepEqual(cls!.body.kind === 'json' && cls!.body.const, { code: 'server' });
  assert.equal(out!.body.kind === 'json' && out!.body.const, undefined);
});

test('constFrom takes only slug or status, and only on a json body, refused where written', () => {
  const bad = catalog(DEFAULTS.replace('status: status }', 'status: title }'), entry('not-found'));
  has(issues(bad), at(bad, 'status: title', 'title }'), /constFrom values must be slug or status$/);
  const text = catalog(DEFAULTS, entry('plain', '    body: { kind: text, equals: nope, constFrom: { code: slug } }\n'));
  has(issues(text), at(text, 'kind: text', 'constFrom'), /unknown key 'constFrom'.*\(after defaults\)/);
});

test('a request line POST: /path loads as method and path', () => {
  const text = BASE.replace('request: { method: GET, path: "/things/{{thingId}}/missing" }', 'request: { GET: "/things/{{thingId}}/missing", as: admin }')
    .replace('- request: { method: POST, path: /things,', '- request: { POST: /things,');
  const written = parseCatalog(BASE, FILE).catalog!.entries[0]!.recipes[0]!;
  const r = load(text)[0]!.recipes[0]!;
  assert.deepEqual(r.request, { method: 'GET', path: '/things/{{thingId}}/missing', as: 'admin' });
  assert.deepEqual(r.setup, written.setup);
});

test('problems in a request line point at it; two forms at once are refused at the request', () => {
  const text = BASE.replace('request: { method: GET, path: "/things/{{thingId}}/missing" }', 'request: { GET: "/things/{{other}}/missing" }');
  has(issues(text), at(text, '{{other}}', '"/things/{{other}}'), /\{\{other\}\} is not captured by an earlier setup step$/);
  const slash = BASE.replace('request: { method: GET, path: "/things/{{thingId}}/missing" }', 'request: { GET: things }');
  has(issues(slash), at(slash, 'GET: things', 'things'), /path must start with \/$/);
  for (const both of ['{ GET: /a, POST: /b }', '{ GET: /a, path: /b }', '{ GET: /a, method: GET, path: /a }', '{ method: GET }', '{ as: admin }']) {
    const t = BASE.replace('request: { method: GET, path: "/things/{{thingId}}/missing" }', `request: ${both}`);
    has(issues(t), at(t, `request: ${both}`, both), /request: a request gives its method and path once/);
  }
  const lower = BASE.replace('request: { method: GET, path: "/things/{{thingId}}/missing" }', 'request: { get: /a }');
  has(issues(lower), at(lower, 'request: { get', 'get:'), /unknown key 'get'/);
});

test('written back, requests are request lines and load to the same entries', () => {
  const c = parseCatalog(catalog(DEFAULTS, entry('not-found')) + BASE.slice(BASE.indexOf('  - id: demo/not-found')).replace('demo/not-found', 'demo/thing'), FILE).catalog!;
  const text = toCatalogYaml(c);
  assert.doesNotMatch(text, /method:/);
  assert.match(text, /\n {8}GET: \/things\/\{\{thingId\}\}\/missing\n/);
  const again = parseCatalog(text, FILE).catalog!;
  assert.deepEqual(again.entries.map(({ position: _p, ...e }) => JSON.parse(JSON.stringify(e))), c.entries.map(({ position: _p, ...e }) => JSON.parse(JSON.stringify(e))));
});

const dir = mkdtempSync(join(tmpdir(), 'faultline-shorthands-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'demo.md'), '# Errors\n\nIntro words.\n\n## 404 Not Found\n\nThe thing is not there.\n\n### Details\n\nLook again.\n\n## 410 Gone\n\nThe thing is not there.\n\nIt went away.\n');
const PAGED = join(dir, 'demo.yaml');
const paged = (entries: string, doc = '{ anchorFrom: quote }'): string => catalog(DEFAULTS + `  doc: ${doc}\n`, entries).replace('capture: demo.html', 'capture: demo.md');
const quoting = (id: string, doc: string): string => entry(id).replace('{ url: "https://example.test/errors#x", quote: Words. }', doc);

test('anchorFrom: quote cites the innermost section holding the quote; an anchor of the entry\'s own wins', () => {
  const r = parseCatalog(paged(quoting('gone', 'It went away.') + quoting('again', 'Look again.') + quoting('own', '{ anchor: 410-gone, quote: The thing is not there. }') + quoting('intro', 'Intro words.')), PAGED);
  assert.deepEqual(r.issues.map(formatIssue), []);
  const [gone, again, own, intro] = r.catalog!.entries;
  assert.deepEqual([gone!.doc.anchor, again!.doc.anchor, own!.doc.anchor], ['410-gone', 'details', '410-gone']);
  assert.equal(gone!.doc.url, 'https://example.test/errors#410-gone');
  assert.equal(intro!.doc.anchor, 'errors', 'the words under the first heading are in its section');
  assert.ok(r.pages?.includes(join(dir, 'demo.md')), 'the loader cache keeps the page it read');
});

test('anchorFrom: a quote in two sections or on no page is refused at the quote; with anchor beside it, at anchorFrom', () => {
  const two = paged(quoting('twice', 'The thing is not there.'));
  has(parseCatalog(two, PAGED).issues.map(formatIssue), `${PAGED}:${lineOf(two, 'doc: The thing')}:${colOf(two.split('\n')[lineOf(two, 'doc: The thing') - 1]!, 'The thing')} `, /anchorFrom: quote: the quote is in #404-not-found and #410-gone: give doc\.anchor$/);
  const none = paged(quoting('none', '{ quote: Not on the page. }'));
  has(parseCatalog(none, PAGED).issues.map(formatIssue), `${PAGED}:${lineOf(none, 'Not on the page')}:${colOf(none.split('\n')[lineOf(none, 'Not on the page') - 1]!, 'Not on')} `, /the quote is not on the page/);
  const both = paged(quoting('gone', 'It went away.'), '{ anchor: errors, anchorFrom: quote }');
  has(parseCatalog(both, PAGED).issues.map(formatIssue), `${PAGED}:${lineOf(both, 'anchorFrom: quote')}:${colOf(both.split('\n')[lineOf(both, 'anchorFrom: quote') - 1]!, 'quote }')} `, /give one$/);
  const bad = paged(quoting('gone', 'It went away.'), '{ anchorFrom: heading }');
  has(parseCatalog(bad, PAGED).issues.map(formatIssue), `${PAGED}:${lineOf(bad, 'anchorFrom: heading')}:`, /defaults\.doc\.anchorFrom must be quote$/);
});
