/**
 * `example: { printed: <fragment> }` takes the example from the page: the loaded entry carries the
 * printed text, a fragment in no printed example or in several is refused where it is written,
 * and a changed page is read again (the loader's cache keeps the page's hash).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatIssue } from '../../src/catalog/issues.js';
import { parseCatalog } from '../../src/load.js';
import { readCache, writeCache } from '../../src/catalog/cache.js';
import { toCatalogYaml } from '../../src/catalog/write.js';
import { parse } from 'yaml';
import { BASE, colOf, lineOf } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-printed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NOT_FOUND = '{\n  "message": "nope",\n  "code": "NOT_FOUND"\n}';
const PAGE = `# Errors\n\n## 404\n\nThe thing is not there.\n\n\`\`\`json\n${NOT_FOUND}\n\`\`\`\n\n## 500\n\nOops.\n\n\`\`\`json\n{\n  "message": "nope",\n  "code": "OOPS"\n}\n\`\`\`\n`;
writeFileSync(join(dir, 'demo.md'), PAGE);
const file = join(dir, 'demo.yaml');

const withRef = (fragment: string): string => BASE.replace('capture: demo.html', 'capture: demo.md').replace(/    example: '[^\n]*'\n/, `    example: { printed: '${fragment}' }\n`);

test('a fragment of one printed example gives the entry that example, as printed', () => {
  const text = withRef('"code": "NOT_FOUND"');
  assert.match(text, /example: \{ printed:/);
  const r = parseCatalog(text, file);
  assert.deepEqual(r.issues, []);
  assert.equal(r.catalog!.entries[0]!.example, NOT_FOUND);
});

test('whitespace in the fragment does not matter; the page\'s does not either', () => {
  const r = parseCatalog(withRef('"message": "nope",   "code":  "NOT_FOUND"'), file);
  assert.deepEqual(r.issues, []);
  assert.equal(r.catalog!.entries[0]!.example, NOT_FOUND);
});

test('a fragment in no printed example, or in two, is refused at the reference', () => {
  for (const [fragment, message] of [['"code": "GONE"', /is in none of the page's printed examples$/], ['"message": "nope"', /is in 2 of the page's printed examples: give a fragment only one has$/]] as const) {
    const text = withRef(fragment);
    const issues = parseCatalog(text, file).issues.map(formatIssue);
    const at = `${file}:${lineOf(text, 'printed:')}:${colOf(text, `'${fragment}'`)} `;
    assert.ok(issues.some((i) => i.startsWith(at) && message.test(i)), `expected ${at}${message}, got:\n${issues.join('\n')}`);
  }
});

test('without the page there is no example to take', () => {
  const issues = parseCatalog(withRef('"code": "NOT_FOUND"'), join(dir, 'elsewhere', 'demo.yaml')).issues.map(formatIssue);
  assert.ok(issues.some((i) => /example\.printed: the page's capture 'demo\.md' is not there/.test(i)), issues.join('\n'));
});

test('an inline example and a reference are the only forms', () => {
  const issues = parseCatalog(BASE.replace(/    example: '[^\n]*'\n/, '    example: { line: 3 }\n'), file).issues.map(formatIssue);
  assert.ok(issues.some((i) => /example must be the example as printed, or \{ printed: <a fragment of it> \}/.test(i)), issues.join('\n'));
});

test('the loader\'s cache is not trusted once a page an example was taken from has changed', () => {
  const saved = { dir: process.env.FAULTLINE_CACHE_DIR, off: process.env.FAULTLINE_NO_CACHE };
  process.env.FAULTLINE_CACHE_DIR = join(dir, 'cache');
  delete process.env.FAULTLINE_NO_CACHE;
  try {
    const r = parseCatalog(withRef('"code": "NOT_FOUND"'), file);
    assert.deepEqual(r.pages, [join(dir, 'demo.md')]);
    writeCache('printed-test', [r.catalog!], r.pages);
    assert.equal(readCache('printed-test')?.[0]?.entries[0]?.example, NOT_FOUND);
    writeFileSync(join(dir, 'demo.md'), PAGE.replace('"nope",\n  "code": "NOT_FOUND"', '"gone",\n  "code": "NOT_FOUND"'));
    assert.equal(readCache('printed-test'), undefined, 'a changed page: parse again');
  } finally {
    writeFileSync(join(dir, 'demo.md'), PAGE);
    for (const [k, v] of [['FAULTLINE_CACHE_DIR', saved.dir], ['FAULTLINE_NO_CACHE', saved.off]] as const) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
});

test('a plain-text page\'s indented block is one printed example, taken with its indent as printed', () => {
  const block = '    "code": "NOT_FOUND",\n    "message": "nope"';
  writeFileSync(join(dir, 'demo.txt'), `Errors\n\nThe thing is not there. Its body:\n\n${block}\n\nThat is all.\n`);
  const text = withRef('"code": "NOT_FOUND"').replace('capture: demo.md', 'capture: demo.txt');
  const r = parseCatalog(text, file);
  assert.deepEqual(r.issues.map(formatIssue), [], 'the block read as printed and read without its indent is still one example');
  assert.equal(r.catalog!.entries[0]!.example, block);
});

test('written back, a cited example stays a reference to the page, and loads to the same text', () => {
  const c = parseCatalog(withRef('"code": "NOT_FOUND"'), file).catalog!;
  const text = toCatalogYaml(c);
  assert.deepEqual((parse(text) as { entries: { example?: unknown }[] }).entries[0]!.example, { printed: '"code": "NOT_FOUND"' });
  assert.ok(!text.includes('"message": "nope"'), 'the example text is not copied');
  assert.equal(parseCatalog(text, file).catalog!.entries[0]!.example, NOT_FOUND);
  const copied = parseCatalog(BASE, file).catalog!;
  assert.equal((parse(toCatalogYaml(copied)) as { entries: { example?: unknown }[] }).entries[0]!.example, copied.entries[0]!.example, 'a copied example stays copied');
});
