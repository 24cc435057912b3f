/**
 * The page examples: each one that is valid JSON validates against its entry's body schema
 * (one test per entry); each one that is not is listed as an invalid-example doc finding.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogs } from '../../src/load.js';
import { Validators } from '../../src/schema/compile.js';

const catalogs = loadCatalogs();
const validators = new Validators(catalogs);

for (const c of catalogs) {
  const invalidListed = new Set((c.docFindings ?? []).filter((f) => f.kind === 'invalid-example').flatMap((f) => f.entries ?? []));
  for (const e of c.entries.filter((x) => x.example !== undefined)) {
    test(`example of ${e.id}`, () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(e.example!);
      } catch (err) {
        assert.ok(invalidListed.has(e.id), `${e.id}: the example is not valid JSON (${(err as Error).message}) but no invalid-example doc finding names it`);
        return;
      }
      assert.ok(!invalidListed.has(e.id), `${e.id}: listed as an invalid example, but it parses`);
      const validate = validators.body(e.id);
      assert.ok(validate(parsed), `${e.id}: the page's example does not match the entry's body schema: ${JSON.stringify(validate.errors)}`);
    });
  }
}
