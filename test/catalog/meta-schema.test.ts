/** The meta-schema explains the format to editors: every field has a description, catalogs point at it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_CATALOG_DIR, loadCatalogs } from '../../src/load.js';
import { META_SCHEMA_PATH } from '../../src/catalog/meta.js';

type Node = { [k: string]: unknown };

test('every field and definition of catalog.schema.json has a description', () => {
  const schema = JSON.parse(readFileSync(META_SCHEMA_PATH, 'utf8')) as Node;
  const missing: string[] = [];
  // Walk schema positions only (a field may itself be named `properties`); `if` conditions and
  // the `kind: true` re-allowances of conditional branches describe nothing new.
  const schemaAt = (node: unknown, at: string, described: boolean): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (described && typeof n.description !== 'string') missing.push(at);
    for (const key of ['properties', '$defs'] as const) {
      for (const [name, sub] of Object.entries((n[key] as Node | undefined) ?? {})) schemaAt(sub, `${at}/${key}/${name}`, sub !== true);
    }
    for (const key of ['items', 'additionalProperties', 'then', 'else', 'not', 'propertyNames'] as const) schemaAt(n[key], `${at}/${key}`, false);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) ((n[key] as unknown[] | undefined) ?? []).forEach((s, i) => schemaAt(s, `${at}/${key}/${i}`, false));
  };
  schemaAt(schema, '#', true);
  assert.deepEqual(missing, []);
});

test('every catalog points editors at the meta-schema', () => {
  for (const c of loadCatalogs()) {
    const first = readFileSync(c.file, 'utf8').split('\n')[0];
    assert.equal(first, '# yaml-language-server: $schema=./catalog.schema.json', `${c.file} (catalogs in ${DEFAULT_CATALOG_DIR})`);
  }
});
