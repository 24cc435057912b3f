/**
 * Three synthetic nights in Debian's Chromium: the trend chart has one bar per night, overall and
 * per API, each bar's failing count equal to that night's data; an entry failing all three nights
 * says "failing since <first night> (3 runs)", one fixed tonight says "fixed on"; a partial run
 * says so and is no bar; and the page details (times, SHOULD badge, root cause first, a known
 * deviation's link and expiry, 800 px without overflow) hold. Screenshots go to a temporary
 * folder, or to FAULTLINE_SCREENSHOTS for a person to judge.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from '@playwright/test';
import type { ConformanceEntry, ConformanceReport } from '../../src/report/collect.js';
import { summarise } from '../../src/report/collect.js';
import { applyHistory, runOf } from '../../src/report/history.js';
import { renderHtml } from '../../src/report/html.js';
import { syntheticReport } from '../../scripts/bench/synthetic.js';
import { launchChromium, loopbackContext, openReport } from '../support/chromium.js';
import { tempDir } from './support.js';

const NIGHTS = ['2026-11-19T02:17:00.000Z', '2026-11-20T02:17:00.000Z', '2026-11-21T02:17:00.000Z'];

/** A night of the same 60 entries; `seed` varies the outcomes, `fix` overrides some. */
function night(i: number, fix: Record<string, ConformanceEntry['outcome']>): ConformanceReport {
  const r = syntheticReport({ entries: 60, apis: 3, seed: 11 + i });
  r.startedAt = NIGHTS[i]!;
  for (const e of r.entries) if (fix[e.id]) e.outcome = fix[e.id]!;
  r.summary = summarise(r.entries);
  for (const api of Object.keys(r.apis)) r.apis[api] = summarise(r.entries.filter((e) => e.api === api));
  r.run = { scope: 'complete', selected: r.entries.length, total: r.entries.length, finished: r.entries.length };
  return r;
}

/** api1/entry-0 fails every night; api2/entry-1 failed the first two nights and conforms tonight. */
function nights(): ConformanceReport[] {
  const a = night(0, { 'api1/entry-0': 'violation', 'api2/entry-1': 'error' });
  const b = night(1, { 'api1/entry-0': 'violation', 'api2/entry-1': 'violation' });
  const c = night(2, { 'api1/entry-0': 'violation', 'api2/entry-1': 'conformant' });
  applyHistory(c, [runOf(a), runOf(b)]);
  return [a, b, c];
}


