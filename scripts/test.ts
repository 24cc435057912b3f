/**
 * `npm test`: every test file under test/ with node's test runner (files run in parallel
 * processes), spec output on stdout, and a closing line `N passed, N failed, N skipped` that CI
 * reads. Pass file paths or name fragments to run a subset: `npm test -- checks reference/cmix`.
 *
 * `npm run test:unit` (`--unit`) leaves out the files that start whole suite runs: scripts/test-files.ts says which.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testFiles } from './test-files.js';
import { setting } from '../src/settings.js';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const files = testFiles(root, args.filter((a) => a !== '--unit'), args.includes('--unit'));
if (files.length === 0) {
  process.stderr.write(`no test files match ${args.join(' ')}\n`);
  process.exit(2);
}
// A private folder per run, removed when it ends: the TAP file (so concurrent runs cannot mix
// their summaries) and the run's cache of parsed catalogs and compiled validators (so the tests
// neither read a stale cache nor leave one behind; the files fill it once and share it).
const scratch = mkdtempSync(join(tmpdir(), 'faultline-test-'));
const tap = join(scratch, 'results.tap');
const removeScratch = (): void => rmSync(scratch, { recursive: true, force: true });
const child = spawn(process.execPath, [
  '--import', 'tsx', '--test', `--test-concurrency=${setting('testConcurrency')}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FAULTLINE_CACHE_DIR: process.env.FAULTLINE_CACHE_DIR ?? join(scratch, 'cache') } });
// interrupted: stop the tests, then clean up on their exit below
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { child.kill(signal); });

child.on('exit', (code, signal) => {
  let text = '';
  try { text = readFileSync(tap, 'utf8'); } catch { /* interrupted before any result */ }
  removeScratch();
  // The last summary block is the run's total (node prints one at the very end).
  const count = (name: string): number => Number([...text.matchAll(new RegExp(`^# ${name} (\\d+)`, 'gm'))].pop()?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
});
