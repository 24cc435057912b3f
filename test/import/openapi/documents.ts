/** The fixture OpenAPI documents the import tests use, with the api name each is imported as. */
import { copyFileSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATALOG_DIR } from '../../../src/load.js';
import { parseArgs, runImport } from '../../../src/import/openapi/cli.js';

const FIXTURES = new URL('../../fixtures/openapi/', import.meta.url).pathname;

export const DOCUMENTS = [
  // faultline's own: one operation per derivable status kind
  { file: join(FIXTURES, 'kennel.openapi.yaml'), api: 'kennel' },
  // the Swagger Petstore OpenAPI 3 document, Apache-2.0 (petstore.LICENSE beside it)
  { file: join(FIXTURES, 'petstore.openapi.yaml'), api: 'petstore' },
];

/** A catalogs folder in `dir` holding the shipped catalogs plus the Kennel fixture, imported. */
export async function shippedPlusKennel(dir: string): Promise<string> {
  const catalogs = join(dir, 'catalogs');
  mkdirSync(catalogs);
  for (const f of readdirSync(DEFAULT_CATALOG_DIR).filter((x) => x.endsWith('.yaml'))) copyFileSync(join(DEFAULT_CATALOG_DIR, f), join(catalogs, f));
  cpSync(join(DEFAULT_CATALOG_DIR, 'pages'), join(catalogs, 'pages'), { recursive: true }); // the captures the quote lint reads
  await runImport(parseArgs([DOCUMENTS[0]!.file, '--api', 'kennel', '--into', join(catalogs, 'kennel.yaml')]), async () => false);
  return catalogs;
}
