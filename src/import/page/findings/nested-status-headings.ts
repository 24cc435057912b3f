/** A status heading nested under another status's heading, as if it were a kind of that status. */
import { statusPhrase, statusKey } from '../text.js';
import type { Detector, Finding } from './types.js';

export const nestedStatusHeadings: Detector = ({ found }) => {
  const nested = found.sections.filter((s) => {
    const own = s.level > 0 ? statusPhrase(s.text) : undefined;
    const up = s.parent && s.parent.level > 0 ? statusPhrase(s.parent.text) : undefined;
    return own && up && statusKey(own.status) !== statusKey(up.status);
  });
  if (!nested.length) return [];
  const rows = found.rows.filter((r) => nested.some((s) => s.anchor === r.anchor));
  const parents = [...new Set(nested.map((s) => `"${s.parent!.text}"`))].join(', ');
  return [{ slug: 'status-headings-nested', kind: 'inconsistency', rows, text: `${nested.map((s) => `"${s.text}"`).join(' and ')} ${nested.length > 1 ? 'are headings' : 'is a heading'} of level ${nested[0]!.level} under ${parents}, as if ${nested.length > 1 ? 'they were kinds' : 'it were a kind'} of that status.` } satisfies Finding];
};
