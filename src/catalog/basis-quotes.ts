/**
 * The quote lint of recipe bases (`npm run catalogs:check`, beside src/catalog/quote-lint.ts; kept
 * apart from basis.ts so the loader does not load the page readers).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { causesOf } from './basis.js';
import type { CatalogIssue } from './issues.js';
import { Locator, TextLines, type DocPath } from './locate.js';
import { normaliseSpace } from './page-text.js';
import { capture, capturePath } from './quote-lint.js';
import type { Basis, LoadedCatalog } from './types.js';
/**
 * The page's words a basis cites are checked like every other quote: a double-quoted passage of
 * two words or more in a basis's `why` is the cited page's own text, so it must be verbatim in the
 * visible text of the entry's page (its `source`'s, for entries of another page). Run by
 * `npm run catalogs:check` beside the quote lint. Located at the `why` (at the alias, for a
 * shared step). `text` is the catalog's YAML, read from `c.file` when not given.
 */
export function lintBasisQuotes(c: LoadedCatalog, text: string = readFileSync(c.file, 'utf8')): CatalogIssue[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const loc = new Locator(doc, new TextLines(text));
  const issues = new Map<string, CatalogIssue>();
  c.entries.forEach((e, i) => {
    const file = capturePath(c, e.source);
    if (!file || !existsSync(file)) return; // the quote lint reports a missing capture
    const page = capture(file).text;
    const written = doc.hasIn(['entries', i, 'recipes']);
    causesOf(e).forEach((r, k) => {
      const at: DocPath = written ? ['entries', i, 'recipes', k] : ['entries', i, 'recipe'];
      const check = (b: Basis | undefined, path: DocPath): void => {
        if (!b || b.fromDefaults) return;
        for (const m of b.why.matchAll(/"([^"]*\s[^"]*)"/g)) {
          if (page.includes(normaliseSpace(m[1]!))) continue;
          const pos = loc.value([...path, 'basis', 'why']);
          const issue = { file: c.file, ...pos, message: `basis quotes "${m[1]}", which is not verbatim on ${e.source ? `source '${e.source}'` : 'the page'} (a quoted passage in a basis is the page's own words)` };
          issues.set(`${pos.line}:${pos.col}:${issue.message}`, issue);
        }
      };
      r.setup?.forEach((s, j) => check(s.basis, [...at, 'setup', j]));
      check(r.basis, at);
      r.teardown?.forEach((s, j) => check(s.basis, [...at, 'teardown', j]));
    });
  });
  return [...issues.values()].sort((a, b) => a.line - b.line || a.col - b.col);
}
