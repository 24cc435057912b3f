/**
 * `defaults.doc.anchorFrom: quote`: an entry of the catalog's own page that gives no anchor (and
 * no doc.url) cites the section of the page its quote lies in, found in the capture: the
 * innermost section that holds the quote (whitespace normalised, as the quote lint compares).
 * A quote in no section cites the page itself; a quote found in several sections, or not on the
 * page, is refused at the quote with `file:line:col` (give the entry its own `doc.anchor`).
 * The loaded entry then carries the anchor, exactly as if it were written.
 */
import type { MergedEntry } from './defaults.js';
import type { LintProblem } from './lint.js';
import { normaliseSpace, type PageText } from './page-text.js';
import { capturedPage } from './printed.js';
import { capture } from './quote-lint.js';
import type { CatalogFile } from './types.js';

/** Sets the anchor of every entry `anchorFrom` covers, in place; returns the problems and the capture read. */
export function resolveQuotedAnchors(c: CatalogFile, merged: MergedEntry[], catalogFile: string): { problems: LintProblem[]; read: string[] } {
  const problems: LintProblem[] = [];
  if (c.defaults?.doc?.anchorFrom !== 'quote') return { problems, read: [] };
  if (c.defaults.doc.anchor !== undefined) return { problems: [{ path: ['defaults', 'doc', 'anchorFrom'], message: 'defaults.doc gives anchor and anchorFrom: give one' }], read: [] };
  const covered = merged.map((e, i) => [e, i] as const).filter(([e]) => e.doc.anchor === undefined && e.doc.url === undefined && e.source === undefined);
  if (!covered.length) return { problems, read: [] };
  const { rel, file } = capturedPage(c, undefined, catalogFile);
  if (!file) return { problems: [{ path: ['defaults', 'doc', 'anchorFrom'], message: `anchorFrom: quote: the page's capture${rel ? ` '${rel}'` : ''} is not there to find the quotes' sections in` }], read: [] };
  const page = capture(file);
  for (const [e, i] of covered) {
    const at = typeof c.entries[i]!.doc === 'string' ? ['entries', i, 'doc'] : ['entries', i, 'doc', 'quote'];
    const sections = sectionsOf(page, e.doc.quote);
    if (sections === undefined) problems.push({ path: at, message: 'anchorFrom: quote: the quote is not on the page, so it is in no section to cite (npm run catalogs:check shows where it parts from the page)' });
    else if (sections.length > 1) problems.push({ path: at, message: `anchorFrom: quote: the quote is in ${sections.map((s) => `#${s}`).join(' and ')}: give doc.anchor` });
    else if (sections.length === 1) e.doc = { ...e.doc, anchor: sections[0]! };
  }
  return { problems, read: [file] };
}

/** The innermost anchored section of each place the quote is on the page (none: not on the page). */
function sectionsOf(page: PageText, quote: string): string[] | undefined {
  const q = normaliseSpace(quote);
  const found = new Set<string>();
  let seen = false;
  for (let at = page.text.indexOf(q); at >= 0; at = page.text.indexOf(q, at + 1)) {
    seen = true;
    const inner = [...page.anchors].filter(([, s]) => s.start <= at && at + q.length <= s.end).sort((a, b) => (a[1].end - a[1].start) - (b[1].end - b[1].start))[0];
    if (inner) found.add(inner[0]);
  }
  return seen ? [...found] : undefined;
}
