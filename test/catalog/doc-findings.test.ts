/**
 * The shipped catalogs' doc findings say what their captured pages say: a finding that counts
 * something on a page counts it as the capture does, and the page defects the audit of the five
 * pages found are recorded with a quote (which `catalogs:check` finds verbatim on the page).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { readPage } from '../../src/catalog/page-text.js';

const catalogs = loadCatalogs();
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

test('a finding that counts "its N examples" counts the example blocks its captured page prints', () => {
  let counted = 0;
  for (const c of catalogs) {
    const page = readPage(readFileSync(resolve(dirname(c.file), c.page.capture), 'utf8'), c.page.capture);
    for (const f of c.docFindings ?? []) {
      const m = /\bits (\w+) examples\b/.exec(f.text);
      if (!m) continue;
      counted++;
      // printed blocks, not inline code spans (`code`, `status`), which the page reader also keeps
      const blocks = page.examples.filter((x) => x.trim().includes('\n')).length;
      assert.equal(NUMBERS.indexOf(m[1]!.toLowerCase()), blocks, `${f.id} says ${m[1]} examples; ${c.page.capture} prints ${blocks}`);
    }
  }
  assert.ok(counted > 0, 'no finding counts examples any more: this test has nothing to check');
});

test('the page defects the audit found are recorded, each with its quote', () => {
  const found = new Map(catalogs.flatMap((c) => (c.docFindings ?? []).map((f) => [f.id, f] as const)));
  const audited = [
    'subscription/sort-one-field', 'subscription/status-rows-overlap', 'subscription/manual-extract-endpoint',
    'subscription/quota-scope-unstated', 'subscription/size-range-no-parameter', 'subscription/heading-covers-every-endpoint',
    'subscription/param-vs-paramName', 'cmix/400-422-overlap', 'cmix/405-reason-phrase', 'cmix/there-provided-input',
    'awork/post-200-created', 'awork/field-names-capitalised', 'cloudpirates/404-row-prefix',
  ];
  for (const id of audited) {
    const f = found.get(id);
    assert.ok(f, `doc finding ${id} is missing`);
    assert.ok(f.quote && f.quote.length > 0, `${id} has no quote`);
  }
});
