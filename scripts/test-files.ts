/**
 * Which test files `npm test` runs, and which of them `npm run test:unit` leaves out: the files
 * that start whole Playwright suite runs in a child process (minutes each), recognised by their
 * use of test/support/run-suite.ts's `runSuite(...)`, the report helpers' `playwright([...])` or
 * the faultline command's `runFaultline([...])`.
 * The rule reads each file, so a new suite-running test is left out without a list to maintain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Whether a test file's source starts whole suite runs. */
export function runsSuites(source: string): boolean {
  return /\brunSuite\(|\bplaywright\(\[|\brunFaultline\(\[/.test(source);
}

/** `*.test.ts` under `root/test`, relative to root, sorted; filtered by name fragments and kind. */
export function testFiles(root: string, filters: string[], unitOnly: boolean): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p) : d.name.endsWith('.test.ts') ? [p] : [];
  });
  return walk(join(root, 'test')).map((f) => relative(root, f)).sort()
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .filter((f) => !unitOnly || !runsSuites(readFileSync(join(root, f), 'utf8')));
}
