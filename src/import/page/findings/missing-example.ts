/** Rows without an example on a page where most rows have one. */
import type { Detector } from './types.js';

export const missingExample: Detector = ({ found }) => {
  const without = found.rows.filter((r) => r.example === undefined);
  const withEx = found.rows.length - without.length;
  if (!without.length || withEx < 2 || withEx < without.length) return [];
  const names = without.map((r) => r.code ?? r.statusText ?? r.quote).join(', ');
  return [{ slug: 'rows-without-example', kind: 'missing-information', rows: without, text: `${names} ${without.length > 1 ? 'have' : 'has'} no example, while ${withEx} other rows show their body.` }];
};
