/** One small page of each capture shape: the rows, quotes, examples and anchors the importer finds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importPage } from '../../../src/import/page/index.js';
import type { Row } from '../../../src/import/page/find.js';

const rowsOf = (text: string, name = 'page.txt'): Row[] => importPage(Buffer.from(text), name, { api: 'demo' }).found.rows;
const brief = (r: Row): unknown => ({ status: r.status, code: r.code, quote: r.quote, anchor: r.anchor, example: r.example });

const HTML_TABLE = `<!doctype html><html><head><title>Errors</title></head><body>
<h1>Demo errors</h1>
<h2 id="errors">Errors</h2>
<table>
<tr><th>Status</th><th>Code</th><th>Returned when</th><th>Example</th></tr>
<tr><td>404</td><td>ITEM_MISSING</td><td>The <code>itemId</code> names no item. Check the id.</td><td><pre>
{"errorCode": "ITEM_MISSING", "status": 404}
</pre></td></tr>
<tr><td>409</td><td>ITEM_LOCKED</td><td>The item is locked by another user.</td><td><pre>{"errorCode": "ITEM_LOCKED", "status": 409}</pre></td></tr>
</table></body></html>`;

test('HTML table: status, code, cause and example per row, the anchor of its section', () => {
  assert.deepEqual(rowsOf(HTML_TABLE, 'errors.html').map(brief), [
    { status: 404, code: 'ITEM_MISSING', quote: 'The itemId names no item. Check the id.', anchor: 'errors', example: '{"errorCode": "ITEM_MISSING", "status": 404}' },
    { status: 409, code: 'ITEM_LOCKED', quote: 'The item is locked by another user.', anchor: 'errors', example: '{"errorCode": "ITEM_LOCKED", "status": 409}' },
  ]);
});

test('HTML inside a JSON page payload reads like the page itself', () => {
  const payload = JSON.stringify({ result: { data: { page: { html: HTML_TABLE.replace(/^[\s\S]*<body>/, '').replace('</body></html>', '') } } }, title: 'Demo' });
  const r = importPage(Buffer.from(payload), 'payload.json', { api: 'demo' });
  assert.equal(r.page.shape, 'json-html');
  assert.deepEqual(r.found.rows.map((x) => x.code), ['ITEM_MISSING', 'ITEM_LOCKED']);
});

test('Markdoc render tree: status headings with their ids, the first sentences as the quote', () => {
  const tag = (name: string, attributes: object, children: unknown[]): object => ({ $$mdtype: 'Tag', name, attributes, children });
  const ast = tag('article', {}, [
    tag('Heading', { level: 1, id: 'errors' }, ['Errors']),
    tag('Heading', { level: 2, id: 'code-403-forbidden' }, ['Code 403 Forbidden']),
    tag('p', {}, ['You may not do this. Ask an admin. ', tag('MarkdownLink', { href: '/x' }, ['More']), ' here.']),
    tag('fence', { language: 'json', content: '{"message": "forbidden"}' }, []),
  ]);
  const r = importPage(Buffer.from(JSON.stringify({ props: { ast } })), 'markdoc.json', { api: 'demo' });
  assert.equal(r.page.shape, 'markdoc');
  assert.deepEqual(r.found.rows.map(brief), [{ status: 403, code: undefined, quote: 'You may not do this. Ask an admin.', anchor: 'code-403-forbidden', example: '{"message": "forbidden"}' }]);
});

test('mdast (MDX) tree in a payload', () => {
  const text = (value: string): object => ({ type: 'text', value });
  const tree = { type: 'root', children: [
    { type: 'heading', depth: 2, children: [text('429 Too Many Requests')] },
    { type: 'paragraph', children: [text('Slow down.')] },
  ] };
  const r = importPage(Buffer.from(JSON.stringify({ mdx: tree })), 'mdx.json', { api: 'demo' });
  assert.equal(r.page.shape, 'mdast');
  assert.deepEqual(r.found.rows.map(brief), [{ status: 429, code: undefined, quote: 'Slow down.', anchor: '429-too-many-requests', example: undefined }]);
});

test('Markdown sections with fenced JSON: one row per example, the overview table only where no section exists', () => {
  const md = [
    '---', 'title: x', '---', '', '# Errors', '', '| Code | Description |', '|---|---|', '| 400 | Bad Request - Invalid input. |', '| 500 | Internal Server Error - Something broke. |', '',
    '## 400 Bad Request', '', 'The payload is invalid.', '', '::: warning', 'Read this.', ':::', '', '```json', '{"status": 400, "message": "a"}', '```', '', '```json', '{"status": 400, "message": "b"}', '```', '',
  ].join('\n');
  const rows = rowsOf(md, 'errors.md');
  assert.deepEqual(rows.map(brief), [
    { status: 500, code: undefined, quote: 'Internal Server Error - Something broke.', anchor: 'errors', example: undefined },
    { status: 400, code: undefined, quote: 'The payload is invalid.', anchor: '400-bad-request', example: '{"status": 400, "message": "a"}' },
    { status: 400, code: undefined, quote: 'The payload is invalid.', anchor: '400-bad-request', example: '{"status": 400, "message": "b"}' },
  ]);
});

test('plain text: a tab-separated table with a ✔/✘ body column and inline HTML', () => {
  const text = ['Errors', '', 'Status Codes', '', 'Status\tBody\tUsage', '400: Bad Request\t✔\tThe <code>name</code> is missing.', '406: Not Acceptable\t✘\tNo such media type.', ''].join('\n');
  const rows = rowsOf(text);
  assert.deepEqual(rows.map((r) => [r.status, r.quote, r.hasBody, r.anchor]), [[400, 'The name is missing.', true, 'status-codes'], [406, 'No such media type.', false, 'status-codes']]);
});

test('plain text: a space-aligned table, success rows skipped', () => {
  const text = ['Status Codes', '', '200 (OK)            Fine', '404 (Not Found)     When a requested resource does not exist', '410 (Gone)          When it is gone for good', ''].join('\n');
  assert.deepEqual(rowsOf(text).map((r) => [r.status, r.reason, r.quote]), [[404, 'Not Found', 'When a requested resource does not exist'], [410, 'Gone', 'When it is gone for good']]);
});

test('plain text: headed sections with an indented example and an error code section', () => {
  const text = ['Error Handling', '', 'Errors carry this object:', '', '    "code": "boom",', '    "message": "x"', '', 'Error codes', '', 'item-missing: The item does not exist.', '', 'The owner has no seat left.', ''].join('\n');
  const r = importPage(Buffer.from(text), 'page.txt', { api: 'demo' });
  assert.deepEqual(r.found.rows.map((x) => [x.code, x.codeLost, x.quote, x.anchor]), [['item-missing', false, 'The item does not exist.', 'error-codes'], [undefined, true, 'The owner has no seat left.', 'error-codes']]);
  assert.deepEqual(r.found.pageExamples, ['    "code": "boom",\n    "message": "x"']);
});

test('headers a status table names become header rules of that status', () => {
  const text = ['Codes', '', 'Status\tUsage', '401: Unauthorized\tNo credentials.', '', 'Headers', '', 'Status\tAdditional Header\tDescription', '401: Unauthorized\tWWW-Authenticate\tA challenge: <code>Bearer realm="x"</code>', ''].join('\n');
  const [row] = rowsOf(text);
  assert.deepEqual(row?.headers, [{ name: 'WWW-Authenticate', equals: 'Bearer realm="x"', basis: 'A challenge: Bearer realm="x"' }]);
});
