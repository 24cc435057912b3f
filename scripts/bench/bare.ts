/**
 * The baseline the runner is compared with: the same recipes sent from one process with Node's
 * fetch, each answer validated with the same compiled ajv schema. No Playwright, no reports.
 */
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { runRecipe } from '../../src/recipes/run.js';
import { Validators } from '../../src/schema/compile.js';
import { documentOf } from '../../src/target/exchange.js';
import { Redactor } from '../../src/target/redact.js';
import { fetchSender } from '../../test/support/fetch-sender.js';

/** Runs every provokable, non-destructive entry once; returns wall ms and how many conformed. */
export async function bareLoop(catalogs: LoadedCatalog[], env: Record<string, string | undefined>): Promise<{ ms: number; entries: number; valid: number }> {
  const validators = new Validators(catalogs);
  const redactor = new Redactor(env);
  const started = performance.now();
  let entries = 0;
  let valid = 0;
  let n = 0;
  for (const c of catalogs) {
    for (const e of c.entries) {
      if (!e.recipes.length) continue;
      const r = await runRecipe(c, e, fetchSender, { env, captures: {}, unique: `fl-bare-${(n++).toString(36)}` }, redactor);
      entries++;
      if (validators.get(e.id)(documentOf(r.exchange))) valid++;
    }
  }
  return { ms: performance.now() - started, entries, valid };
}
