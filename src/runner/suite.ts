/** Which catalogs the suite runs: `catalogs/` or the folder named by FAULTLINE_CATALOGS. */
import { loadCatalogs } from '../catalog/load.js';
import type { LoadedCatalog } from '../catalog/types.js';

export function suiteCatalogDir(): string | undefined {
  return process.env.FAULTLINE_CATALOGS || undefined;
}

export function loadSuiteCatalogs(): LoadedCatalog[] {
  return loadCatalogs(suiteCatalogDir());
}
