/**
 * Allure: the labels define.ts emits as static annotations arrive in allure-results; the doc and
 * quote annotations (which allure-playwright turns into steps) become a link and a description in
 * `npm run report:allure`; the report is one HTML file with no tracking, and loads nothing but
 * itself in a loopback-only Chromium.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { citeDocs, type AllureResult } from '../../src/report/allure-links.js';
import { externalReferences, stripTracking } from '../../src/report/allure-offline.js';
import { launchChromium, loopbackContext } from '../support/chromium.js';
import type { ConformanceReport } from '../../src/report/collect.js';
import { DEVIATIONS, playwright, ROOT, tempDir, readReport } from './support.js';

interface Result extends AllureResult { name: string; status: string; labels: { name: string; value: string }[] }

describe('allure', { timeout: 180_000 }, () => {
  const dir = tempDir('allure');
  let results: Result[] = [];
  let report: ConformanceReport;

  before(() => {
    const run = playwright(['test', '--project=cmix'], { REFERENCE_DEVIATIONS: DEVIATIONS, FAULTLINE_REPORTS_DIR: dir });
    assert.equal(run.status, 1, run.output);
    // A violation prints its message, never a code frame of the harness.
    assert.match(run.output, /expect\(response\)\.toConform\(\) failed/);
    assert.ok(!/define\.ts|^\s+> \d+ \|/m.test(run.output), 'no harness code frame or location in the terminal');
    const rd = join(dir, 'allure-results');
    results = readdirSync(rd).filter((f) => f.endsWith('-result.json')).map((f) => JSON.parse(readFileSync(join(rd, f), 'utf8')) as Result);
    report = readReport(dir);
  });

  test('every entry has one result with epic = API, feature = status class, story = id, severity from strength', () => {
    assert.equal(results.length, report.entries.length);
    for (const e of report.entries) {
      const r = results.find((x) => x.name === e.id || x.name.startsWith(`${e.id} `));
      assert.ok(r, `a result for ${e.id}`);
      const label = (n: string): string[] => r.labels.filter((l) => l.name === n).map((l) => l.value);
      assert.deepEqual(label('epic'), [e.api], e.id);
      // The feature is the status class (`4xx`) the entry's documented statuses fall in.
      const [feature, ...more] = label('feature');
      assert.deepEqual(more, [], e.id);
      assert.match(feature ?? '', /^[1-5]xx$/, e.id);
      const documented = typeof e.status === 'string' ? [e.status] : ([] as number[]).concat(e.status).map(String);
      for (const s of documented) assert.equal(s[0], feature![0], `${e.id}: status ${s} lies in ${feature}`);
      assert.deepEqual(label('story'), [e.id], e.id);
      assert.deepEqual(label('severity'), [e.strength === 'must' ? 'critical' : 'normal'], e.id);
      const expected = e.outcome === 'violation' ? 'failed' : e.outcome === 'conformant' ? 'passed' : 'skipped';
      assert.equal(r.status, expected, e.id);
    }
  });

  test('the doc citation arrives as steps, and citeDocs makes it a link and a description', () => {
    const e = report.entries[0]!;
    const r = results.find((x) => x.name === e.id || x.name.startsWith(`${e.id} `))!;
    assert.deepEqual(r.links ?? [], [], 'static annotations give no link');
    const cited = citeDocs(r);
    assert.deepEqual(cited.links, [{ type: 'doc', name: 'documentation', url: e.doc.url }]);
    assert.ok(cited.description?.includes(e.doc.quote));
    assert.ok(!(cited.steps ?? []).some((s) => /^(doc|quote): /.test(s.name ?? '')));
    assert.deepEqual(citeDocs(cited), cited, 'idempotent');
  });

  test('npm run report:allure writes one offline HTML file', async () => {
    const out = join(dir, 'allure-report');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/allure.ts'], { cwd: ROOT, env: { ...process.env, FAULTLINE_REPORTS_DIR: dir }, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    assert.deepEqual(readdirSync(out).filter((f) => !f.endsWith('.json')), ['index.html'], 'single file (plus summary JSON)');
    assert.deepEqual(externalReferences(html), []);
    assert.ok(html.includes('faultline conformance'));

    const blocked: string[] = [];
    const browser = await launchChromium();
    try {
      const page = await (await loopbackContext(browser, blocked)).newPage();
      const loaded: string[] = [];
      page.on('request', (q) => loaded.push(q.url()));
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      await page.getByText('cmix/unauthorized 401 Unauthorized').first().waitFor({ timeout: 15_000 });
      assert.deepEqual(blocked, [], 'nothing tried to leave the machine');
      assert.ok(loaded.every((u) => u.startsWith('file:') || u.startsWith('data:')), loaded.join('\n'));
    } finally {
      await browser.close();
    }
  });

  test('stripTracking removes the Tag Manager loader and its inline call, and nothing else', () => {
    const page = '<body><p>x</p><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>\n<script>\n window.dataLayer = []; function gtag(){dataLayer.push(arguments);}\n gtag(\'js\', new Date());\n</script><script>window.keep = 1;</script></body>';
    const clean = stripTracking(page);
    assert.equal(clean, '<body><p>x</p>\n<script>window.keep = 1;</script></body>');
    assert.deepEqual(externalReferences(page).sort(), ['googletagmanager.com', 'gtag(', 'https://www.googletagmanager.com/gtag/js?id=G-1'].sort());
  });

  test('the installed allure is the v3 CLI, not allure-commandline', () => {
    assert.ok(existsSync(join(ROOT, 'node_modules', 'allure', 'cli.js')));
    assert.ok(!existsSync(join(ROOT, 'node_modules', 'allure-commandline')), 'never both: they share the `allure` bin');
  });
});
