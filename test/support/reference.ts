/** Shared by the reference target's tests: one catalog parsed straight from its file. */
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../../src/catalog/load.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { loadEnv } from '../../src/env.js';
import { startReference, type RunningReference } from '../../reference/server.js';

const ROOT = new URL('../../', import.meta.url).pathname;

export function loadCatalog(api: string): LoadedCatalog {
  const file = `catalogs/${api}.yaml`;
  const { catalog, issues } = parseCatalog(readFileSync(ROOT + file, 'utf8'), file);
  if (!catalog) throw new Error(`${file} invalid: ${JSON.stringify(issues)}`);
  return catalog;
}

export { fetchSender } from './fetch-sender.js';

/**
 * The reference target with one API mounted (so another module's fault cannot fail that API's
 * tests), its base URL, and the reference env as a run against it would see it.
 */
export async function startOne(catalog: LoadedCatalog, opts: { lagMs?: number } = {}): Promise<{ ref: RunningReference; base: string; env: Record<string, string | undefined> }> {
  const ref = await startReference({ port: 0, catalogs: [catalog], ...opts });
  return { ref, base: ref.baseUrls[catalog.baseUrlVar]!, env: loadEnv({ REFERENCE_PORT: String(ref.port) }).vars };
}
