/**
 * The quote lint: quotes verbatim in the page's visible text, anchors that exist, quotes inside
 * their anchor's section, examples as printed. On pages of every shape (HTML, Markdown, plain
 * text, JSON payloads), and on the shipped catalogs mutated one way at a time.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { DEFAULT_CATALOG_DIR, loadCatalogs, parseCatalog } from '../../src/load.js';
import { readPage } from '../../src/catalog/page-text.js';
import { lintQuotes } from '../../src/catalog/quote-lint.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { colOf, lineOf } from './fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'faultline-quote-lint-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A one-entry catalog citing `capture`, written into a fresh folder with the page beside it. */
function catalogWith(name: string, page: string, doc: string, example?: string): { file: string; text: string } {
  const dir = mkdtempSync(join(tmp, 'c-'));
  writeFileSync(join(dir, name), page);
  const text = `api: demo
title: Demo
baseUrlVar: DEMO_BASE_URL
page: { capture: ${name}, title: Errors }
auth: { header: Authorization, format: "Bearer {token}" }
identities: { admin: { env: DEMO_TOKEN, description: admin } }
defaultIdentity: admin
envelopes: { error: { type: object } }
entries:
  - id: demo/e
    title: E
    doc: ${doc}
    status: 404
    strength: must
    body: { kind: json, envelope: error }
${example !== undefined ? `    example: ${JSON.stringify(example)}\n` : ''}    unprovokable: a test
`;
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, text);
  return { file, text };
}

function lint(name: string, page: string, doc: string, example?: string): string[] {
  const { file, text } = catalogWith(name, page, doc, example);
  const r = parseCatalog(text, file);
  assert.deepEqual(r.issues, [], 'the catalog itself is valid');
  return lintQuotes(r.catalog!, text).map(formatIssue);
}

const HTML = `<!doctype html><html><head><title>Errors</title><style>p{}</style><script>var x = "Not Found";</script></head>
<body><h1 id="errors">Errors</h1>
<h2><a href="#nf" aria-hidden="true"><svg><path d="x"/></svg></a><span id="not-found"></span>404 Not Found</h2>
<p>The <code>thing</code> you asked for
   is&nbsp;not &amp; never was there.</p>
<pre>
{"code": "NOT_FOUND"}
</pre>
<h3 id="nf-detail">Details</h3><p>Deeper in the same section.</p>
<h2 id="gone">410 Gone</h2><p>It was there once.</p>
<p hidden>Invisible text.</p>
</body></html>`;

