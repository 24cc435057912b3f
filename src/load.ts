/**
 * Where catalogs are loaded from everywhere (runner, reports, reference target, commands): the
 * catalog stage's loader (src/catalog/load.ts: syntax, meta-schema, lint, defaults, the normalised
 * entry) with the schema stage's check that every contract compiles (src/schema/lint.ts), so a
 * catalog that loads is one every later stage can use. It sits above both folders, so the
 * catalog stage never imports the schema stage (the folders form the pipeline
 * catalog -> schema -> recipes -> runner -> report; test/layout.test.ts keeps it so).
 */
import { DEFAULT_CATALOG_DIR, loadCatalogs as loadFormat, parseCatalog as parseFormat } from './catalog/load.js';
import type { CatalogIssue } from './catalog/issues.js';
import type { LoadedCatalog } from './catalog/types.js';
import { schemaProblems } from './schema/lint.js';

export { DEFAULT_CATALOG_DIR };

const LATER = [schemaProblems];

/** Parse and validate one catalog's text; `file` is the label used in messages. */
export function parseCatalog(text: string, file: string): { catalog?: LoadedCatalog; issues: CatalogIssue[]; pages?: string[] } {
  return parseFormat(text, file, LATER);
}

/** Load every `*.yaml` in `dir` (default: FAULTLINE_CATALOGS, else catalogs/; sorted by name); throws CatalogError listing every problem. */
export function loadCatalogs(dir?: string): LoadedCatalog[] {
  return loadFormat(dir, LATER);
}
