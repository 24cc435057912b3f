/**
 * The documented status has one printed form, the loaded Status's (`404`, `409 | 412`, `5xx`):
 * conformance.json carries it as `statusText` beside the written form, and the page shows that
 * text rather than formatting the status itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCatalog } from '../../src/load.js';
import { entryFacts } from '../../src/report/collect.js';
import { BASE } from '../catalog/fixture.js';

const page = (file: string): Promise<unknown> => import(new URL(`../../src/report/page/${file}`, import.meta.url).href);
const { renderDetail } = (await page('details.js')) as { renderDetail: (e: unknown) => string };
const { entryRow } = (await page('entries.js')) as { entryRow: (e: unknown, i: number) => string };

test('conformance.json carries the status as written and as printed', () => {
  for (const [written, printed, json] of [['404', '404', 404], ['[409, 412]', '409 | 412', [409, 412]], ['5xx', '5xx', '5xx']] as const) {
    const { catalog } = parseCatalog(BASE.replace('status: 404', `status: ${written}`), 'catalogs/demo.yaml');
    const e = catalog!.entries[0]!;
    const facts = entryFacts(catalog!, e, { id: e.id, outcome: 'conformant' }, []);
    assert.equal(facts.statusText, printed);
    assert.equal(facts.statusText, String(e.status), 'the Status\'s own printed form');
    assert.deepEqual(JSON.parse(JSON.stringify(facts)).status, json, 'the written form stays beside it');
  }
});

test('the page shows the printed status it is given', () => {
  const { catalog } = parseCatalog(BASE.replace('status: 404', 'status: [409, 412]'), 'catalogs/demo.yaml');
  const e = catalog!.entries[0]!;
  const facts = { ...entryFacts(catalog!, e, { id: e.id, outcome: 'violation', violations: [] }, []), statusText: '409 or 412 (as printed)' };
  assert.match(entryRow(facts, 0), /<span class="st">409 or 412 \(as printed\)<\/span>/);
  assert.match(renderDetail(facts), /documented status <strong>409 or 412 \(as printed\)<\/strong>/);
});
