/** Shared by the reference target's tests: one catalog parsed straight from its file. */
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../../src/catalog/load.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';

const ROOT = new URL('../../', import.meta.url).pathname;

export function loadCatalog(api: string): LoadedCatalog {
  const file = `catalogs/${api}.yaml`;
  const { catalog, issues } = parseCatalog(readFileSync(ROOT + file, 'utf8'), file);
  if (!catalog) throw new Error(`${file} invalid: ${JSON.stringify(issues)}`);
  return catalog;
}

export { fetchSender } from '../../src/target/fetch-sender.js';
