/**
 * The bench's synthetic catalogs are real catalogs: what scripts/bench/synth.ts writes passes the
 * same loader and quote lint as `npm run catalogs:check`, for whatever catalogs are installed,
 * and `distinct` gives every clone a contract of its own. Also the bench's reading of
 * Playwright's summary, which must not take a count from an error message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { lintQuotes } from '../../src/catalog/quote-lint.js';
import { Validators } from '../../src/schema/compile.js';
import { synthesize, writeCatalogs } from '../../scripts/bench/synth.js';
import { summaryCount } from '../../scripts/bench/measure.js';

process.env.FAULTLINE_NO_CACHE = '1'; // validate the written files, not a cached verdict
const tmp = mkdtempSync(join(tmpdir(), 'fl-synth-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const real = loadCatalogs();

for (const distinct of [false, true]) {
  test(`synthetic catalogs${distinct ? ' of distinct contracts' : ''} pass the catalog loader and the quote lint`, () => {
    const n = 3 * real.length + 7; // more clones than some catalogs have simple entries
    const dir = join(tmp, distinct ? 'distinct' : 'clones');
    writeCatalogs(dir, synthesize(real, n, { distinct }));
    const loaded = loadCatalogs(dir);
    const entries = loaded.flatMap((c) => c.entries);
    assert.equal(entries.length, n);
    assert.equal(new Set(entries.map((e) => e.id)).size, n, 'fresh ids, none repeated');
    assert.deepEqual(loaded.flatMap((c) => lintQuotes(c)), [], 'every quote still found on its page');
    // each clone asks for what its source asks for: the same body contract, its title the source's
    const sources = new Map(real.flatMap((c) => c.entries.map((e) => [e.id, e])));
    for (const e of entries) {
      const source = sources.get(e.id.replace(/-s\d{5}$/, ''))!;
      assert.ok(source, `${e.id} is a clone of a real entry`);
      assert.equal(e.title, `${source.title} (synthetic ${Number(e.id.slice(-5))})`);
      const { properties, ...contract } = e.body as Extract<typeof e.body, { kind: 'json' }>;
      const { properties: sourceProperties, ...sourceContract } = source.body as Extract<typeof e.body, { kind: 'json' }>;
      assert.deepEqual(contract, sourceContract, `${e.id}: the body contract of ${source.id}`);
      if (!distinct) assert.deepEqual(properties, sourceProperties, `${e.id}: the properties of ${source.id}`);
    }
    const validators = new Validators(loaded);
    for (const e of entries) validators.get(e.id);
    if (distinct) assert.equal(validators.compiled, n, 'one compiled contract per entry');
    else assert.ok(validators.compiled < n, `clones share contracts (${validators.compiled} for ${n})`);
  });
}

test('the bench reads counts from Playwright\'s summary, not from error messages above it', () => {
  const stdout = [
    '    Error: cmix/x: could not be checked: not tried: the last 4 requests to http://127.0.0.1:9/cmix failed in transport',
    '  70 failed',
    '    [conformance] › catalogs/cmix.yaml:3:1 › cmix › cmix/y',
    '  14 skipped',
    '  3 passed (2.1s)',
  ].join('\n');
  assert.equal(summaryCount(stdout, 'failed'), 70);
  assert.equal(summaryCount(stdout, 'skipped'), 14);
  assert.equal(summaryCount(stdout, 'passed'), 3);
  assert.equal(summaryCount(stdout, 'flaky'), 0);
});
