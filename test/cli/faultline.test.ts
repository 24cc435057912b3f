/**
 * The `faultline` command: one table of subcommands, a help text derived from that table and
 * from the one list of variables, everything else passed on to `playwright test`.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describe, test } from 'node:test';
import { COMMANDS, findCommand, helpText, type Command } from '../../src/cli/faultline.js';
import { VARIABLES } from '../../src/cli/variables.js';
import { tempDir } from '../report/support.js';
import { runFaultline } from '../support/faultline-cli.js';

/** Help texts only: fast, no suite run. */
const help = (args: string[], cwd?: string): ReturnType<typeof runFaultline> => runFaultline(args, {}, cwd);

describe('faultline --help', () => {
  test('lists every command of the table and every variable with its default', () => {
    const dir = tempDir('help');
    try {
      const r = help(['--help'], dir);
      assert.equal(r.status, 0, r.stderr);
      for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name}\\s+${c.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'), c.name);
      for (const v of VARIABLES) assert.ok(r.stdout.includes(`${v.name} [${v.default}]`), v.name);
      assert.match(r.stdout, /--baseline FILE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('`run --help` adds Playwright\'s own test options', () => {
    const r = help(['run', '--help']);
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
