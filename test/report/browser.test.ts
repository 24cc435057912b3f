/**
 * The conformance page in a real browser (Debian's Chromium, loopback only): the counts shown
 * equal conformance.json, filters work and live in the URL hash, a violation's details open with
 * the requirement, expected vs actual and the reproduction, hostile text stays text, nothing
 * leaves the machine. Screenshots go to reports/screenshots/ for a person to judge the design.
 * Without Chromium this fails and says how to install it: it never skips.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { CHROMIUM, launchChromium, loopbackContext, openReport } from '../support/chromium.js';
import type { ConformanceReport, Summary } from '../../src/report/collect.js';
import { renderHtml } from '../../src/report/html.js';
import { setting } from '../../src/settings.js';
import { syntheticReport } from '../../scripts/bench/synthetic.js';
import { DEVIATIONS, playwright, readReport, tempDir } from './support.js';

// Screenshots for a person to judge the design: a temporary folder (removed), or FAULTLINE_SCREENSHOTS.
const SHOTS = process.env.FAULTLINE_SCREENSHOTS ? resolve(process.env.FAULTLINE_SCREENSHOTS) : tempDir('screens');
const COLUMNS: [string, keyof Summary][] = [
  ['entries', 'entries'], ['conformant', 'conformant'], ['violation', 'violation'], ['should-violation', 'shouldViolation'], ['unprovokable', 'unprovokable'], ['not-configured', 'notConfigured'],
  ['known-deviation', 'knownDeviation'], ['unexpected-pass', 'unexpectedPass'], ['error', 'error'],
];

/** A run with every outcome, hostile text everywhere, more entries than one list page, and a baseline. */
function fixture(): ConformanceReport {
  const r = syntheticReport({ entries: 450, apis: 3, hostile: true, seed: 7 });
  const failing = r.entries.filter((e) => e.outcome === 'violation').slice(0, 3).map((e) => e.id);
  const fixed = r.entries.filter((e) => e.outcome === 'conformant').slice(0, 2).map((e) => e.id);
  r.baseline = { file: 'previous/conformance.json', startedAt: '2026-11-20T02:00:00.000Z', newlyFailing: failing, newlyFixed: fixed };
  return r;
}


/** The summary table as shown: per row (API or '' for the total) and column, the visible number. */
async function shownCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.$$eval('#summary tbody tr', (rows) => Object.fromEntries(rows.map((tr) => [
    tr.getAttribute('data-api') ?? '',
    Object.fromEntries([...tr.querySelectorAll('td[data-outcome]')].map((td) => [td.getAttribute('data-outcome'), Number(td.textContent.trim())])),
  ])));
}

function expectedCounts(r: ConformanceReport): Record<string, Record<string, number>> {
  const row = (s: Summary): Record<string, number> => Object.fromEntries(COLUMNS.map(([col, key]) => [col, s[key]]));
  return { ...Object.fromEntries(Object.entries(r.apis).map(([api, s]) => [api, row(s)])), '': row(r.summary) };
}

