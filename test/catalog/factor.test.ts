/**
 * factorDefaults (src/catalog/factor.ts), what the importers write their catalogs with: what
 * every entry shares goes to `defaults:` and each entry keeps only what differs, and the catalog
 * still loads to exactly the same entries, for any catalog written out in full.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadCatalogs, parseCatalog } from '../../src/load.js';
import { factorDefaults } from '../../src/catalog/factor.js';
import type { CatalogFile, LoadedCatalog } from '../../src/catalog/types.js';
import { toCatalogFile } from '../../src/catalog/write.js';
import { readOpenApi } from '../../src/import/openapi/document.js';
import { importOpenApi } from '../../src/import/openapi/build.js';
import { BASE } from './fixture.js';

const loaded = (c: CatalogFile, file: string): unknown => {
  const r = parseCatalog(stringify(c, { lineWidth: 0, aliasDuplicateObjects: false }), file);
  assert.deepEqual(r.issues.map((i) => `${i.line}:${i.col} ${i.message}`), [], `${file} loads`);
  return JSON.parse(JSON.stringify(r.catalog!.entries.map(({ position: _p, ...e }) => e)));
};

test('every catalog written out in full and factored loads to the same entries, saying shared parts once', () => {
  const catalogs: LoadedCatalog[] = loadCatalogs();
  assert.ok(catalogs.length > 0);
  for (const c of catalogs) {
    const full = toCatalogFile(c);
    assert.equal(full.defaults, undefined, 'written out in full');
    const factored = factorDefaults(full);
    assert.deepEqual(loaded(factored, c.file), loaded(full, c.file), `${c.file}: the same entries`);
    assert.ok(factored.defaults?.strength, `${c.file}: the shared strength is a default`);
    const said = (x: CatalogFile): number => x.entries.filter((e) => e.strength !== undefined).length;
    assert.ok(said(factored) < said(full), `${c.file}: fewer entries say their strength`);
  }
});

test('the OpenAPI import writes its catalog with defaults, and it loads to the entries written in full', async () => {
  const doc = await readOpenApi(new URL('../fixtures/openapi/kennel.openapi.yaml', import.meta.url).pathname);
  const { catalog } = importOpenApi(doc, 'kennel');
  const factored = factorDefaults(catalog);
  assert.deepEqual(factored.defaults?.strength, 'must');
  assert.ok(factored.defaults?.contentType && factored.defaults.body, 'the shared media type and envelope');
  assert.ok(factored.entries.every((e) => e.strength === undefined || e.strength !== 'must'));
  assert.deepEqual(loaded(factored, 'catalogs/kennel.yaml'), loaded(catalog, 'catalogs/kennel.yaml'));
});

test('a part some entry would take wrongly stays with the entries', () => {
  const full = parseCatalog(BASE, 'catalogs/demo.yaml').catalog!;
  const c = toCatalogFile(full);
  // two json entries, one without a media type: no default media type (the other would inherit it)
  const twin = { ...c.entries[0]!, id: 'demo/twin', contentType: { type: 'application/json' } };
  const plain = { ...c.entries[0]!, id: 'demo/plain' };
  delete plain.contentType;
  const mixed = factorDefaults({ ...c, entries: [twin, { ...twin, id: 'demo/twin-2' }, plain] });
  assert.equal(mixed.defaults?.contentType, undefined);
  assert.deepEqual(mixed.entries[0]!.contentType, { type: 'application/json' });
  // a header rule that is not every entry's last one is not a default (the order of rules would change)
  const rule = (name: string): { name: string; basis: string } => ({ name, basis: 'the page' });
  const headed = factorDefaults({ ...c, entries: [{ ...twin, headers: [rule('A'), rule('B')] }, { ...twin, id: 'demo/t2', headers: [rule('B'), rule('A')] }] });
  assert.equal(headed.defaults?.headers, undefined);
  const same = factorDefaults({ ...c, entries: [{ ...twin, headers: [rule('A'), rule('B')] }, { ...twin, id: 'demo/t2', headers: [rule('B')] }] });
  assert.deepEqual(same.defaults?.headers, { '404': [rule('B')] });
  assert.deepEqual(same.entries.map((e) => e.headers), [[rule('A')], undefined]);
  assert.deepEqual(loaded(same, 'catalogs/demo.yaml'), loaded({ ...c, entries: [{ ...twin, headers: [rule('A'), rule('B')] }, { ...twin, id: 'demo/t2', headers: [rule('B')] }] }, 'catalogs/demo.yaml'));
});
