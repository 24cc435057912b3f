/** The same row twice: one code (or status) with the same example, listed more than once. */
import type { Row } from '../find.js';
import type { Detector, Finding } from './types.js';

export function groupBy<K>(rows: Row[], key: (r: Row) => K | undefined): Map<K, Row[]> {
  const m = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === undefined) continue;
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return m;
}

const normal = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '');

export const duplicateRow: Detector = ({ found }) => {
  const out: Finding[] = [];
  const tableRows = found.rows.filter((r) => r.origin !== 'section' || r.code);
  // Same code and example; rows without a code must also give the same cause to count as one row twice.
  const keyOf = (r: Row): string | undefined => r.code ? `${r.code}|${normal(r.example)}` : r.statusText !== undefined ? `${r.statusText}|${r.quote}|${normal(r.example)}` : undefined;
  for (const [key, rows] of groupBy(tableRows, keyOf)) {
    if (rows.length < 2) continue;
    const name = rows[0]!.code ?? rows[0]!.statusText!;
    const texts = [...new Set(rows.map((r) => r.quote))];
    const differ = texts.length > 1 ? ` Their texts differ: ${texts.map((t) => `"${t}"`).join(' / ')}.` : ' Their texts are the same.';
    out.push({ slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-row-${rows.length}-times`, kind: 'duplicate-row', rows, text: `The ${name} row appears ${rows.length} times with the same example.${differ}` });
    void key;
  }
  return out;
};
