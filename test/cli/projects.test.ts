/**
 * `--project=<api>` selects an API's entries by the catalog's `api`, whatever the catalog's file
 * is called: a user's `my-apis/cmix-errors.yaml` that defines `api: cmix` is project `cmix`.
 */
import assert from 'node:assert/strict';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { ROOT, tempDir } from '../report/support.js';
import { runFaultline } from '../support/faultline-cli.js';

test('one project per catalog api, not per file name', () => {
  const dir = tempDir('projects');
  try {
    cpSync(join(ROOT, 'catalogs'), dir, { recursive: true });
    const [first] = loadCatalogs(dir);
    const renamed = join(dir, `${first!.api}-errors.yaml`);
    renameSync(join(dir, `${first!.api}.yaml`), renamed);
    const run = runFaultline(['run', '--list', '--reporter=json', `--project=${first!.api}`], { FAULTLINE_CATALOGS: dir });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { config: { projects: { name: string }[] }; stats?: unknown; suites: { specs?: unknown[]; suites?: unknown[] }[] };
    const names = report.config.projects.map((p) => p.name).sort();
    assert.deepEqual(names, loadCatalogs(dir).map((c) => c.api).sort(), 'a project per api');
    let specs = 0;
    const walk = (s: { specs?: unknown[]; suites?: unknown[] }): void => { specs += s.specs?.length ?? 0; for (const c of (s.suites ?? []) as typeof s[]) walk(c); };
    report.suites.forEach(walk);
    assert.equal(specs, first!.entries.length, `--project=${first!.api} lists the renamed catalog's entries`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
