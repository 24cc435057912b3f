/**
 * The report shows what each entry's recipe rests on: conformance.json carries the outcome basis
 * and every step's, the page shows it (an assumed recipe says what it assumes, openly), the page
 * data keeps it small for entries that conform, and Allure gets it as a label.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCatalog } from '../../src/load.js';
import { entryFacts, summarise } from '../../src/report/collect.js';
import { pageData } from '../../src/report/page-data.js';
import { allureLabels } from '../../src/report/allure-merge.js';
import { closingLines } from '../../src/report/reporter.js';
import { entryTags } from '../../src/runner/define.js';
import type { ConformanceReport } from '../../src/report/collect.js';
import { BASE } from '../catalog/fixture.js';

// The page's own modules (plain browser JavaScript, untyped): the row and the detail as the page renders them.
const page = (file: string): Promise<unknown> => import(new URL(`../../src/report/page/${file}`, import.meta.url).href);
const { renderDetail } = (await page('details.js')) as { renderDetail: (e: unknown) => string };
const { entryRow } = (await page('entries.js')) as { entryRow: (e: unknown, i: number) => string };

const HOSTILE_WHY = 'the <img src=x onerror=alert(1)> endpoint exists';
const text = BASE.replace('basis: { kind: inferred, why: "a path below a thing that does not exist" }', `basis: { kind: assumed, why: "${HOSTILE_WHY}" }`);
const { catalog } = parseCatalog(text, 'catalogs/demo.yaml');
const entry = catalog!.entries[0]!;

test('conformance.json carries the outcome basis, what it assumes, and every step\'s basis', () => {
  const facts = entryFacts(catalog!, entry, { id: entry.id, outcome: 'violation', violations: [] }, entryTags(entry));
  assert.equal(facts.basis?.kind, 'assumed');
  assert.deepEqual(facts.basis?.assumes, [HOSTILE_WHY]);
  assert.deepEqual(facts.basis?.steps.map((s) => [s.role, s.kind]), [['setup', 'documented'], ['request', 'assumed']]);
  assert.ok(facts.tags.includes('@assumed'));
  const unprovokable = catalog!.entries[1]!;
  assert.equal(entryFacts(catalog!, unprovokable, { id: unprovokable.id, outcome: 'unprovokable' }, []).basis, undefined, 'no recipe, no basis');
});

test('the page shows it: a badge on the row, the steps and the assumption in the detail, every string escaped', () => {
  const facts = entryFacts(catalog!, entry, { id: entry.id, outcome: 'violation', violations: [] }, []);
  const row = entryRow(facts, 0);
  assert.match(row, /<span class="basis b-assumed"[^>]*>assumed recipe<\/span>/);
  const detail = renderDetail(facts);
  assert.match(detail, /<details class="recipe-basis b-assumed" open><summary>What the recipe rests on: /);
  assert.ok(detail.includes('This recipe assumes the &#60;img src=x onerror=alert(1)&#62; endpoint exists; the deployment may simply lack it'), detail);
  assert.ok(!detail.includes('<img'), 'the catalog\'s text is escaped');
  assert.match(detail, /<li><span class="basis b-documented"[^>]*>documented<\/span> <span class="role">setup<\/span> <code>POST \/things<\/code>: POST \/things creates a thing<\/li>/);
  const documented = entryFacts(catalog!, { ...entry, recipes: [{ ...entry.recipes[0]!, basis: { kind: 'documented', why: 'docs' } }] }, { id: entry.id, outcome: 'conformant' }, []);
  assert.equal(documented.basis?.kind, 'documented');
  assert.ok(!entryRow(documented, 0).includes('class="basis'), 'a documented recipe needs no badge on its row');
  assert.match(renderDetail(documented), /Every step it rests on is documented/);
});

test('the page data keeps the outcome basis of every entry, the steps only where the entry needs reading', () => {
  const failing = entryFacts(catalog!, entry, { id: entry.id, outcome: 'violation', violations: [] }, []);
  const passing = { ...failing, id: 'demo/other', outcome: 'conformant' as const };
  const report = { entries: [failing, passing] } as unknown as ConformanceReport;
  const [a, b] = pageData(report).entries;
  assert.equal(a!.basis?.steps.length, 2);
  assert.deepEqual(b!.basis, { ...failing.basis!, steps: [] });
  assert.ok(!renderDetail(b).includes('<ol>'));
});

test('the run\'s closing lines name the failing entries that rest on an assumption, and only those', () => {
  const failing = entryFacts(catalog!, entry, { id: entry.id, outcome: 'error', reason: 'setup failed' }, []);
  const passing = { ...failing, id: 'demo/passing', outcome: 'conformant' as const };
  const documented = { ...failing, id: 'demo/documented', basis: { ...failing.basis!, kind: 'documented' as const } };
  const report = { summary: summarise([failing, passing, documented]), entries: [failing, passing, documented] } as unknown as ConformanceReport;
  const lines = closingLines(report, [], 'index.html');
  assert.deepEqual(lines.filter((l) => l.includes('assumption')), ['faultline: 1 of the failing entries rest on an assumption (the deployment may simply lack what the recipe assumes; --grep @assumed): demo/not-found']);
  assert.ok(!closingLines({ ...report, entries: [passing, documented] }, [], 'index.html').some((l) => l.includes('assumption')));
});

test('Allure gets the basis as a label of its own', () => {
  const labels = allureLabels({ title: 'demo/not-found', tags: entryTags(entry) });
  assert.deepEqual(labels.filter((l) => l.type === 'allure.label.basis'), [{ type: 'allure.label.basis', description: 'assumed' }]);
  assert.deepEqual(allureLabels({ title: 'x/y', tags: ['@api:x'] }).filter((l) => l.type === 'allure.label.basis'), []);
});
