/**
 * The baseline the runner is compared with: the same recipes sent with Node's fetch, each answer
 * validated with the same compiled ajv schema. No Playwright, no reports.
 *
 * Two forms. `bareLoop` runs in the bench's own process, one request at a time, and times only
 * the loop (the old baseline, kept for its label in the table). Run as a command
 * (`node --import tsx scripts/bench/bare.ts <catalogs dir> <reference port> [in flight]`), it is
 * the baseline the scale rows divide by: a process of its own that loads the catalogs with the
 * same loader and caches faultline uses, builds the same validators, and keeps `in flight`
 * (default 16) requests open, timed by the bench from spawn to exit as faultline's run is. It
 * prints one JSON line: entries sent, how many conformed, and its own loop time.
 */
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { runRecipe } from '../../src/recipes/run.js';
import { Validators } from '../../src/schema/compile.js';
import { documentOf } from '../../src/target/exchange.js';
import { Redactor } from '../../src/target/redact.js';
import { fetchSender } from '../../test/support/fetch-sender.js';

/** Runs every provokable entry once with `inFlight` requests open; returns loop ms and how many conformed. */
export async function bareLoop(catalogs: LoadedCatalog[], env: Record<string, string | undefined>, inFlight = 1): Promise<{ ms: number; entries: number; valid: number }> {
  const validators = new Validators(catalogs);
  const redactor = new Redactor(env);
  const work = catalogs.flatMap((c) => c.entries.filter((e) => e.recipes.length).map((e) => ({ c, e })));
  const started = performance.now();
  let valid = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length) {
      const n = next++;
      const { c, e } = work[n]!;
      const r = await runRecipe(c, e, fetchSender, { env, captures: {}, unique: `fl-bare-${n.toString(36)}` }, redactor);
      if (validators.get(e.id)(documentOf(r.exchange))) valid++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, lane));
  return { ms: performance.now() - started, entries: work.length, valid };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [dir, port, inFlight = '16'] = process.argv.slice(2);
  if (!dir || !port) throw new Error('usage: bare.ts <catalogs dir> <reference port> [in flight]');
  const { loadCatalogs } = await import('../../src/load.js');
  const { loadEnv } = await import('../../src/env.js');
  const env = loadEnv({ REFERENCE_PORT: port }).vars;
  const r = await bareLoop(loadCatalogs(dir), env, Number(inFlight));
  process.stdout.write(JSON.stringify({ entries: r.entries, valid: r.valid, loopMs: Math.round(r.ms) }) + '\n');
}
