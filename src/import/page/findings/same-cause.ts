/** Two rows that give the same cause but answer differently: the page does not say which answer the cause gets. */
import { groupBy } from './duplicate-row.js';
import type { Detector, Finding } from './types.js';

export const sameCause: Detector = ({ found }) => {
  const out: Finding[] = [];
  // Rows of one section share its text by construction; only rows that state their cause themselves count.
  const own = found.rows.filter((r) => r.origin === 'table' && r.quote);
  for (const [quote, rows] of groupBy(own, (r) => r.quote)) {
    const answers = new Set(rows.map((r) => `${r.code ?? ''}|${r.exampleTitle ?? ''}|${(r.example ?? '').replace(/\s+/g, '')}`));
    if (rows.length < 2 || answers.size < 2) continue;
    out.push({ slug: `same-cause-${rows[0]!.order + 1}`, kind: 'inconsistency', rows, text: `"${quote}" is given as the cause of ${rows.length} rows with different answers (${rows.map((r) => r.exampleTitle ?? r.code ?? r.statusText).join(' / ')}), so the page does not say which one that cause gets.` });
  }
  return out;
};
