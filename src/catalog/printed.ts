/**
 * `example: { printed: <fragment> }`: an entry may cite the page's printed example instead of
 * copying it. The loader resolves the reference to that example's text (so every later stage,
 * the quote lint and the tests that validate examples against the generated schema see the
 * example as printed): the one printed example on the entry's page (its `source`'s, else the
 * catalog's) that contains the fragment, whitespace normalised; a plain-text page's indented
 * block is one example, taken as printed (indent kept). No such example, or more than
 * one, is refused at the reference with `file:line:col`.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MergedEntry } from './defaults.js';
import type { LintProblem } from './lint.js';
import { normaliseSpace } from './page-text.js';
import { capture } from './quote-lint.js';
import type { CatalogFile } from './types.js';

/** The capture an entry's page (its `source`'s, else the catalog's) names, and its file when it is there. */
export function capturedPage(c: CatalogFile, source: string | undefined, catalogFile: string): { rel?: string; file?: string } {
  const rel = source !== undefined ? c.sources?.[source]?.capture : c.page.capture;
  const file = rel === undefined ? undefined : resolve(dirname(resolve(catalogFile)), rel);
  return { ...(rel !== undefined ? { rel } : {}), ...(file && existsSync(file) ? { file } : {}) };
}

/** Resolves every printed-example reference in place; returns the problems and the capture files read. */
export function resolvePrinted(c: CatalogFile, merged: MergedEntry[], catalogFile: string): { problems: LintProblem[]; read: string[] } {
  const problems: LintProblem[] = [];
  const read = new Set<string>();
  merged.forEach((e, i) => {
    const ref = e.example;
    if (ref === undefined || typeof ref === 'string') return;
    const at = ['entries', i, 'example', 'printed'];
    const { rel, file } = capturedPage(c, e.source, catalogFile);
    if (!file) { problems.push({ path: at, message: `example.printed: the page's capture${rel ? ` '${rel}'` : ''} is not there to take the example from` }); return; }
    read.add(file);
    const want = normaliseSpace(ref.printed);
    const page = capture(file);
    const found = [...new Set((page.blocks ?? page.examples).map((x) => x.trimEnd()))].filter((x) => normaliseSpace(x).includes(want));
    if (found.length === 1) { e.example = found[0]!; e.examplePrinted = ref.printed; return; }
    problems.push({ path: at, message: found.length ? `example.printed '${ref.printed}' is in ${found.length} of the page's printed examples: give a fragment only one has` : `example.printed '${ref.printed}' is in none of the page's printed examples` });
  });
  return { problems, read: [...read] };
}
