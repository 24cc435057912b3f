/** An example that looks like JSON but is not valid JSON. */
import { looksLikeJson } from '../text.js';
import type { Detector, Finding } from './types.js';

export const invalidExample: Detector = ({ found }) => {
  const out: Finding[] = [];
  const check = (text: string, label: string, rows: Finding['rows'], slug: string): void => {
    if (!looksLikeJson(text)) return;
    let reason: string | undefined;
    try { JSON.parse(text); } catch (err) { reason = (err as Error).message; }
    if (reason === undefined) return;
    const typographic = /[“”]/.test(text) ? ' It uses typographic quotes (“ ”) where JSON needs plain ones.' : '';
    out.push({ slug, kind: 'invalid-example', rows, text: `${label} is not valid JSON (${reason}).${typographic} The draft keeps it verbatim.` });
  };
  found.rows.forEach((r) => { if (r.example !== undefined) check(r.example, `The example of ${r.code ?? r.statusText ?? 'a row'}`, [r], `${(r.code ?? `row-${r.order + 1}`).toLowerCase()}-example-not-json`); });
  found.pageExamples.forEach((ex, i) => check(ex, 'The page\'s error object example', [], `example-${i + 1}-not-json`));
  return out;
};
