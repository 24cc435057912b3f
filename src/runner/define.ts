/**
 * Declares one Playwright test per catalog entry. Titles start with the entry id; tags carry
 * api, status, strength and kind; annotations carry the doc URL and quote. Optional partitioning
 * (`part` of `parts`) spreads a large catalog over several spec files, which Playwright runs
 * faster than one huge file.
 */
import type { Entry, LoadedCatalog } from '../catalog/types.js';
import { executeEntry } from './execute.js';
import { expect, type TestInfo } from '@playwright/test';
import { test, type WorkerState } from './fixtures.js';
import { failureMessage } from './message.js';
import { keepWorkerAfterVerdict } from './keep-worker.js';
import { RESULT_ANNOTATION, type EntryResult } from './result.js';
import { loadSuiteCatalogs } from './suite.js';
import { resolve } from 'node:path';
import { loadEnv } from '../env.js';
import { callAt } from './located.js';
import { entryBasis } from '../catalog/basis.js';
import { entryTitle } from './title.js';

export function entryTags(e: Entry): string[] {
  const tags = [`@api:${e.api}`, ...e.status.labels.map((s) => `@status:${s}`), `@${e.strength}`];
  if (e.recipes.some((r) => r.setup?.length)) tags.push('@stateful');
  if (e.destructive) tags.push('@destructive');
  if (e.unprovokable) tags.push('@unprovokable');
  // what the outcome rests on, the weakest of its steps: `--grep @assumed` selects the entries a guess decides
  const basis = entryBasis(e);
  if (basis) tags.push(`@${basis.kind}`);
  return tags;
}

/**
 * Where each entry is defined: entries sorted by id are dealt round-robin over the `parts` spec
 * files, and within a file over `chunks` test groups. Every process computes the same placement
 * from the same catalogs; files and groups differ in size by at most one entry, so shards (which
 * Playwright cuts at group boundaries) get entries within one group of each other.
 */
export function placeEntries(ids: string[], parts: number, chunks = 1): Map<string, { part: number; chunk: number }> {
  const out = new Map<string, { part: number; chunk: number }>();
  [...ids].sort().forEach((id, i) => out.set(id, { part: i % parts, chunk: Math.floor(i / parts) % chunks }));
  return out;
}

/**
 * Spec files in use: as many as the run has workers (FAULTLINE_PARTS, set by the config), at most
 * the files there are. One file is one test group, and Playwright retires a worker at the end of
 * a group that had failures, so one group per worker means a red run starts no more workers than
 * a green one; the other files stay empty.
 */
export function partsInUse(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.FAULTLINE_PARTS ?? files);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, files) : files;
}

/** Test groups per spec file: one, or as many as the run has shards (FAULTLINE_SHARDS, set by the config). */
export function chunksPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.FAULTLINE_SHARDS ?? 1);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/**
 * Static annotations, the ones people read: the doc citation and where the entry is defined.
 * Allure's labels come from the tags (src/report/allure-merge.ts).
 */
