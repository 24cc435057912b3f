/**
 * Entry sizes per catalog: the median (and largest) number of non-blank, non-comment lines an
 * entry takes in its file, from its `- id:` line to the next entry or the end of `entries:`.
 * `npx tsx scripts/catalog-stats.ts [folder]` prints a table (default: FAULTLINE_CATALOGS, else catalogs/).
 */
import { readFileSync } from 'node:fs';
import { loadCatalogs } from '../src/load.js';

export function entrySizes(text: string, starts: number[]): number[] {
  const lines = text.split('\n');
  // an entry ends where the next one starts, or at the next top-level key
  const topLevel = lines.map((l, i) => (/^[A-Za-z_]/.test(l) ? i + 1 : 0)).filter((n) => n > 0);
  return starts.map((line, k) => {
    const end = starts[k + 1] ?? topLevel.find((n) => n > line) ?? lines.length + 1;
    return lines.slice(line - 1, end - 1).filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = loadCatalogs(process.argv[2]).map((c) => {
    const sizes = entrySizes(readFileSync(c.file, 'utf8'), c.entries.map((e) => e.position.line));
    return { api: c.api, entries: sizes.length, median: median(sizes), max: Math.max(...sizes) };
  });
  process.stdout.write('| catalog | entries | median lines per entry | largest |\n|---|---:|---:|---:|\n');
  for (const r of rows) process.stdout.write(`| ${r.api} | ${r.entries} | ${r.median} | ${r.max} |\n`);
}
