/** Each detector of the page's own defects: a small page that has the defect, and one that does not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importPage } from '../../../src/import/page/index.js';

const kinds = (html: string): string[] => importPage(Buffer.from(html), 'page.html', { api: 'demo' }).findings.map((f) => `${f.kind}:${f.slug}`);

const row = (status: number, cause: string, example: string): string => `<tr><td>${cause}</td><td>${status}</td><td><pre>${example}</pre></td></tr>`;
const table = (...rows: string[]): string => `<h2>Errors</h2><table><tr><th>Returned when</th><th>Status</th><th>Example</th></tr>${rows.join('')}</table>`;
const ex = (code: string, status: number, title = `Title of ${code}`, detail = 'x'): string => JSON.stringify({ title, status, detail, errorCode: code });

const CLEAN = table(row(404, 'No such item.', ex('ITEM_MISSING', 404)), row(409, 'The item is locked.', ex('ITEM_LOCKED', 409)));

test('a clean page has no findings', () => {
  assert.deepEqual(kinds(CLEAN), []);
});

test('an example that is not JSON (typographic quotes)', () => {
  assert.deepEqual(kinds(table(row(500, 'Boom.', '{ “errorCode”: “BOOM” }'), row(404, 'No such item.', ex('ITEM_MISSING', 404)))), ['invalid-example:boom-example-not-json']);
});

test('the same row twice, and one code with two titles', () => {
  const dup = table(row(403, 'Not allowed.', ex('DENIED', 403)), row(403, 'Not allowed!', ex('DENIED', 403)));
  assert.deepEqual(kinds(dup), ['duplicate-row:denied-row-2-times']);
  const two = table(row(400, 'Bad size.', ex('BAD', 400, 'Too big')), row(400, 'Bad value.', ex('BAD', 400, 'Not supported')));
  assert.deepEqual(kinds(two), ['conflicting-rows:bad-conflicting-rows']);
});

test('one cause given for two different answers', () => {
  assert.deepEqual(kinds(table(row(400, 'An empty name.', ex('A_ERR', 400)), row(400, 'An empty name.', ex('B_ERR', 400)))), ['inconsistency:same-cause-1']);
});

test('a status that contradicts its example, and a placeholder', () => {
  assert.deepEqual(kinds(table(row(404, 'No such item.', ex('ITEM_MISSING', 400)), row(400, 'Bad offset.', ex('BAD_OFFSET', 400, 'Bad', 'The offset XXX is wrong')))),
    ['contradiction:item_missing-status-404-vs-400', 'placeholder:bad_offset-placeholder']);
});

test('different codes with one title', () => {
  assert.deepEqual(kinds(table(row(400, 'One.', ex('ONE_ERR', 400, 'Not created')), row(403, 'Two.', ex('TWO_ERR', 403, 'Not created.')))), ['inconsistency:shared-titles']);
});

test('prose naming a member no example has', () => {
  const md = '# Errors\n\nThe error object contains a `code` element.\n\n## 404 Not Found\n\nGone.\n\n```json\n{"status": 404}\n```\n';
  const f = importPage(Buffer.from(md), 'p.md', { api: 'demo' }).findings;
  assert.deepEqual(f.map((x) => x.slug), ['code-member-missing']);
  const ok = md.replace('{"status": 404}', '{"status": 404, "code": "gone"}');
  assert.deepEqual(importPage(Buffer.from(ok), 'p.md', { api: 'demo' }).findings, []);
});

test('a status heading nested under another, 401 without WWW-Authenticate, 405 without Allow, rows without examples', () => {
  const md = '## 400 Bad Request\n\nBad.\n\n```json\n{"status": 400}\n```\n\n```json\n{"status": 400, "x": 1}\n```\n\n### 401 Unauthorized\n\nWho are you?\n\n```json\n{"status": 401}\n```\n\n## 405 Not Allowed\n\nWrong method.\n';
  assert.deepEqual(importPage(Buffer.from(md), 'p.md', { api: 'demo' }).findings.map((f) => `${f.kind}:${f.slug}`), [
    'inconsistency:status-headings-nested', 'missing-information:401-without-www-authenticate', 'missing-information:405-without-allow', 'missing-information:rows-without-example',
  ]);
  const named = md.replace('Who are you?', 'Who are you? The answer carries WWW-Authenticate.').replace('Wrong method.', 'Wrong method; see the Allow header.');
  assert.deepEqual(importPage(Buffer.from(named), 'p.md', { api: 'demo' }).findings.map((f) => f.slug), ['status-headings-nested', 'rows-without-example']);
});

test('codes lost from an error code section, and 401 described as missing permissions', () => {
  const txt = ['Errors', '', 'Error code', '', 'The item does not exist.', '', 'The team has no seat left.', '', 'Client Failure Status Codes', '', '400 (Bad Request)   When the request is invalid', '401 (Unauthorized)  When the user lacks the permissions', ''].join('\n');
  const r = importPage(Buffer.from(txt), 'p.txt', { api: 'demo' });
  assert.deepEqual(r.findings.map((f) => `${f.kind}:${f.slug}`), ['missing-information:code-names-lost', 'contradiction:401-described-as-permissions']);
  // The status table is the page's legend here: its statuses are offered for the code rows, as inferred.
  assert.deepEqual(r.draft.entries.map((e) => [e.value['status'], e.value['strength']]), [[[400, 401], 'should'], [[400, 401], 'should']]);
});
