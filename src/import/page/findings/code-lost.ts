/** Rows under an "Error code" heading that carry no code: the page's code column did not survive. */
import type { Detector } from './types.js';

export const codeLost: Detector = ({ found }) => {
  const rows = found.rows.filter((r) => r.codeLost);
  if (!rows.length) return [];
  const heading = rows[0]!.heading ?? 'error code';
  return [{ slug: 'code-names-lost', kind: 'missing-information', rows, text: `The "${heading}" section lists ${rows.length} descriptions but no code for any of them: the codes are not on the captured page. The draft names these entries after their text; restore the codes from another source.` }];
};
