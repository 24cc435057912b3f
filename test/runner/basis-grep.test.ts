/** `--grep @assumed` selects exactly the entries whose outcome rests on an assumed step, for whatever catalogs are loaded. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryBasis } from '../../src/catalog/basis.js';
import { loadCatalogs } from '../../src/load.js';
import { runFaultline } from '../support/faultline-cli.js';

test('faultline run --list --grep @assumed lists the assumed entries and only them', { timeout: 120_000 }, () => {
  const want = loadCatalogs().flatMap((c) => c.entries).filter((e) => entryBasis(e)?.kind === 'assumed').map((e) => e.id).sort();
  const r = runFaultline(['run', '--list', '--grep', '@assumed']);
  const listed = [...r.stdout.matchAll(/› \S+ › ([^\s/]+\/\S+)/g)].map((m) => m[1]!).sort();
  if (want.length === 0) { assert.match(r.stdout + r.stderr, /No tests found|Total: 0 tests/); return; }
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(listed, want);
});
