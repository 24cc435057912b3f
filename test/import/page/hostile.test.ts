/**
 * Hostile captures: huge tables, broken HTML, deep nesting, a page without errors, binary junk,
 * empty and oversized files, a broken JSON payload. Each gives a clear message or a bounded
 * result, never a crash; the CLI never replaces a file unless asked and leaves no temporary file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { runImportPage } from '../../../src/import/page/cli.js';
import { importPage } from '../../../src/import/page/index.js';
import { CaptureError, LIMITS } from '../../../src/import/page/model.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-import-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } }), text: () => chunks.join('') };
}

function cli(args: string[]): { code: number; out: string; err: string } {
  const out = sink();
  const err = sink();
  const code = runImportPage(args, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

// Generous bounds: the machine is shared and loaded; these only catch runaway (quadratic) behaviour.
const BOUND_MS = 60_000;

test('a huge HTML table is read in bounded time and its rows are capped', () => {
  const rows = Array.from({ length: LIMITS.tableRows + 1000 }, (_, i) => `<tr><td>400</td><td>CODE_${i}</td><td>Cause number ${i}.</td></tr>`).join('');
  const t0 = Date.now();
  const r = importPage(Buffer.from(`<table><tr><th>Status</th><th>Code</th><th>Cause</th></tr>${rows}</table>`), 'huge.html', { api: 'demo' });
  assert.ok(Date.now() - t0 < BOUND_MS, `took ${Date.now() - t0} ms`);
  assert.equal(r.found.rows.length, LIMITS.tableRows);
});

test('a huge Markdown and a huge plain-text table are bounded too', () => {
  const md = ['| Code | Description |', '|---|---|', ...Array.from({ length: 3000 }, (_, i) => `| 4${String(i % 100).padStart(2, '0')} | Cause ${i}. |`)].join('\n');
  const txt = ['Status\tUsage', ...Array.from({ length: LIMITS.tableRows + 1000 }, (_, i) => `4${String(i % 100).padStart(2, '0')}: X\tCause ${i}.`)].join('\n');
  for (const [name, text] of [['huge.md', md], ['huge.txt', txt]] as const) {
    const t0 = Date.now();
    const r = importPage(Buffer.from(text), name, { api: 'demo' });
    assert.ok(Date.now() - t0 < BOUND_MS, `${name} took ${Date.now() - t0} ms`);
    assert.ok(r.found.rows.length > 0 && r.found.rows.length <= LIMITS.tableRows, `${name}: ${r.found.rows.length}`);
  }
});

test('broken HTML (unclosed tags, stray closers) still yields its rows', () => {
  const r = importPage(Buffer.from('<h2>Errors</h2><table><tr><td>404<td>NOPE_MISSING<td>Gone missing.</tr></td></td><tr><td>410<td>NOPE_GONE<td>Gone for good.<p></div></table'), 'broken.html', { api: 'demo' });
  assert.deepEqual(r.found.rows.map((x) => [x.status, x.code]), [[404, 'NOPE_MISSING'], [410, 'NOPE_GONE']]);
});

test('deeply nested HTML does not overflow the stack', () => {
  const depth = 20_000;
  const r = importPage(Buffer.from(`${'<div>'.repeat(depth)}<h2>404 Not Found</h2><p>Nothing here.</p>${'</div>'.repeat(depth)}`), 'deep.html', { api: 'demo' });
  assert.ok(Array.isArray(r.found.rows));
});

test('a page with no errors: a clear message and exit 1, nothing written', () => {
  const p = file('no-errors.md', '# Welcome\n\nThis page lists no errors at all.\n');
  const out = join(dir, 'no-errors.yaml');
  const r = cli([p, '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.err, /no error rows found on this markdown page/);
  assert.equal(existsSync(out), false);
});

test('binary junk, an empty file, an oversized file and a broken JSON payload are refused with a message', () => {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
  assert.match(cli([file('junk.bin', junk)]).err, /looks like binary data, not a captured page/);
  assert.match(cli([file('empty.html', '')]).err, /the file is empty/);
  assert.match(cli([file('broken.json', '{"html": "<h2>404</h2>", ')]).err, /not valid JSON/);
  assert.match(cli([file('nothing.json', '{"a": 1}')]).err, /holds no page/);
  assert.throws(() => importPage(Buffer.alloc(LIMITS.captureBytes + 1, 0x41), 'big.txt'), CaptureError);
  assert.match(cli([join(dir, 'missing.html')]).err, /cannot read \(ENOENT\)/);
  assert.equal(cli([]).code, 2);
  assert.match(cli([file('ok.md', '## 404 Not Found\n\nGone.\n'), '--api', 'Bad Name']).err, /--api 'Bad Name' must be a lower-case name/);
});

test('--out never replaces a file unless --force, and leaves no temporary file', () => {
  const page = file('one.md', '## 404 Not Found\n\nNothing here.\n');
  const out = join(dir, 'out', 'draft.yaml');
  assert.equal(cli([page, '--api', 'demo', '--out', out]).code, 0);
  const first = readFileSync(out, 'utf8');
  assert.match(first, /quote: Nothing here\./);
  writeFileSync(out, 'my own edits\n');
  const again = cli([page, '--api', 'demo', '--out', out]);
  assert.equal(again.code, 1);
  assert.match(again.err, /already exists; pass --force/);
  assert.equal(readFileSync(out, 'utf8'), 'my own edits\n');
  assert.equal(cli([page, '--api', 'demo', '--out', out, '--force']).code, 0);
  assert.equal(readFileSync(out, 'utf8'), first);
  assert.deepEqual(readdirSync(join(dir, 'out')), ['draft.yaml']);
});

test('without --out the draft goes to stdout and the summary, with what could not be placed, to stderr', () => {
  const page = file('mixed.txt', ['Errors', '', 'Most failures answer 400 (Bad Request).', '', 'Status\tUsage', '404: Not Found\tNo such thing.', ''].join('\n'));
  const r = cli([page, '--api', 'demo', '--url', 'https://example.com/errors']);
  assert.equal(r.code, 0);
  assert.match(r.out, /url: https:\/\/example\.com\/errors\n/);
  assert.match(r.out, /anchor: errors\n/);
  assert.match(r.err, /1 rows/);
  assert.match(r.err, /could not place: Most failures answer 400 \(Bad Request\)\./);
});
