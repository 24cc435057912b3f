/**
 * `npm run catalogs:check [folder]`: load and validate every catalog (of the folder, else
 * FAULTLINE_CATALOGS, else catalogs/), then lint every quote, anchor and example against the
 * captured pages; print a summary or every problem as file:line:col.
 */
import { loadCatalogs } from '../load.js';
import { CatalogError, formatIssue } from '../catalog/issues.js';
import { lintQuotes } from '../catalog/quote-lint.js';
import { basisSummary, countsText } from '../catalog/basis.js';
import { lintBasisQuotes } from '../catalog/basis-quotes.js';
import { suiteCatalogDir } from '../runner/suite.js';

try {
  const catalogs = loadCatalogs(process.argv[2] ?? suiteCatalogDir());
  const problems = catalogs.flatMap((c) => [...lintQuotes(c), ...lintBasisQuotes(c)]);
  if (problems.length) {
    process.stderr.write(`${problems.length} quote lint problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatIssue).join('\n')}\n`);
    process.exit(1);
  }
  let total = 0;
  let quotes = 0;
  for (const c of catalogs) {
    total += c.entries.length;
    const unprovokable = c.entries.filter((e) => e.unprovokable).length;
    const cited = c.entries.length + (c.docFindings ?? []).filter((f) => f.quote !== undefined).length;
    quotes += cited;
    process.stdout.write(`${c.file}: ${c.entries.length} entries (${unprovokable} unprovokable), ${c.docFindings?.length ?? 0} doc findings, ${cited} quotes checked against ${c.page.capture}\n`);
  }
  process.stdout.write(`${quotes} quotes verbatim on their pages, in their sections; every example as printed\n`);
  // what the recipes rest on, per API: steps, entries by outcome basis, and the entries an assumption decides
  const all = catalogs.flatMap((c) => c.entries);
  for (const [label, entries] of [...catalogs.map((c): [string, typeof all] => [c.api, c.entries]), ['all', all] as [string, typeof all]]) {
    const b = basisSummary(entries);
    process.stdout.write(`basis ${label}: steps ${countsText(b.steps)}; entries ${countsText(b.entries)}${label !== 'all' && b.assumed.length ? `; resting on an assumption: ${b.assumed.join(', ')}` : ''}\n`);
  }
  process.stdout.write(`${catalogs.length} catalogs, ${total} entries: valid\n`);
} catch (err) {
  if (!(err instanceof CatalogError)) throw err;
  process.stderr.write(err.message + '\n');
  process.exit(1);
}
