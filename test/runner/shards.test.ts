/**
 * Even shards: `--shard=i/n` gives every shard entries within 10% of each other (Playwright cuts
 * shards at test-group boundaries; a sharded run makes one group per shard in each spec file),
 * and the tests keep their titles: together the shards list exactly the unsharded run's tests.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const reports = mkdtempSync(join(tmpdir(), 'fl-shards-'));
after(() => rmSync(reports, { recursive: true, force: true }));

async function list(args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--list', ...args], {
    cwd: ROOT, env: { ...process.env, CI: '1', FAULTLINE_REPORTS_DIR: reports, FAULTLINE_REPORTERS: 'minimal' }, maxBuffer: 64 * 1024 * 1024,
  });
  // "  [project] › file:line:col › title": the title after the location
  return stdout.split('\n').filter((l) => l.startsWith('  [')).map((l) => l.replace(/^.*?:\d+:\d+ › /, ''));
}

test('shards get entries within 10% of each other, and the same tests as an unsharded run', { timeout: 120_000 }, async () => {
  const all = await list([]);
  assert.ok(all.length > 0);
  for (const n of [2, 3]) {
    const shards = await Promise.all(Array.from({ length: n }, (_, i) => list([`--shard=${i + 1}/${n}`])));
    const sizes = shards.map((s) => s.length);
    assert.ok(Math.max(...sizes) <= Math.min(...sizes) * 1.1 + 1, `${n} shards: ${sizes.join(' / ')} entries`);
    assert.deepEqual(shards.flat().sort(), [...all].sort(), `${n} shards together run every test once, titles unchanged`);
  }
});
