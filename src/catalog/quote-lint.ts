/**
 * The quote lint (`npm run catalogs:check`), in the spirit of test262's lint: everything a catalog
 * says the page says is checked against the captured page itself.
 * - every `quote` (entries and doc findings) is a verbatim substring of the page's visible text
 *   (markup stripped, whitespace normalised, nothing else: no case folding, no quote-mark folding);
 * - every anchor exists on the page, and the quote lies inside the section that anchor opens;
 * - every `example` equals one of the page's printed examples (trailing whitespace aside).
 * Problems are located in the catalog as `file:line:col`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { CatalogIssue } from './issues.js';
import { Locator, TextLines, type DocPath } from './locate.js';
import { normaliseSpace, readPage, type PageText } from './page-text.js';
import type { LoadedCatalog } from './types.js';

/** What the lint needs to know about one cited passage. */
interface Citation {
  /** where the quote sits in the catalog */
  quotePath: DocPath;
  /** where the anchor is given (for its message) */
  anchorPath: DocPath;
  quote: string;
  anchor?: string;
  /** key of `sources`, or undefined for the catalog's page */
  source?: string;
  label: string;
}

const cache = new Map<string, PageText>();

/** Read the capture at `file`, once per process while it is unchanged (a re-import rewrites it). */
export function capture(file: string): PageText {
  const s = statSync(file);
  const key = `${file}:${s.size}:${s.mtimeMs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const page = readPage(readFileSync(file, 'utf8'), file);
  cache.set(key, page);
  return page;
}

/** Absolute path of the capture a catalog's page or source names. */
export function capturePath(c: LoadedCatalog, source?: string): string | undefined {
  const rel = source === undefined ? c.page.capture : c.sources?.[source]?.capture;
  return rel === undefined ? undefined : resolve(dirname(resolve(c.file)), rel);
}

/**
 * Lint one loaded catalog against its captures. `text` is the catalog's YAML (for positions);
 * it is read from `c.file` when not given.
 */
export function lintQuotes(c: LoadedCatalog, text: string = readFileSync(c.file, 'utf8')): CatalogIssue[] {
  const lines = new TextLines(text);
  const doc = parseDocument(text, { uniqueKeys: false });
  const loc = new Locator(doc, lines);
  const given = (...path: DocPath): boolean => doc.hasIn(path);
  const issues: CatalogIssue[] = [];
  const add = (path: DocPath, message: string): void => { issues.push({ file: c.file, ...loc.value(path), message }); };

  const pages = new Map<string | undefined, PageText | null>();
  const pageOf = (source: string | undefined): PageText | null => {
    if (pages.has(source)) return pages.get(source)!;
    const file = capturePath(c, source);
    const at: DocPath = source === undefined ? ['page', 'capture'] : ['sources', source, 'capture'];
    let page: PageText | null = null;
    if (!file) add(at, `source '${source}' has no capture: its quotes cannot be checked`);
    else if (!existsSync(file)) add(at, `capture '${source === undefined ? c.page.capture : c.sources?.[source]?.capture}' not found (${file})`);
    else page = capture(file);
    pages.set(source, page);
    return page;
  };

  const citations: Citation[] = [];
  c.entries.forEach((e, i) => {
    const docAt = (key: string): DocPath => (given('entries', i, 'doc', key) ? ['entries', i, 'doc', key] : ['entries', i, 'doc']);
    citations.push({
      quotePath: docAt('quote'),
      anchorPath: given('entries', i, 'doc', 'anchor') || given('entries', i, 'doc', 'url') || !given('defaults', 'doc', 'anchor') ? docAt(given('entries', i, 'doc', 'anchor') ? 'anchor' : 'url') : ['defaults', 'doc', 'anchor'],
      quote: e.doc.quote, ...(e.doc.anchor !== undefined ? { anchor: e.doc.anchor } : {}), ...(e.source !== undefined ? { source: e.source } : {}), label: e.id,
    });
    if (e.example !== undefined) {
      const page = pageOf(e.source);
      if (page) checkExample(page, e.example, ['entries', i, 'example'], add);
    }
  });
  (c.docFindings ?? []).forEach((f, i) => {
    if (f.quote === undefined) return;
    citations.push({
      quotePath: ['docFindings', i, 'quote'], anchorPath: ['docFindings', i, 'anchor'], quote: f.quote,
      ...(f.anchor !== undefined ? { anchor: f.anchor } : {}), ...(f.source !== undefined ? { source: f.source } : {}), label: f.id,
    });
  });
  for (const cit of citations) {
    const page = pageOf(cit.source);
    if (page) checkQuote(page, cit, add);
  }
  // a wrong default anchor is one problem, however many entries inherit it
  const seen = new Set<string>();
  return issues.filter((i) => { const k = `${i.line}:${i.col}:${i.message}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

function checkQuote(page: PageText, cit: Citation, add: (p: DocPath, m: string) => void): void {
  const quote = normaliseSpace(cit.quote);
  let section = { start: 0, end: page.text.length };
  if (cit.anchor !== undefined) {
    const s = page.anchors.get(cit.anchor);
    if (!s) {
      const known = [...page.anchors.keys()];
      add(cit.anchorPath, `anchor '#${cit.anchor}' is not on the page${known.length ? ` (it has ${known.slice(0, 12).map((k) => `#${k}`).join(', ')}${known.length > 12 ? ', ...' : ''})` : ' (it has no anchors)'}`);
      return;
    }
    section = s;
  }
  for (let at = page.text.indexOf(quote, section.start); at >= 0 && at + quote.length <= section.end; at = page.text.indexOf(quote, at + 1)) return;
  const anywhere = page.text.indexOf(quote);
  if (anywhere >= 0) {
    const where = [...page.anchors].filter(([, s]) => s.start <= anywhere && anywhere + quote.length <= s.end).sort((a, b) => (a[1].end - a[1].start) - (b[1].end - b[1].start))[0];
    add(cit.quotePath, `quote is on the page but not inside the section '#${cit.anchor}' opens${where ? ` (it is in '#${where[0]}')` : ''}`);
    return;
  }
  add(cit.quotePath, `quote is not verbatim in the page's visible text: ${mismatch(page.text, quote, section)}`);
}

/** Where a quote parts from the page: the longest prefix the page has, then both continuations. */
function mismatch(text: string, quote: string, section: { start: number; end: number }): string {
  const inSection = text.slice(section.start, section.end);
  const find = (n: number): number => { const prefix = quote.slice(0, n); const i = inSection.indexOf(prefix); return i >= 0 ? i : text.indexOf(prefix) >= 0 ? -2 : -1; };
  let lo = 0;
  let hi = quote.length; // find(lo) holds (empty prefix), find(hi) fails
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (find(mid) !== -1) lo = mid; else hi = mid; }
  if (lo < 3) return `no part of it appears (quote starts "${clip(quote, 0)}")`;
  const at = inSection.indexOf(quote.slice(0, lo));
  const pageText = at >= 0 ? inSection : text;
  const pos = at >= 0 ? at : text.indexOf(quote.slice(0, lo));
  return `it matches up to "${clip(quote.slice(0, lo), -1)}", then the quote has "${clip(quote, lo)}" where the page has "${clip(pageText, pos + lo)}"`;
}

/** A short, one-line excerpt: from `from` on (or the end, for -1), newlines shown as \n. */
function clip(s: string, from: number): string {
  const part = from < 0 ? (s.length > 40 ? `...${s.slice(-40)}` : s) : s.slice(from, from + 30) + (s.length - from > 30 ? '...' : '');
  return part.replace(/\n/g, '\\n');
}

function checkExample(page: PageText, example: string, path: DocPath, add: (p: DocPath, m: string) => void): void {
  const want = example.trimEnd();
  if (page.examples.some((x) => x.trimEnd() === want)) return;
  if (page.examples.length === 0) { add(path, 'example: the page prints no examples (no <pre>/<code>, fenced or indented blocks)'); return; }
  // report against the printed example that shares the longest start with this one
  const common = (a: string, b: string): number => { let n = 0; while (n < a.length && n < b.length && a[n] === b[n]) n++; return n; };
  const best = page.examples.map((x) => x.trimEnd()).sort((a, b) => common(b, want) - common(a, want))[0]!;
  const n = common(best, want);
  const line = want.slice(0, n).split('\n').length;
  add(path, `example differs from the page's printed example at its line ${line}: the catalog has "${clip(want, n)}" where the page has "${clip(best, n)}"`);
}
