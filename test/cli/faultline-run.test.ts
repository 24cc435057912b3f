/**
 * `faultline run` keeps the last report: a listing writes none, and `--reporter` names only the
 * console reporters, so faultline's own reports are still written.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { consoleReporters } from '../../src/report/reporters.js';
import { loadCatalogs } from '../../src/load.js';
import { tempDir } from '../report/support.js';
import { runFaultline, startFaultline } from '../support/faultline-cli.js';

describe('reports are kept', () => {
  test('--reporter names the console reporters; faultline\'s own reports stay', () => {
    assert.deepEqual(consoleReporters(undefined, false), [['list']]);
    assert.deepEqual(consoleReporters(undefined, true), [['dot']]);
    assert.deepEqual(consoleReporters('line', false), [['line']]);
    assert.deepEqual(consoleReporters('dot,blob', false), [['dot'], ['blob']]);
    assert.deepEqual(consoleReporters('html,junit', false), [['list']], 'reports faultline writes anyway are not added twice');
  });

  test('a listing writes no report and leaves the last one as it was; --reporter=line still writes the conformance report', () => {
    const reports = tempDir('list');
    try {
      const previous = join(reports, 'conformance', 'conformance.json');
      mkdirSync(join(reports, 'conformance'), { recursive: true });
      writeFileSync(previous, '{"the":"last complete report"}\n');
      const total = loadCatalogs().reduce((n, c) => n + c.entries.length, 0);
      const listed = runFaultline(['--list'], { FAULTLINE_REPORTS_DIR: reports });
      assert.equal(listed.status, 0, listed.stdout + listed.stderr);
      assert.match(listed.stdout, new RegExp(`Total: ${total} tests?`));
      assert.equal(readFileSync(previous, 'utf8'), '{"the":"last complete report"}\n', 'the report is untouched');
      assert.ok(!existsSync(join(reports, 'conformance', 'index.html')), 'no page was written');

      const api = loadCatalogs()[0]!.api;
      const run = runFaultline(['run', '--reporter=line', '--grep', `@api:${api}(\\s|$)`], { FAULTLINE_REPORTS_DIR: reports, FAULTLINE_REPORTERS: 'minimal' });
      assert.match(run.stdout, /faultline: \d+ entries: /, 'the summary is printed under --reporter=line');
      assert.ok(existsSync(join(reports, 'conformance')), 'the conformance report folder exists');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});

describe('the verdict of a run', () => {
  test('an env with a missing secret fails, naming the not-configured entries; the partial report sits beside the complete one', () => {
    const reports = tempDir('unconfigured');
    try {
      const catalog = loadCatalogs().find((c) => Object.keys(c.identities).length > 0)!;
      const identity = Object.values(catalog.identities)[0]!;
      const complete = join(reports, 'conformance', 'conformance.json');
      mkdirSync(join(reports, 'conformance'), { recursive: true });
      writeFileSync(complete, '{"the":"last complete report"}\n');
      const run = runFaultline(['run', '--grep', `@api:${catalog.api}(\\s|$)`], { FAULTLINE_REPORTS_DIR: reports, FAULTLINE_REPORTERS: 'minimal', [identity.env]: '' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /faultline: failed:\n.*not-configured entr(y|ies) \(not allowed by FAULTLINE_ALLOW_NOT_CONFIGURED/);
      assert.match(run.stdout, new RegExp(`partial run: \\d+ of ${loadCatalogs().reduce((n, c) => n + c.entries.length, 0)} entries selected`));
      assert.equal(readFileSync(complete, 'utf8'), '{"the":"last complete report"}\n', 'the complete report is untouched');
      const partial = JSON.parse(readFileSync(join(reports, 'conformance-partial', 'conformance.json'), 'utf8')) as { run: { scope: string; selected: number }; verdict: { result: string } };
      assert.equal(partial.run.scope, 'partial');
      assert.equal(partial.run.selected, catalog.entries.length);
      assert.equal(partial.verdict.result, 'failed');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});

describe('what people read per test', () => {
  test('--list shows each test under its API, located at its catalog entry, without a repeated slug', () => {
    const listed = runFaultline(['--list', '--reporter=list']);
    assert.equal(listed.status, 0, listed.stdout + listed.stderr);
    const lines = listed.stdout.split('\n').filter((l) => l.includes(' › '));
    const catalogs = loadCatalogs();
    assert.equal(lines.length, catalogs.reduce((n, c) => n + c.entries.length, 0));
    for (const c of catalogs) {
      for (const e of c.entries) {
        const line = lines.find((l) => l.includes(` › ${c.api} › ${e.id}`) && (l.endsWith(` › ${c.api} › ${e.id}`) || l.includes(` › ${c.api} › ${e.id} `)));
        assert.ok(line, `${e.id} is listed under ${c.api}`);
        assert.ok(line.includes(`${c.file}:${e.position.line}:`), `${e.id} is located at ${c.file}:${e.position.line}: ${line}`);
        const slug = e.id.slice(c.api.length + 1);
        assert.ok(!line.includes(`${e.id} ${slug}`), `no repeated slug: ${line}`);
      }
    }
    assert.ok(!listed.stdout.includes('define.ts'), 'no harness location');
  });
});

describe('an interrupted run', () => {
  test('SIGINT writes its partial results marked interrupted beside the last complete report, and exits 130', async () => {
    const reports = tempDir('interrupted');
    try {
      const complete = join(reports, 'conformance', 'conformance.json');
      mkdirSync(join(reports, 'conformance'), { recursive: true });
      writeFileSync(complete, '{"the":"last complete report"}\n');
      const child = startFaultline(['run', '--reporter=list', '--workers=1'], { FAULTLINE_REPORTS_DIR: reports, FAULTLINE_REPORTERS: 'minimal' });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Interrupt once a few entries have finished.
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no test finished: ${out}`)), 120_000);
        child.stdout!.on('data', () => { if ((out.match(/✓|✘|-  /g) ?? []).length >= 3) { clearTimeout(timer); done(); } });
      });
      child.kill('SIGINT');
      const code = await exited;
      assert.equal(code, 130, out);
      assert.equal(readFileSync(complete, 'utf8'), '{"the":"last complete report"}\n', 'the complete report is untouched');
      const r = JSON.parse(readFileSync(join(reports, 'conformance-interrupted', 'conformance.json'), 'utf8')) as { run: { scope: string; finished: number; selected: number }; verdict: { result: string } };
      assert.equal(r.run.scope, 'interrupted');
      assert.ok(r.run.finished < r.run.selected, JSON.stringify(r.run));
      assert.equal(r.verdict.result, 'interrupted');
      assert.match(readFileSync(join(reports, 'conformance-interrupted', 'index.html'), 'utf8'), /<title>faultline conformance: reference \(interrupted\)<\/title>/);
      assert.match(out, /faultline: interrupted: \d+ of \d+ selected entries finished/);
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
