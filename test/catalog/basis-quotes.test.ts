/** A passage a basis quotes is the page's own words: checked against the captured page like every quote, located at the basis. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lintBasisQuotes } from '../../src/catalog/basis-quotes.js';
import { formatIssue } from '../../src/catalog/issues.js';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import { BASE, colOf, lineOf } from './fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'faultline-basis-quotes-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture catalog with its two bases' whys replaced, written beside a capture of its page. */
function lint(setupWhy: string, requestWhy: string): { issues: string[]; text: string; file: string } {
  const dir = mkdtempSync(join(tmp, 'c-'));
  writeFileSync(join(dir, 'demo.html'), '<h1>Errors</h1><h2 id="404">404</h2><p>The thing you asked for is not there, or it was deleted.</p>');
  const text = BASE.replace('why: "POST /things creates a thing"', `why: '${setupWhy}'`).replace('why: "a path below a thing that does not exist"', `why: '${requestWhy}'`);
  assert.ok(text.includes(setupWhy) && text.includes(requestWhy));
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, text);
  const r = parseCatalog(text, file);
  assert.deepEqual(r.issues, [], 'the catalog itself is valid');
  return { issues: lintBasisQuotes(r.catalog!, text).map(formatIssue), text, file };
}

test('quoted passages verbatim on the page pass; single quoted words and unquoted prose are not citations', () => {
  assert.deepEqual(lint('POST /things with {"name"} creates one', 'the 404 section: "is not there, or it was deleted"').issues, []);
});

test('a quoted passage the page does not have is refused at its basis', () => {
  const { issues, text, file } = lint('POST /things creates one', 'the 404 section: "is not here, or it was deleted"');
  const line = lineOf(text, 'is not here');
  assert.deepEqual(issues, [`${file}:${line}:${colOf(text, "'the 404 section")} basis quotes "is not here, or it was deleted", which is not verbatim on the page (a quoted passage in a basis is the page's own words)`]);
});

test('the shipped catalogs (or whatever catalogs are loaded) cite their pages verbatim', () => {
  for (const c of loadCatalogs()) assert.deepEqual(lintBasisQuotes(c).map(formatIssue), [], c.file);
});
