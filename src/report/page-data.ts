/**
 * The data the HTML page embeds: conformance.json minus what the page never shows (the observed
 * response and the reproduction of entries that conform, tags, timings) and the step-by-step basis
 * of entries that conform (their outcome basis and what it assumes stay), which keeps a page of
 * 10,000 entries small. Embedded with every `<` escaped so no string can close the script element.
 */
import type { ConformanceEntry, ConformanceReport } from './collect.js';

/** Outcomes whose details (response, reproduction) a reader needs. */
const DETAILED = new Set(['violation', 'should-violation', 'error', 'known-deviation', 'unexpected-pass']);

export type PageEntry = Omit<ConformanceEntry, 'tags' | 'durationMs' | 'attempts'>;
export type PageData = Omit<ConformanceReport, 'entries'> & { entries: PageEntry[] };

export function pageData(r: ConformanceReport): PageData {
  return { ...r, entries: r.entries.map(slim) };
}

function slim(e: ConformanceEntry): PageEntry {
  const { tags: _tags, durationMs: _d, attempts: _a, observed, reproduce, ...rest } = e;
  if (!DETAILED.has(e.outcome)) {
    if (rest.basis) rest.basis = { ...rest.basis, steps: [] };
    return rest;
  }
  return { ...rest, ...(observed ? { observed } : {}), ...(reproduce ? { reproduce } : {}) };
}

/**
 * JSON for a `<script type="application/json">`: `<` becomes `\u003c` (no `</script>`, no
 * `<!--`), and U+2028/2029 are escaped for older parsers. JSON.parse restores them unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
