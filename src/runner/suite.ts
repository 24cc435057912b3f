/** Which catalogs the suite runs: `catalogs/` or the folder named by FAULTLINE_CATALOGS. */
import { loadCatalogs } from '../load.js';
import type { LoadedCatalog } from '../catalog/types.js';
import { loadEnv } from '../env.js';

export function suiteCatalogDir(): string | undefined {
  return loadEnv().settings.catalogsDir;
}

export function loadSuiteCatalogs(): LoadedCatalog[] {
  return loadCatalogs(suiteCatalogDir());
}
