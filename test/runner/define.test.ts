/** Test identity: tags people select by, and the stable partition of entries over spec files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/catalog/load.js';
import { entryTags, partOf } from '../../src/runner/define.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const entries = loadCatalogs().flatMap((c) => c.entries);
const byId = (id: string) => entries.find((e) => e.id === id)!;

test('tags carry api, every documented status, strength and kind', () => {
  assert.deepEqual(entryTags(byId('cmix/unauthorized')), ['@api:cmix', '@status:401', '@must']);
  assert.deepEqual(entryTags(byId('cmix/server-error')), ['@api:cmix', '@status:5xx', '@must', '@unprovokable']);
  assert.ok(entryTags(byId('subscription/LIMIT_RATE_EXCEEDED')).includes('@destructive'));
  assert.ok(entryTags(byId('subscription/SUBSCRIPTION_FORBIDDEN')).includes('@stateful'));
  const multi = entries.find((e) => Array.isArray(e.status))!;
  for (const s of multi.status as number[]) assert.ok(entryTags(multi).includes(`@status:${s}`));
});

test('the partition over spec files is stable and uses every part', () => {
  const parts = entries.map((e) => partOf(e.id, 4));
  // Every Playwright worker computes the partition for itself: another process, started with
  // another hash seed, must put every id in the same part.
  const child = spawnSync(process.execPath, ['--hash-seed=12345', '--random-seed=7', '--import', 'tsx', '-e', `
    import('./src/runner/define.ts').then(({ partOf }) => process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map((id) => partOf(id, 4)))));
  `, JSON.stringify(entries.map((e) => e.id))], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), parts, 'same id, same part, in another process');
  for (let p = 0; p < 4; p++) assert.ok(parts.filter((x) => x === p).length >= entries.length / 8, `part ${p} holds ${parts.filter((x) => x === p).length} of ${entries.length}`);
});
