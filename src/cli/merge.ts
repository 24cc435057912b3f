/**
 * `faultline report merge <dir>` (`npm run report:merge -- <dir>`): `playwright merge-reports`
 * with merge.config.ts over the shards' blob zips, so a sharded run yields the reports an
 * unsharded one does. Playwright's merge exits 0 whatever the tests did; this command exits with
 * the verdict the conformance reporter decided, like an unsharded run, and fails when the merged
 * shards do not cover every entry (a shard's blob is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunScope } from '../report/collect.js';
import type { Verdict } from '../report/verdict.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  process.stderr.write(`report merge: ${dir ? `no such folder ${dir}` : 'name the folder that holds the blob report zips'}\n`);
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'faultline-merge-'));
const verdictFile = join(scratch, 'verdict.json');
/** The exit status: the merge's own failure, else the verdict (a merge that misses a shard fails). */
function verdictStatus(): number {
  const merged = spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'merge-reports', '--config', join(ROOT, 'merge.config.ts'), resolve(dir!)], {
    stdio: 'inherit', env: { ...process.env, FAULTLINE_VERDICT_FILE: verdictFile },
  });
  if (merged.status !== 0) return merged.status ?? 1;
  if (!existsSync(verdictFile)) {
    process.stderr.write('report merge: the conformance reporter recorded no verdict\n');
    return 1;
  }
  const v = JSON.parse(readFileSync(verdictFile, 'utf8')) as Verdict & { run: RunScope };
  if (v.run.scope !== 'complete') {
    process.stderr.write(`report merge: the shards cover ${v.run.selected} of ${v.run.total} entries (a shard is missing): the run fails\n`);
    return 1;
  }
  return v.result === 'passed' ? 0 : 1;
}

let status = 1;
try {
  status = verdictStatus();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
