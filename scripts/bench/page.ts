/**
 * Page benchmark: size and render time of the conformance page for real runs and synthetic ones.
 *   npx tsx scripts/bench/page.ts [conformance.json ...]   (default: reports/conformance/conformance.json if present)
 * Prints a Markdown table. Browser columns come from Debian's Chromium (loopback only); they are
 * the page's own measurements: JSON.parse + first render of every section, time since navigation
 * when the page was ready, and one filter change including layout. Median of 3 loads.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { launchChromium, loopbackContext } from '../../test/support/chromium.js';
import type { ConformanceReport } from '../../src/report/collect.js';
import { renderHtml } from '../../src/report/html.js';
import { syntheticReport } from './synthetic.js';

interface Row { name: string; entries: number; jsonKB: number; pageKB: number; nodeMs: number; renderMs: number; readyMs: number; filterMs: number }

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(page: Page, file: string): Promise<{ renderMs: number; readyMs: number; filterMs: number }> {
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready]');
  // Runs in the page; the project's TS lib has no DOM, so the element types come from Playwright.
  return page.locator('html').evaluate((html) => {
    const doc = html.ownerDocument;
    const sel = doc.querySelector('#f-api');
    const start = performance.now();
    sel.value = sel.options[1]?.value ?? '';
    sel.dispatchEvent(new Event('change', { bubbles: true }));
    void doc.body.offsetHeight; // include the layout the filter causes
    return { renderMs: Number(html.dataset.renderMs), readyMs: Number(html.dataset.readyMs), filterMs: performance.now() - start };
  });
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (!files.length && existsSync('reports/conformance/conformance.json')) files.push('reports/conformance/conformance.json');
  const cases: [string, ConformanceReport][] = files.map((f) => [f, JSON.parse(readFileSync(f, 'utf8')) as ConformanceReport]);
  cases.push(['synthetic 1,000', syntheticReport({ entries: 1_000 })]);
  cases.push(['synthetic 10,000', syntheticReport({ entries: 10_000 })]);
  cases.push(['synthetic 10,000, all violations', syntheticReport({ entries: 10_000, outcome: 'violation' })]);
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    const context = await loopbackContext(browser);
    const page = await context.newPage();
    for (const [name, report] of cases) {
      const t0 = performance.now();
      const html = renderHtml(report);
      const nodeMs = performance.now() - t0;
      const file = join(dir, 'index.html');
      writeFileSync(file, html);
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await measure(page, file));
      rows.push({
        name, entries: report.entries.length, jsonKB: Buffer.byteLength(JSON.stringify(report, null, 2)) / 1024, pageKB: Buffer.byteLength(html) / 1024, nodeMs,
        renderMs: median(runs.map((r) => r.renderMs)), readyMs: median(runs.map((r) => r.readyMs)), filterMs: median(runs.map((r) => r.filterMs)),
      });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const f = (n: number): string => n.toFixed(n < 10 ? 1 : 0);
  console.log('| case | entries | conformance.json KB | page KB | renderHtml ms (node) | parse+render ms (browser) | ready since navigation ms | filter change ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.entries} | ${f(r.jsonKB)} | ${f(r.pageKB)} | ${f(r.nodeMs)} | ${f(r.renderMs)} | ${f(r.readyMs)} | ${f(r.filterMs)} |`);
}

await main();
