/**
 * The format's shorthands for what entries repeat: `defaults.titleFrom: slug` (a code that is its
 * own title), `body.constFrom` (a body constant each entry derives from its id or its status) and
 * the request line `POST: /path`. Each loads to the entry written out in full, is refused with
 * file:line:col where written wrongly, and problems inside a request line point at it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
