/**
 * Debian's Chromium (/usr/bin/chromium), locked to loopback: the resolver maps every host but
 * localhost to nothing, and a route aborts any request that is not file:// or loopback. Used by the
 * page benchmark and the browser self-test; the report itself never needs a browser.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { setting } from '../../src/settings.js';

export const CHROMIUM = setting('chromium');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set FAULTLINE_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A context whose pages can reach only file:// and loopback; `blocked` collects what was refused. */
export async function loopbackContext(browser: Browser, blocked: string[] = []): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'file:' || url.protocol === 'data:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (local) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return context;
}

/**
 * Opens a report file (with an optional `#hash`) and waits until its script marks the page ready.
 * The bound is generous: a loaded 2-core machine may take many seconds to lay out a large page.
 */
export async function openReport(page: Page, file: string, hash = ''): Promise<void> {
  await page.goto(pathToFileURL(file).href + hash);
  await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
}
