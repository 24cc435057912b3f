/**
 * Declares one Playwright test per catalog entry. Titles start with the entry id; tags carry
 * api, status, strength and kind; annotations carry the doc URL and quote. Optional partitioning
 * (`part` of `parts`) spreads a large catalog over several spec files, which Playwright runs
 * faster than one huge file.
 */
import type { Entry, LoadedCatalog } from '../catalog/types.js';
import { executeEntry } from './execute.js';
import { expect } from '@playwright/test';
import { test } from './fixtures.js';
import { failureMessage } from './message.js';
import { keepWorkerAfterVerdict } from './keep-worker.js';
import { RESULT_ANNOTATION, type EntryResult } from './result.js';
import { loadSuiteCatalogs } from './suite.js';
import { entryLine } from '../catalog/load.js';

export function entryTags(e: Entry): string[] {
  const statuses = typeof e.status === 'number' ? [String(e.status)] : Array.isArray(e.status) ? e.status.map(String) : [e.status];
  const api = e.id.slice(0, e.id.indexOf('/'));
  const tags = [`@api:${api}`, ...statuses.map((s) => `@status:${s}`), `@${e.strength}`];
  if (e.recipe?.setup?.length) tags.push('@stateful');
  if (e.destructive) tags.push('@destructive');
  if (e.unprovokable) tags.push('@unprovokable');
  return tags;
}

/** Stable partition of entries by id, so every worker sees the same tests in the same file. */
export function partOf(id: string, parts: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % parts;
}

/** Static annotations: the doc citation, and Allure labels (allure-playwright reads `allure.label.*`). */
export function entryAnnotations(c: LoadedCatalog, e: Entry, line?: number): { type: string; description: string }[] {
  const cls = typeof e.status === 'string' ? e.status : `${String(Array.isArray(e.status) ? e.status[0] : e.status)[0]}xx`;
  return [
    { type: 'doc', description: e.doc.url },
    { type: 'quote', description: e.doc.quote },
    // where the entry is defined: the test's own location is the shared loop in this file
    { type: 'catalog', description: line ? `${c.file}:${line}` : c.file },
    { type: 'allure.label.epic', description: c.api },
    { type: 'allure.label.feature', description: cls },
    { type: 'allure.label.story', description: e.id },
    { type: 'allure.label.severity', description: e.strength === 'must' ? 'critical' : 'normal' },
  ];
}

/**
 * A violation is an assertion failure (`expect(response).toConform()`: JUnit counts it as a
 * failure); a target or setup fault is an error. Either way the message says everything, and no
 * harness stack frame is shown.
 */
const conformance = expect.extend({
  toConform(result: EntryResult, entry: Entry) {
    const pass = result.outcome !== 'violation';
    return { pass, name: 'toConform', message: () => `expect(response).toConform() failed\n\n${failureMessage(entry, result)}` };
  },
});

function harnessError(message: string): Error {
  const err = new Error(message);
  err.stack = `Error: ${message}`;
  return err;
}

let counter = 0;

export function defineConformance(opts: { part?: number; parts?: number } = {}): void {
  const catalogs: LoadedCatalog[] = loadSuiteCatalogs();
  for (const c of catalogs) {
    for (const [index, e] of c.entries.entries()) {
      if (opts.parts && partOf(e.id, opts.parts) !== opts.part) continue;
      test(`${e.id} ${e.title}`, {
        tag: entryTags(e),
        annotation: entryAnnotations(c, e, entryLine(c, index)),
      }, async ({ faultline }, testInfo) => {
        await faultline.sender.reset?.();
        const unique = `fl-${testInfo.workerIndex}-${(counter++).toString(36)}-${Date.now().toString(36).slice(-5)}`;
        const result = await executeEntry(c, e, { ...faultline, unique });
        testInfo.annotations.push({ type: RESULT_ANNOTATION, description: JSON.stringify(result) });
        if (result.outcome === 'unprovokable' || result.outcome === 'not-configured') {
          testInfo.skip(true, `${result.outcome}: ${result.reason}`);
        }
        if (result.outcome === 'violation' || result.outcome === 'error') {
          if (result.reproduce) await testInfo.attach('reproduce.sh', { body: result.reproduce + '\n', contentType: 'text/plain' });
          if (result.observed) await testInfo.attach('response.json', { body: JSON.stringify(result.observed, null, 2), contentType: 'application/json' });
          const message = failureMessage(e, result);
          keepWorkerAfterVerdict(testInfo, message);
          if (result.outcome === 'violation') conformance(result).toConform(e);
          throw harnessError(message);
        }
      });
    }
  }
}
