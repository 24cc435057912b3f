/** `faultline import page` is one entry of the faultline command's table and runs the importer. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findCommand } from '../../../src/cli/faultline.js';

test('faultline import page <capture> prints a draft and exits 0', () => {
  assert.equal(findCommand(['import', 'page', 'x.md']).command?.name, 'import page');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-import-cmd-'));
  try {
    const page = join(dir, 'shop.md');
    writeFileSync(page, '## 404 Not Found\n\nNo such order.\n');
    const bin = new URL('../../../bin/faultline.js', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, 'import', 'page', page, '--api', 'shop'], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /id: shop\/404-not-found/);
    assert.match(r.stdout, /capture: shop\.md/);
    assert.match(r.stderr, /markdown page, 1 rows/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