export function entryAnnotations(c: LoadedCatalog, e: Entry, line?: number): { type: string; description: string }[] {
  return [
    { type: 'doc', description: e.doc.url },
    { type: 'quote', description: e.doc.quote },
    // where the entry is defined: the test's own location is the shared loop in this file
    { type: 'catalog', description: line ? `${c.file}:${line}` : c.file },
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

function withoutStack(err: unknown): unknown {
  if (err instanceof Error) err.stack = `${err.name}: ${err.message}`;
  return err;
}

function harnessError(message: string): Error {
  const err = new Error(message);
  err.stack = `Error: ${message}`;
  return err;
}

/** FAULTLINE_STRICT (`--strict`): SHOULD-only violations fail their test and the run too. */
const STRICT = ['true', '1'].includes(loadEnv().vars.FAULTLINE_STRICT ?? '');

export function defineConformance(opts: { part?: number; parts?: number } = {}): void {
  const catalogs: LoadedCatalog[] = loadSuiteCatalogs();
  const chunks = chunksPerPart();
  const placed = placeEntries(catalogs.flatMap((c) => c.entries.map((e) => e.id)), partsInUse(opts.parts ?? 1), chunks);
  const mine = (e: Entry, chunk: number): boolean => {
    const p = placed.get(e.id)!;
    return (opts.parts === undefined || p.part === (opts.part ?? 0)) && p.chunk === chunk;
  };
  if (chunks === 1) { defineEntries(catalogs, (e) => mine(e, 0)); return; }
  // Sharded: Playwright makes one test group of each serial (`default` mode) suite inside a
  // parallel file. The suites have no title, so test titles and reports stay as they are.
  test.describe.configure({ mode: 'parallel' });
  for (let chunk = 0; chunk < chunks; chunk++) {
    test.describe(() => {
      test.describe.configure({ mode: 'default' });
      defineEntries(catalogs, (e) => mine(e, chunk));
    });
  }
}

export { entryTitle } from './title.js';

function defineEntries(catalogs: LoadedCatalog[], include: (e: Entry) => boolean): void {
  for (const c of catalogs) {
    const lines = c.entries.map((e) => e.position.line);
    const file = resolve(c.file);
    const entries = [...c.entries.entries()].filter(([, e]) => include(e));
    if (!entries.length) continue;
    // Grouped per API in every report; each test located at its catalog entry (src/runner/located.ts).
    test.describe(c.api, () => {
      for (const [index, e] of entries) declare(c, e, lines[index], (title, details, body) => callAt(file, lines, lines[index] || 1, test, title, details, body));
    });
  }
}

/**
 * Declares the entry's test through `at`, which makes the `test(...)` call from the catalog entry's line.
 * The test function itself is one line: Playwright reads the source text of every test function
 * to find the fixtures it asks for, once per test, so the work lives in `runEntryTest`.
 */
function declare(c: LoadedCatalog, e: Entry, line: number | undefined, at: (...args: Parameters<typeof test>) => void): void {
  at(entryTitle(e), {
    tag: entryTags(e),
    annotation: entryAnnotations(c, e, line),
  }, ({ faultline }, testInfo) => runEntryTest(c, e, faultline, testInfo));
}

/** One entry's test: provoke, judge, attach, and pass or fail with the verdict. */
async function runEntryTest(c: LoadedCatalog, e: Entry, faultline: WorkerState, testInfo: TestInfo): Promise<void> {
  // sent ahead by the worker's pipeline (src/runner/pipeline.ts), or sent now
  const ahead = await faultline.pipeline?.take(testInfo.testId, testInfo.retry);
  let executed = ahead?.result;
  if (!executed) {
    await faultline.sender.reset?.();
    executed = await executeEntry(c, e, { ...faultline, unique: faultline.unique() });
  }
  const leftNothingBehind = ahead ? ahead.leftNothingBehind : faultline.leftNothingBehind();
  const { attachments, ...result } = executed;
  testInfo.annotations.push({ type: RESULT_ANNOTATION, description: JSON.stringify(result) });
  if (result.outcome === 'unprovokable' || result.outcome === 'not-configured') {
    testInfo.skip(true, `${result.outcome}: ${result.reason}`);
  }
  if (result.outcome === 'violation' || result.outcome === 'error') {
    if (result.reproduce) await testInfo.attach('reproduce.sh', { body: result.reproduce + '\n', contentType: 'text/plain' });
    if (result.observed) await testInfo.attach('response.json', { body: JSON.stringify(result.observed, null, 2), contentType: 'application/json' });
    for (const a of attachments ?? []) await testInfo.attach(a.name, { body: a.body, contentType: a.contentType });
    const message = failureMessage(e, result);
    // A violation of SHOULD requirements only is reported but passes, unless --strict.
    if (result.outcome === 'violation' && !STRICT && !result.violations?.some((v) => v.strength === 'must')) {
      testInfo.annotations.push({ type: 'should-violation', description: message });
      return;
    }
    if (leftNothingBehind) keepWorkerAfterVerdict(testInfo, message);
    if (result.outcome === 'violation') {
      // The matcher's error carries this file's stack, which Playwright would print as a code
      // frame of the harness under every violation: the message alone says everything.
      try { conformance(result).toConform(e); } catch (err) { throw withoutStack(err); }
    }
    throw harnessError(message);
  }
}