describe('trends across nights in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let context: BrowserContext;
  const blocked: string[] = [];
  const dir = tempDir('trend');
  const shots = process.env.FAULTLINE_SCREENSHOTS ? resolve(process.env.FAULTLINE_SCREENSHOTS) : join(dir, 'screens');
  const all = nights();
  const tonight = all[2]!;
  const file = join(dir, 'index.html');

  before(async () => {
    // Page details that need a specific shape of data.
    const should = tonight.entries.find((e) => e.outcome === 'conformant' && e.api === 'api3')!;
    Object.assign(should, { outcome: 'should-violation', strength: 'must', observed: { status: 404, headers: {}, body: {} }, violations: [{ check: 'response_headers_conformance', entryId: should.id, pointer: '/headers/retry-after', expected: 'present', actual: null, message: 'Retry-After should be sent', strength: 'should' }] });
    const wrongType = tonight.entries.find((e) => e.outcome === 'violation' && e.id !== 'api1/entry-0')!;
    wrongType.violations = [
      { check: 'content_type_conformance', entryId: wrongType.id, pointer: '/headers/content-type', expected: '^application/problem\\+json\\s*(;.*)?$', actual: 'text/html', message: 'expected Content-Type application/problem+json, got text/html', strength: 'must' },
      { check: 'response_schema_conformance', entryId: wrongType.id, pointer: '/body', expected: 'a value of type object', actual: '<html>', message: 'body: must be object', strength: 'must' },
    ];
    const known = tonight.entries.find((e) => e.outcome === 'known-deviation')!;
    known.expectation = { reason: 'staging answers 400 for unknown ids', link: 'https://tracker.example.test/FL-9', expires: '2027-01-31' };
    tonight.summary = summarise(tonight.entries);
    for (const api of Object.keys(tonight.apis)) tonight.apis[api] = summarise(tonight.entries.filter((e) => e.api === api));
    tonight.trend![2] = { ...tonight.trend![2]!, summary: tonight.summary, apis: tonight.apis };
    writeFileSync(file, renderHtml(tonight));
    browser = await launchChromium();
    context = await loopbackContext(browser, blocked);
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('one bar per night, overall and per API, each as failing as that night', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    assert.equal(await page.locator('#trend').isVisible(), true);
    const bars = async (sel: string): Promise<number[]> => page.$$eval(`${sel} .t-run`, (gs) => gs.map((g) => Number(g.getAttribute('data-failing'))));
    const failing = (s: { violation: number; error: number } | undefined): number => (s?.violation ?? 0) + (s?.error ?? 0);
    assert.deepEqual(await bars('.t-all'), all.map((n) => failing(n.summary)));
    for (const api of Object.keys(tonight.apis)) assert.deepEqual(await bars(`.t-api[data-api="${api}"]`), all.map((n) => failing(n.apis[api])), api);
    assert.equal(await page.locator('.t-all .t-run.t-current').count(), 1, 'tonight is marked');
    // Every bar names its night and counts for a pointer and for a screen reader.
    const titles = await page.$$eval('.t-all .t-run title', (ts) => ts.map((t) => t.textContent));
    assert.equal(titles.length, 3);
    assert.ok(titles.every((t) => /\d+ violation/.test(t ?? '')), titles.join(' | '));
    // The bars are drawn: the tallest night's bar has height in the page.
    const box = await page.locator('.t-all svg').boundingBox();
    assert.ok(box && box.height > 60 && box.width > 300, JSON.stringify(box));
    await page.screenshot({ path: join(shots, 'three-nights-top.png'), fullPage: false });
    await page.close();
  });

  test('"failing since" the first night, and "fixed on" tonight', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const since = (id: string): Promise<string> => page.locator('#entries .entry', { has: page.locator(`code.id:text-is("${id}")`) }).locator('.since').textContent().then((t) => t ?? '');
    const date = (iso: string): Promise<string> => page.evaluate((x) => new Date(x).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }), iso);
    assert.equal(await since('api1/entry-0'), `failing since ${await date(NIGHTS[0]!)} (3 runs)`);
    await page.check('#filters input[value=conformant]');
    assert.equal(await since('api2/entry-1'), `fixed on ${await date(NIGHTS[2]!)}`);
    await page.close();
  });

  test('times are local and readable, not raw ISO', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const meta = (await page.locator('#meta').textContent())!;
    assert.ok(!meta.includes(tonight.startedAt), meta);
    assert.equal(await page.locator('#meta time').first().getAttribute('datetime'), tonight.startedAt);
    await page.close();
  });

  test('a SHOULD-only violation is counted apart, passes, and its row shows SHOULD in full', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const cell = page.locator('#summary tr.total td[data-outcome="should-violation"]');
    assert.equal(await cell.getAttribute('data-count'), String(tonight.summary.shouldViolation));
    const row = page.locator('#entries .entry.o-should-violation').first();
    const badge = row.locator('summary .strength');
    assert.equal((await badge.textContent())?.trim().toLowerCase(), 'should', 'the row shows the strength that was violated');
    const [b, r] = [await badge.boundingBox(), await row.boundingBox()];
    assert.ok(b && r && b.x + b.width <= r.x + r.width, `the badge ends inside its row: ${JSON.stringify({ b, r })}`);
    assert.ok(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the badge text is not cut');
    await page.close();
  });

  test('a wrong content type is the root cause; the body checks it breaks are shown under it', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const v = tonight.entries.find((e) => e.violations?.[0]?.check === 'content_type_conformance')!;
    await page.click(`#matrix .tile[data-idx="${tonight.entries.indexOf(v)}"]`);
    const table = page.locator(`#entry-${tonight.entries.indexOf(v)} table.checks`);
    assert.equal(await table.locator('tr.cause:not(.msg)').count(), 1, 'one root cause');
    assert.equal(await table.locator('tr.consequence:not(.msg)').count(), 1, 'the schema failure under it');
    assert.match((await table.locator('tr.follows').textContent())!, /because of this, 1 body check failed too/);
    const expected = (await table.locator('tr.cause:not(.msg) td').nth(3).textContent())!;
    assert.equal(expected, 'application/problem+json (parameters such as charset allowed)', 'the media type, not its escaped pattern');
    await page.screenshot({ path: join(shots, 'three-nights-root-cause.png') });
    await page.close();
  });

  test('a known deviation links its ticket and shows its expiry', async () => {
    const page = await context.newPage();
    await openReport(page, file);
    const k = tonight.entries.find((e) => e.expectation)!;
    await page.click(`#matrix .tile[data-idx="${tonight.entries.indexOf(k)}"]`);
    const reason = page.locator(`#entry-${tonight.entries.indexOf(k)} .expectation`);
    assert.equal(await reason.locator('a').getAttribute('href'), 'https://tracker.example.test/FL-9');
    assert.match((await reason.textContent())!, /expires/);
    assert.equal(await reason.locator('time').getAttribute('datetime'), '2027-01-31');
    await page.close();
  });

  test('at 800 px nothing overflows the page', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await openReport(page, file);
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    const table = await page.locator('#summary table').boundingBox();
    const wrap = await page.locator('#summary .table-wrap').boundingBox();
    assert.ok(table && wrap && wrap.x + wrap.width <= 800, JSON.stringify({ table, wrap }));
    await page.screenshot({ path: join(shots, 'three-nights-800px.png'), fullPage: false });
    await page.close();
  });

  test('a partial run says "n of m entries selected" and is no bar of the trend', async () => {
    const partial = syntheticReport({ entries: 20, apis: 1, seed: 5 });
    partial.startedAt = '2026-11-21T09:00:00.000Z';
    partial.run = { scope: 'partial', selected: 20, total: 60, finished: 20 };
    applyHistory(partial, all.map(runOf));
    const pfile = join(dir, 'partial.html');
    writeFileSync(pfile, renderHtml(partial));
    const page = await context.newPage();
    await openReport(page, pfile);
    assert.match((await page.locator('#scope').textContent())!, /Partial run: 20 of 60 entries selected/);
    assert.equal(await page.locator('.t-all .t-run').count(), 3, 'the three complete nights, not this run');
    assert.equal(await page.locator('.t-all .t-run.t-current').count(), 0);
    assert.deepEqual(blocked, [], 'no request left the machine');
    await page.close();
  });
});
