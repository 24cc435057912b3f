/** Placeholder values left in an example (`XXX`, `TODO`, `<id>`, `{{name}}`, lorem ipsum). */
import { parseExample } from '../text.js';
import type { Detector, Finding } from './types.js';

const PLACEHOLDER = /\bX{3,}\b|\bTODO\b|\bTBD\b|\bFIXME\b|<[a-z][\w -]*>|\{\{\s*\w+\s*\}\}|lorem ipsum/i;

function strings(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 50) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out, depth + 1));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => strings(x, out, depth + 1));
  return out;
}

export const placeholder: Detector = ({ found }) => {
  const out: Finding[] = [];
  for (const r of found.rows) {
    if (r.example === undefined) continue;
    const parsed = parseExample(r.example);
    const values = parsed ? strings(parsed.value) : [r.example];
    const hit = values.find((s) => PLACEHOLDER.test(s));
    if (!hit) continue;
    out.push({ slug: `${(r.code ?? `row-${r.order + 1}`).toLowerCase()}-placeholder`, kind: 'placeholder', rows: [r], text: `The ${r.code ?? r.statusText ?? 'row'} example carries a placeholder: "${hit}".` });
  }
  return out;
};
