/** Test identity: tags people select by, and the stable partition of entries over spec files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/catalog/load.js';
import { entryTags, partOf } from '../../src/runner/define.js';

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
  assert.deepEqual(parts, entries.map((e) => partOf(e.id, 4)), 'same id, same part, in every process');
  for (let p = 0; p < 4; p++) assert.ok(parts.filter((x) => x === p).length >= 10, `part ${p} holds ${parts.filter((x) => x === p).length} of ${entries.length}`);
});
