/** Prose that names a member of the error object ("contains a `code` element") which no example has. */
import { exampleKeys } from '../text.js';
import type { Detector, Finding } from './types.js';

const NAMED = /(?:element|field|member|property|attribute|key)s?\b/i;

export const missingField: Detector = ({ found }) => {
  const examples = [...found.rows.map((r) => r.example).filter((e): e is string => e !== undefined), ...found.pageExamples];
  if (!examples.length) return [];
  const keys = new Set(examples.flatMap(exampleKeys));
  const out: Finding[] = [];
  for (const s of found.sections) for (const b of s.blocks) {
    if (b.kind !== 'text' || !/error object|response body|error response/i.test(b.text)) continue;
    for (const span of b.spans) {
      if (keys.has(span) || !/^[A-Za-z_][\w-]*$/.test(span)) continue;
      const after = b.text.slice(b.text.indexOf(span) + span.length).trimStart();
      if (!NAMED.test(after.split(' ')[0] ?? '')) continue;
      out.push({ slug: `${span.toLowerCase()}-member-missing`, kind: 'contradiction', rows: found.rows.filter((r) => r.example !== undefined), text: `The page says "${b.text}", but none of its ${examples.length} examples has a "${span}" member.` });
    }
  }
  return out;
};
