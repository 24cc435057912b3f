/** Test identity: tags people select by, and the stable partition of entries over spec files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { chunksPerPart, entryTags, partsInUse, placeEntries } from '../../src/runner/define.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const entries = loadCatalogs().flatMap((c) => c.entries);
const byId = (id: string) => entries.find((e) => e.id === id)!;

test('tags carry api, every documented status, strength and kind', () => {
  assert.deepEqual(entryTags(byId('cmix/unauthorized')), ['@api:cmix', '@status:401', '@must', '@documented']);
  assert.deepEqual(entryTags(byId('cmix/server-error')), ['@api:cmix', '@status:5xx', '@must', '@unprovokable']);
  assert.ok(entryTags(byId('subscription/LIMIT_RATE_EXCEEDED')).includes('@destructive'));
  assert.ok(entryTags(byId('subscription/SUBSCRIPTION_FORBIDDEN')).includes('@stateful'));
  const multi = entries.find((e) => e.status.codes.length > 1)!;
  for (const s of multi.status.codes) assert.ok(entryTags(multi).includes(`@status:${s}`));
});

test('entries are placed over spec files and groups evenly, the same way in every process', () => {
  const ids = entries.map((e) => e.id);
  for (const [parts, chunks] of [[4, 1], [4, 2], [4, 3], [3, 5]] as const) {
    const placed = placeEntries(ids, parts, chunks);
    assert.deepEqual([...placeEntries([...ids].reverse(), parts, chunks)].sort(), [...placed].sort(), 'the order entries come in does not matter');
    assert.equal(placed.size, ids.length, 'every entry is placed once');
    const sizes = new Map<string, number>();
    for (const { part, chunk } of placed.values()) sizes.set(`${part}/${chunk}`, (sizes.get(`${part}/${chunk}`) ?? 0) + 1);
    const counts = [...sizes.values()];
    if (ids.length >= parts * chunks) assert.equal(sizes.size, parts * chunks, 'every group holds entries');
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${parts} files x ${chunks} groups: sizes ${counts.join(', ')}`);
  }
  // Every Playwright worker computes the placement for itself: another process, started with
  // another hash seed, must put every id in the same place.
  const here = [...placeEntries(ids, 4, 2)].sort();
  const child = spawnSync(process.execPath, ['--hash-seed=12345', '--random-seed=7', '--import', 'tsx', '-e', `
    import('./src/runner/define.ts').then(({ placeEntries }) => process.stdout.write(JSON.stringify([...placeEntries(JSON.parse(process.argv[1]), 4, 2)].sort())));
  `, JSON.stringify(ids)], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), JSON.parse(JSON.stringify(here)), 'same id, same place, in another process');
});

test('spec files in use follow the worker count, at most the files there are', () => {
  assert.equal(partsInUse(4, {}), 4);
  assert.equal(partsInUse(4, { FAULTLINE_PARTS: '2' }), 2);
  assert.equal(partsInUse(4, { FAULTLINE_PARTS: '16' }), 4);
  assert.equal(partsInUse(4, { FAULTLINE_PARTS: '0' }), 4);
});

test('groups per file follow the shard count the config hands to the workers', () => {
  assert.equal(chunksPerPart({}), 1);
  assert.equal(chunksPerPart({ FAULTLINE_SHARDS: '3' }), 3);
  assert.equal(chunksPerPart({ FAULTLINE_SHARDS: 'x' }), 1);
});
