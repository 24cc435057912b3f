/**
 * A sharded run (2 shards of the cmix project, blob reporter, one folder per shard) merged with
 * `playwright merge-reports --config merge.config.ts` yields the same conformance.json (entries,
 * outcomes, violations, summary) as an unsharded run, and `faultline report merge` exits with its verdict. The reference target answers two entries
 * wrongly, so the comparison covers violations, not only passes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEVIATIONS, essence, playwright, readReport, tempDir } from './support.js';
import { runFaultline } from '../support/faultline-cli.js';

const read = readReport;

test('two shards merged equal one unsharded run', { timeout: 180_000 }, () => {
  const root = tempDir('shard');
  const env = { REFERENCE_DEVIATIONS: DEVIATIONS, FAULTLINE_REPORTERS: 'minimal' };

  const whole = playwright(['test', '--project=cmix'], { ...env, FAULTLINE_REPORTS_DIR: join(root, 'whole') });
  assert.equal(whole.status, 1, `the unsharded run fails on the two violations:\n${whole.output}`);

  const blobs = join(root, 'blobs');
  mkdirSync(blobs);
  let shardEntries = 0;
  for (const i of [1, 2]) {
    const out = join(root, `blob-${i}`);
    const shard = playwright(['test', '--project=cmix', `--shard=${i}/2`, '--reporter=blob'], { ...env, FAULTLINE_REPORTS_DIR: join(root, `s${i}`), PLAYWRIGHT_BLOB_OUTPUT_DIR: out });
    assert.ok(shard.status === 0 || shard.status === 1, `shard ${i} ran:\n${shard.output}`);
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
    assert.equal(zips.length, 1, `shard ${i} wrote one blob`);
    copyFileSync(join(out, zips[0]!), join(blobs, zips[0]!));
    shardEntries += Number(/Running (\d+) tests?/.exec(shard.output)?.[1] ?? 0);
  }

  const merged = playwright(['merge-reports', '--config', 'merge.config.ts', blobs], { ...env, FAULTLINE_REPORTS_DIR: join(root, 'merged') });
  // merge-reports exits 0 even when the merged run has failed tests (Playwright 1.65); a reporter error would show here.
  assert.ok(!/Error in reporter|not a part of any test/.test(merged.output), merged.output);
  // `faultline report merge` exits with the verdict instead: the two violations fail it, and so
  // does a merge that covers only part of the catalogs (here one API of several).
  const cli = runFaultline(['report', 'merge', blobs], { ...env, FAULTLINE_REPORTS_DIR: join(root, 'cli') });
  assert.equal(cli.status, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /faultline: failed:\n.*2 MUST violations/);
  assert.equal(readReport(join(root, 'cli')).verdict?.result, 'failed');

  const a = read(join(root, 'whole'));
  const b = read(join(root, 'merged'));
  assert.equal(shardEntries, a.summary.entries, 'the shards split the entries without overlap');
  assert.equal(a.summary.violation, 2);
  assert.deepEqual(essence(b), essence(a));
  assert.deepEqual(Object.keys(b.target), Object.keys(a.target));
});
