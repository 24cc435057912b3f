/** Different codes that share one title: only the code tells them apart. */
import { groupBy } from './duplicate-row.js';
import type { Detector, Finding } from './types.js';

export const sharedTitles: Detector = ({ found }) => {
  const groups = [...groupBy(found.rows.filter((r) => r.code && r.exampleTitle), (r) => r.exampleTitle!.toLowerCase().replace(/[.\s]+$/, ''))]
    .map(([, rows]) => rows)
    .filter((rows) => new Set(rows.map((r) => r.code)).size > 1);
  if (!groups.length) return [];
  const text = groups.map((rows) => `${[...new Set(rows.map((r) => r.code))].join(' and ')} share the title ${[...new Set(rows.map((r) => `"${r.exampleTitle}"`))].join(' / ')}`).join('; ');
  return [{ slug: 'shared-titles', kind: 'inconsistency', rows: groups.flat(), text: `Different errors share a title: ${text}. Only the code tells them apart.` } satisfies Finding];
};