describe('the conformance page in Chromium', { timeout: 180_000 }, () => {
  let browser: Browser;
  let context: BrowserContext;
  const blocked: string[] = [];
  const dir = tempDir('browser');
  const report = fixture();
  const file = join(dir, 'index.html');
  writeFileSync(file, renderHtml(report));

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is required for this test and missing at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
    browser = await launchChromium();
    context = await loopbackContext(browser, blocked);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    if (!process.env.FAULTLINE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
  });

  test('the counts shown equal conformance.json, per API and overall', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    assert.deepEqual(await shownCounts(page), expectedCounts(report));
    assert.equal(await page.locator('#matrix .tile').count(), report.entries.length, 'one matrix tile per entry');
    assert.equal(await page.locator('#f-count').getAttribute('data-shown'), String(report.entries.length));
    assert.equal(await page.locator('#entries .entry').count(), 200, 'the list shows one page of entries');
    await page.click('#more');
    assert.equal(await page.locator('#entries .entry').count(), 400);
    await page.screenshot({ path: join(SHOTS, 'synthetic-top.png') });
    await page.close();
  });

  test('newly failing and newly fixed entries come first', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const first = await page.$eval('main > section:not([hidden])', (s) => s.id);
    assert.equal(first, 'baseline');
    const ids = (sel: string): Promise<string[]> => page.$$eval(`${sel} .open-entry`, (bs) => bs.map((b) => b.getAttribute('data-id')));
    assert.deepEqual(await ids('#baseline .fail'), report.baseline!.newlyFailing);
    assert.deepEqual(await ids('#baseline .fixed'), report.baseline!.newlyFixed);
    await page.close();
  });

  test('filters by API, outcome and text, kept in the URL hash', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const visible = (): Promise<{ api: string; outcome: string; text: string }[]> => page.$$eval('#entries .entry', (ds) => ds.map((d) => (
      { api: d.closest('section').getAttribute('data-api'), outcome: d.className.replace(/.*\bo-(\S+).*/, '$1'), text: d.textContent }
    )));
    await page.selectOption('#f-api', 'api2');
    await page.check('#filters input[value=violation]');
    const want = report.entries.filter((e) => e.api === 'api2' && e.outcome === 'violation');
    let rows = await visible();
    assert.equal(rows.length, want.length);
    assert.ok(rows.every((r) => r.api === 'api2' && r.outcome === 'violation'));
    assert.equal(await page.locator('#matrix .tile:not([hidden])').count(), want.length, 'the matrix follows the filter');
    assert.match(page.url(), /#api=api2&outcome=violation$/);

    const target = want[0]!;
    await page.fill('#f-q', target.id + ' ');
    const n = report.entries.filter((e) => e.api === 'api2' && e.outcome === 'violation' && e.id.includes(target.id)).length;
    await page.locator(`#f-count[data-shown="${n}"]`).waitFor();
    rows = await visible();
    assert.ok(rows.length >= 1 && rows.every((r) => r.text.includes(target.id)));

    // A reload (or a shared link) restores the filter from the hash.
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    assert.equal(await page.inputValue('#f-api'), 'api2');
    assert.ok(await page.isChecked('#filters input[value=violation]'));
    assert.equal(await page.inputValue('#f-q'), target.id + ' ');
    assert.equal((await visible()).length, rows.length);

    await page.click('#f-reset');
    assert.equal(await page.locator('#f-count').getAttribute('data-shown'), String(report.entries.length));
    // A count in the summary is a filter too.
    await page.click('#summary tr[data-api=api3] td[data-outcome=known-deviation] button');
    rows = await visible();
    assert.equal(rows.length, report.apis.api3!.knownDeviation);
    assert.ok(rows.every((r) => r.api === 'api3' && r.outcome === 'known-deviation'));
    await page.close();
  });

  test('a violation opens with requirement, doc quote, expected vs actual and the reproduction', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const v = report.entries.find((e) => e.outcome === 'violation')!;
    await page.click(`#matrix .tile[data-idx="${report.entries.indexOf(v)}"]`);
    const row = page.locator(`#entry-${report.entries.indexOf(v)}`);
    assert.ok(await row.evaluate((d) => d.hasAttribute('open')));
    const checks = await row.locator('table.checks tbody tr:not(.msg)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    assert.deepEqual(checks, v.violations!.map((x) => [x.check, x.strength, x.pointer, JSON.stringify(x.expected, null, 2), JSON.stringify(x.actual, null, 2)]));
    assert.equal(await row.locator('.doc blockquote').textContent(), v.doc.quote);
    assert.equal(await row.locator('.repro code').textContent(), v.reproduce);
    // The doc URL here is hostile (quote and markup in it): it stays a link to exactly that URL.
    assert.equal(await row.locator('.doc a').getAttribute('href'), v.doc.url);
    await row.locator('.observed summary').click();
    await row.locator('.copy').click();
    await row.locator('.copy', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), v.reproduce);
    await page.screenshot({ path: join(SHOTS, 'synthetic-violation.png') });
    await page.close();
  });

  test('hostile text from catalogs and responses stays text; nothing leaves the machine', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await openReport(page, file);
    // Open every entry of the first page, so every detail renderer runs on hostile data.
    await page.$$eval('#entries .entry', (ds) => ds.forEach((d) => d.setAttribute('open', '')));
    await page.locator('#entries .entry[data-rendered]').nth(199).waitFor();
    await page.$$eval('#entries .observed', (ds) => ds.forEach((d) => d.setAttribute('open', '')));
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('img').count(), 0, 'no injected element');
    assert.equal(await page.locator('script').count(), 2, 'only the page\'s own scripts');
    assert.ok((await page.locator('h1').textContent())!.includes('</script><script>'), 'shown as text');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(blocked, [], 'no request left the machine');
    await page.close();
  });

  test('a real run\'s page (cmix with two deviations) shows its conformance.json', async () => {
    const out = tempDir('browser-run');
    const run = playwright(['test', '--project=cmix'], { REFERENCE_DEVIATIONS: DEVIATIONS, FAULTLINE_REPORTS_DIR: out, FAULTLINE_REPORTERS: 'minimal' });
    assert.equal(run.status, 1, run.output);
    const real = readReport(out);
    const page = await context.newPage();
    await openReport(page, join(out, 'conformance-partial', 'index.html'));
    assert.match((await page.locator('#scope').textContent())!, new RegExp(`Partial run: ${real.run!.selected} of ${real.run!.total} entries selected`));
    assert.deepEqual(await shownCounts(page), expectedCounts(real));
    assert.ok(real.summary.violation === 2 && real.summary.unprovokable >= 1);
    await page.screenshot({ path: join(SHOTS, 'cmix-top.png'), fullPage: true });
    const v = real.entries.find((e) => e.outcome === 'violation')!;
    await page.locator('#entries .entry.o-violation summary').first().click();
    const body = page.locator('#entries .entry[open] .detail');
    assert.ok((await body.textContent())!.includes(v.violations![0]!.check));
    await page.screenshot({ path: join(SHOTS, 'cmix-violation.png') });
    assert.deepEqual(blocked, []);
    await page.close();
  });
});