describe('HTML captures', () => {
  test('a verbatim quote (markup stripped, whitespace normalised) in its section passes, with its example', () => {
    assert.deepEqual(lint('p.html', HTML, '{ anchor: not-found, quote: "The thing you asked for is not & never was there." }', '{"code": "NOT_FOUND"}'), []);
    // a quote in a subsection lies inside the enclosing heading's section too
    assert.deepEqual(lint('p.html', HTML, '{ anchor: not-found, quote: Deeper in the same section. }'), []);
  });
  test('only markup and whitespace are forgiven: case, punctuation and hidden text are not', () => {
    for (const quote of ['the thing you asked for', 'The thing you asked for is not and never was there.', 'Invisible text.', 'var x']) {
      const issues = lint('p.html', HTML, `{ anchor: not-found, quote: "${quote}" }`);
      assert.equal(issues.length, 1, quote);
      assert.match(issues[0]!, /demo\.yaml:12:\d+ quote is not verbatim in the page's visible text/);
    }
  });
  test('a quote outside its anchor\'s section is rejected and told where it is', () => {
    const [issue] = lint('p.html', HTML, '{ anchor: not-found, quote: It was there once. }');
    assert.match(issue!, /quote is on the page but not inside the section '#not-found' opens \(it is in '#gone'\)/);
  });
  test('an anchor the page lacks is rejected, listing the ones it has', () => {
    const [issue] = lint('p.html', HTML, '{ anchor: not-fund, quote: It was there once. }');
    assert.match(issue!, /anchor '#not-fund' is not on the page \(it has #errors, #not-found, #nf-detail, #gone\)/);
  });
  test('an example that is not printed on the page is rejected at its line', () => {
    const { text } = catalogWith('p.html', HTML, '{ quote: Errors }', '{"code": "NOT_FOUNDS"}');
    const issues = lint('p.html', HTML, '{ quote: Errors }', '{"code": "NOT_FOUNDS"}');
    assert.equal(issues.length, 1);
    assert.ok(issues[0]!.includes(`:${lineOf(text, 'example:')}:${colOf(text, '"{')} example differs`), issues[0]);
  });
});

describe('Markdown captures', () => {
  const MD = `---
title: x
---
# Error Handling

| Code | Description |
|------|-------------|
| 404  | Not Found - The resource is *not* there. |

## 404 Not found
The server could not find
the \`thing\`.

::: warning
Reads lag writes.
:::

\`\`\`json
{ "status": 404 }
\`\`\`

## Rate limits {#limits}
Slow down.
`;
  test('headings are slugged as GitHub does, {#id} is honoured, fences are examples', () => {
    assert.deepEqual(lint('p.md', MD, '{ anchor: 404-not-found, quote: The server could not find the thing. Reads lag writes. }', '{ "status": 404 }'), []);
    assert.deepEqual(lint('p.md', MD, '{ anchor: error-handling, quote: "404 Not Found - The resource is not there." }'), []);
    assert.deepEqual(lint('p.md', MD, '{ anchor: limits, quote: Slow down. }'), []);
    assert.match(lint('p.md', MD, '{ anchor: 404-not-found, quote: Slow down. }')[0]!, /not inside the section '#404-not-found' opens \(it is in '#limits'\)/);
    assert.match(lint('p.md', MD, '{ anchor: 404-not-found, quote: "{ \\"status\\": 404 }" }', '{ "status": 405 }')[0]!, /example differs/);
  });
  test('front matter is not page text', () => {
    assert.match(lint('p.md', MD, '{ quote: "title: x" }')[0]!, /not verbatim/);
  });
});

describe('plain-text captures', () => {
  const TXT = `Error Handling

Calls that fail return an <code>Error</code> object.

HTTP Status Codes

400: Bad Request\tThe body is missing or invalid.
404: Not Found\tThe resource does not exist.

Example

    {
        "error": "x"
    }

Response Headers

Content-Type\tThe body's media type.
`;
  test('headings are stand-alone short lines, stray tags are markup, indented blocks are examples', () => {
    assert.deepEqual(lint('p.txt', TXT, '{ anchor: http-status-codes, quote: The resource does not exist. }'), []);
    assert.deepEqual(lint('p.txt', TXT, '{ anchor: error-handling, quote: Calls that fail return an Error object. }'), []);
    assert.deepEqual(lint('p.txt', TXT, '{ anchor: example, quote: Example }', '{\n    "error": "x"\n}'), []);
    assert.deepEqual(lint('p.txt', TXT, '{ anchor: example, quote: Example }', '    {\n        "error": "x"\n    }'), []);
    assert.match(lint('p.txt', TXT, '{ anchor: http-status-codes, quote: "Content-Type The body\'s media type." }')[0]!, /it is in '#response-headers'/);
  });
  const page = readPage(TXT, 'p.txt');
  test('the page model: ids and sections in order', () => {
    assert.deepEqual([...page.anchors.keys()], ['error-handling', 'http-status-codes', 'example', 'response-headers']);
    assert.equal(page.text.slice(page.anchors.get('example')!.start, page.anchors.get('example')!.end).trim(), 'Example { "error": "x" }');
  });
});

describe('JSON page payloads', () => {
  test('HTML inside a JSON payload and a Markdoc tree read like HTML', () => {
    const payload = JSON.stringify({ result: { data: { toc: '<ul><li>x</li></ul>', page: { html: '<h2 id="a">A</h2><p>Alpha <code>one</code>.</p><h2 id="b">B</h2><p>Beta.</p>' } } } });
    assert.deepEqual(lint('p.json', payload, '{ anchor: a, quote: Alpha one. }'), []);
    assert.match(lint('p.json', payload, '{ anchor: a, quote: Beta. }')[0]!, /it is in '#b'/);
    const markdoc = JSON.stringify({ props: { ast: { $$mdtype: 'Tag', name: 'article', children: [
      { $$mdtype: 'Tag', name: 'Heading', attributes: { level: 2, id: 'code-400' }, children: ['Code 400'] },
      { $$mdtype: 'Tag', name: 'p', children: ['Bad ', { $$mdtype: 'Tag', name: 'MarkdownLink', attributes: { href: '/x' }, children: ['request'] }, '.'] },
      { $$mdtype: 'Tag', name: 'Heading', attributes: { level: 2, id: 'code-404' }, children: ['Code 404'] },
    ] } } });
    assert.deepEqual(lint('p.json', markdoc, '{ anchor: code-400, quote: Bad request. }'), []);
    assert.match(lint('p.json', markdoc, '{ anchor: code-404, quote: Bad request. }')[0]!, /it is in '#code-400'/);
  });
});

describe('structured documents (OpenAPI in YAML or JSON)', () => {
  const OAS = `openapi: 3.1.0
paths:
  /pets/{id}:
    get:
      responses:
        '404': { $ref: '#/components/responses/NotFound' }
        '400':
          description: >-
            The id is not
            a number.
          content:
            application/json:
              example: { code: BAD_ID }
components:
  responses:
    NotFound:
      description: No pet has this id.
`;
  test('anchors are JSON pointers (local $refs followed), examples are example values', () => {
    assert.deepEqual(lint('api.yaml', OAS, '{ anchor: "/paths/~1pets~1{id}/get/responses/404", quote: No pet has this id. }'), []);
    assert.deepEqual(lint('api.yaml', OAS, '{ anchor: "/paths/~1pets~1{id}/get/responses/400", quote: The id is not a number. }', '{\n  "code": "BAD_ID"\n}'), []);
    assert.match(lint('api.yaml', OAS, '{ anchor: "/paths/~1pets~1{id}/get/responses/400", quote: No pet has this id. }')[0]!, /not inside the section/);
    assert.match(lint('api.json', JSON.stringify({ a: { b: 'Words here.' } }), '{ anchor: /a/c, quote: Words here. }')[0]!, /anchor '#\/a\/c' is not on the page/);
    assert.match(lint('api.yaml', OAS, '{ quote: No pet has this id. }', '{"code": "BAD"}')[0]!, /example differs/);
  });
});

describe('the shipped catalogs', () => {
  test('pass the lint', () => {
    const issues = loadCatalogs().flatMap((c) => lintQuotes(c)).map(formatIssue);
    assert.deepEqual(issues, []);
  });

  /** Copy catalogs/ (pages included), change one catalog's text, lint that copy. */
  function mutated(pick: (text: string, c: LoadedCatalog) => string | undefined): string[] {
    const dir = mkdtempSync(join(tmp, 'shipped-'));
    cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
    for (const c of loadCatalogs()) {
      const file = join(dir, c.file.replace(/^.*\//, ''));
      const changed = pick(readFileSync(file, 'utf8'), c);
      if (changed === undefined) continue;
      writeFileSync(file, changed);
      const r = parseCatalog(changed, file);
      assert.deepEqual(r.issues, [], 'the mutant is a valid catalog');
      return lintQuotes(r.catalog!, changed).map(formatIssue);
    }
    assert.fail('no catalog to mutate');
  }
  const first = (text: string, re: RegExp, f: (m: string) => string): string | undefined => (re.test(text) ? text.replace(re, f) : undefined);

  test('a changed quote is rejected with its position', () => {
    const issues = mutated((t) => first(t, /(\n\s+quote: )(\S.*)/, (m) => m.replace(/(quote: )(.)/, (_, k: string, ch: string) => k + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()))));
    assert.equal(issues.length, 1, issues.join('\n'));
    assert.match(issues[0]!, /^.+\.yaml:\d+:\d+ quote is not verbatim/);
  });
  test('a wrong anchor is rejected with its position', () => {
    // the first anchor written, in block or flow style (a default anchor is one problem, however many entries take it)
    const issues = mutated((t) => first(t, /(?<=(\n\s+|[{,] )anchor: )[^\s,}]+/, (m) => `${m}-nowhere`));
    assert.equal(issues.length, 1, issues.join('\n'));
    assert.match(issues[0]!, /^.+\.yaml:\d+:\d+ anchor '#\S+-nowhere' is not on the page/);
  });
  test('a changed example is rejected with its position', () => {
    // the first entry with an example gets that example written out with one character changed
    const issues = mutated((t, c) => {
      const i = c.entries.findIndex((e) => e.example !== undefined && /\w/.test(e.example));
      if (i < 0) return undefined;
      const lines = t.split('\n');
      const start = c.entries[i]!.position.line - 1;
      const end = c.entries[i + 1] ? c.entries[i + 1]!.position.line - 1 : lines.length;
      const at = lines.findIndex((l, n) => n >= start && n < end && /^\s+example:/.test(l));
      const changed = c.entries[i]!.example!.replace(/\w/, (ch) => (ch === 'x' ? 'y' : 'x'));
      const indent = /^\s*/.exec(lines[at]!)![0];
      // the example's own lines (a block scalar's) go with it
      let next = at + 1;
      while (next < end && (lines[next]!.trim() === '' || /^\s*/.exec(lines[next]!)![0].length > indent.length)) next++;
      lines.splice(at, next - at, `${indent}example: ${JSON.stringify(changed)}`);
      return lines.join('\n');
    });
    assert.equal(issues.length, 1, issues.join('\n'));
    assert.match(issues[0]!, /^.+\.yaml:\d+:\d+ example differs from the page's printed example/);
  });
});
