/** `npm run catalogs:check [folder]`: load and validate every catalog (of the folder, else FAULTLINE_CATALOGS, else catalogs/); print a summary or every error. */
import { loadCatalogs } from '../catalog/load.js';
import { CatalogError } from '../catalog/issues.js';
import { suiteCatalogDir } from '../runner/suite.js';

try {
  const catalogs = loadCatalogs(process.argv[2] ?? suiteCatalogDir());
  let total = 0;
  for (const c of catalogs) {
    total += c.entries.length;
    const unprovokable = c.entries.filter((e) => e.unprovokable).length;
    process.stdout.write(`${c.file}: ${c.entries.length} entries (${unprovokable} unprovokable), ${c.docFindings?.length ?? 0} doc findings\n`);
  }
  process.stdout.write(`${catalogs.length} catalogs, ${total} entries: valid\n`);
} catch (err) {
  if (!(err instanceof CatalogError)) throw err;
  process.stderr.write(err.message + '\n');
  process.exit(1);
}
