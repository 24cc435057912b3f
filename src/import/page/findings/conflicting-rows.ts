/** One code with two titles or two statuses. */
import { statusKey } from '../text.js';
import { groupBy } from './duplicate-row.js';
import type { Detector, Finding } from './types.js';

export const conflictingRows: Detector = ({ found }) => {
  const out: Finding[] = [];
  for (const [code, rows] of groupBy(found.rows, (r) => r.code)) {
    if (rows.length < 2) continue;
    const titles = [...new Set(rows.map((r) => r.exampleTitle).filter((t): t is string => t !== undefined))];
    const statuses = [...new Set(rows.map((r) => (r.status === undefined ? undefined : statusKey(r.status))).filter((s): s is string => s !== undefined))];
    const parts: string[] = [];
    if (titles.length > 1) parts.push(`titles ${titles.map((t) => `"${t}"`).join(' / ')}`);
    if (statuses.length > 1) parts.push(`statuses ${statuses.join(' / ')}`);
    if (!parts.length) continue;
    out.push({ slug: `${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-conflicting-rows`, kind: 'conflicting-rows', rows, text: `${code} has ${rows.length} rows with different ${parts.join(' and ')}.` });
  }
  return out;
};
