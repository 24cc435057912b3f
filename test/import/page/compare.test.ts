/**
 * The importer against the hand-made catalogs, on their captured pages: at least 90% of the rows
 * with status, code and quote right, no invented rows, every automatic doc finding among the
 * ones the catalog records, and every draft valid for the catalog loader. Prints the table
 * (`npm run import:page:compare` prints it too, with every miss).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_CATALOG_DIR, loadCatalogs } from '../../../src/load.js';
import { captureOf, compareAll, formatTable, totals } from '../../../src/import/page/compare.js';
import { importPage } from '../../../src/import/page/index.js';

const scores = compareAll(DEFAULT_CATALOG_DIR);

test('the importer matches the hand-made catalogs on their captured pages', { skip: scores.length === 0 && 'no captured page at hand' }, () => {
  process.stdout.write(`${formatTable(scores)}\n`);
  const t = totals(scores);
  assert.ok(t.rows > 0);
  assert.ok(t.allRight / t.rows >= 0.9, `status, code and quote all right for ${t.allRight}/${t.rows} rows, below 90%:\n${t.misses.join('\n')}`);
  assert.equal(t.invented, 0, scores.flatMap((s) => s.misses.filter((m) => m.startsWith('invented'))).join('\n'));
  assert.equal(t.findingsAmongRecorded, t.autoFindings, scores.flatMap((s) => s.misses.filter((m) => m.startsWith('finding'))).join('\n'));
});

test('the draft of every captured page passes the catalog checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-import-page-'));
  try {
    let n = 0;
    for (const f of readdirSync(DEFAULT_CATALOG_DIR).filter((x) => x.endsWith('.yaml'))) {
      const hand = parse(readFileSync(join(DEFAULT_CATALOG_DIR, f), 'utf8')) as { api: string; page: { url?: string } };
      const capture = captureOf(hand, DEFAULT_CATALOG_DIR);
      if (!capture) continue;
      // A name of its own, so the drafts do not clash with each other's ids or with the shipped catalogs.
      const out = join(dir, `draft-${f}`);
      const r = importPage(readFileSync(capture), capture, { api: `draft-${hand.api}`, url: hand.page.url, out });
      writeFileSync(out, r.draft.yaml);
      n++;
    }
    if (n === 0) return;
    const loaded = loadCatalogs(dir);
    assert.equal(loaded.length, n);
    for (const c of loaded) for (const e of c.entries) assert.equal(e.unprovokable, 'draft: write a recipe', e.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
