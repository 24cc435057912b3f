/**
 * The `faultline` command: one table of subcommands, a help text derived from that table and
 * from the one list of variables, everything else passed on to `playwright test`, a listing that
 * writes no report, and `--reporter` that keeps faultline's own reports.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { COMMANDS, findCommand, helpText, type Command } from '../../src/cli/faultline.js';
import { VARIABLES } from '../../src/cli/variables.js';
import { consoleReporters } from '../../src/report/reporters.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { ROOT, tempDir } from '../report/support.js';

const BIN = join(ROOT, 'bin', 'faultline.js');

/** The bin as a user starts it, from another folder, with a clean faultline environment. */
function faultline(args: string[], env: Record<string, string> = {}, cwd = ROOT): { status: number; stdout: string; stderr: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('FAULTLINE_') || k === 'CONFORMANCE_ENV' || k === 'REFERENCE_DEVIATIONS') delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('faultline --help', () => {
  test('lists every command of the table and every variable with its default', () => {
    const dir = tempDir('help');
    try {
      const r = faultline(['--help'], {}, dir);
      assert.equal(r.status, 0, r.stderr);
      for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name}\\s+${c.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'), c.name);
      for (const v of VARIABLES) assert.ok(r.stdout.includes(`${v.name} [${v.default}]`), v.name);
      assert.match(r.stdout, /--baseline FILE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('`run --help` adds Playwright\'s own test options', () => {
    const r = faultline(['run', '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /--baseline FILE/);
    assert.match(r.stdout, /Playwright test options/);
    assert.match(r.stdout, /--grep <grep>/);
  });

  test('a command is one entry of the table: it is found and listed', () => {
    const extra: Command = { name: 'import demo', summary: 'a demo importer', usage: 'import demo <file>', main: () => undefined };
    const commands = [...COMMANDS, extra];
    assert.equal(findCommand(['import', 'demo', 'x.yaml'], commands).command, extra);
    assert.deepEqual(findCommand(['import', 'demo', 'x.yaml'], commands).rest, ['x.yaml']);
    assert.equal(findCommand(['import'], commands).group, 'import');
    const help = helpText(commands);
    assert.match(help, /^ {2}import demo\s+a demo importer$/m);
    assert.match(help, /^faultline import demo <file>$/m);
  });

  test('words that name no command go to run, and from there to Playwright', () => {
    const found = findCommand(['--grep', '@status:401', '--workers=1']);
    assert.equal(found.command, undefined);
    assert.deepEqual(found.rest, ['--grep', '@status:401', '--workers=1']);
    assert.equal(findCommand(['report', 'merge', 'dir']).command?.name, 'report merge');
    assert.equal(findCommand(['run', '--list']).command?.name, 'run');
  });
});

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
      const listed = faultline(['--list'], { FAULTLINE_REPORTS_DIR: reports });
      assert.equal(listed.status, 0, listed.stdout + listed.stderr);
      assert.match(listed.stdout, new RegExp(`Total: ${total} tests?`));
      assert.equal(readFileSync(previous, 'utf8'), '{"the":"last complete report"}\n', 'the report is untouched');
      assert.ok(!existsSync(join(reports, 'conformance', 'index.html')), 'no page was written');

      const api = loadCatalogs()[0]!.api;
      const run = faultline(['run', '--reporter=line', '--grep', `@api:${api}(\\s|$)`], { FAULTLINE_REPORTS_DIR: reports, FAULTLINE_REPORTERS: 'minimal' });
      assert.match(run.stdout, /faultline: \d+ entries: /, 'the summary is printed under --reporter=line');
      assert.ok(existsSync(join(reports, 'conformance')), 'the conformance report folder exists');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
