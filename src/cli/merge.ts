/**
 * `faultline report merge <dir>` (`npm run report:merge -- <dir>`): `playwright merge-reports`
 * with merge.config.ts over the shards' blob zips, so a sharded run yields the reports an
 * unsharded one does. Playwright's merge exits 0 whatever the tests did; this command then exits
 * with the verdict the conformance reporter recorded in conformance.json, like an unsharded run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  process.stderr.write(`report merge: ${dir ? `no such folder ${dir}` : 'name the folder that holds the blob report zips'}\n`);
  process.exit(2);
}
const reportsDir = process.env.FAULTLINE_REPORTS_DIR || 'reports';
const merged = spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'merge-reports', '--config', join(ROOT, 'merge.config.ts'), resolve(dir)], { stdio: 'inherit' });
if (merged.status !== 0) process.exit(merged.status ?? 1);
const file = resolve(reportsDir, 'conformance', 'conformance.json');
const report = JSON.parse(readFileSync(file, 'utf8')) as { summary: { violation: number; error: number } };
const s = report.summary;
if (s.violation + s.error > 0) {
  process.stderr.write(`report merge: ${s.violation} violation(s), ${s.error} error(s): the run fails\n`);
  process.exit(1);
}
