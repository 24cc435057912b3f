/**
 * Measures the importer against hand-made catalogs: for each catalog whose captured page is at
 * hand, import the page and match the imported rows to the catalog's entries from that page.
 * Per page: rows found, status right (the stated status where the page states one; not claimed
 * as stated where the catalog had to infer it), code right (the catalog's code where the page
 * prints it; none where it does not), quote verbatim, example equal, invented rows, and the
 * automatic doc findings that the catalog also records.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCatalog } from '../../catalog/load.js';
import { toCatalogFile } from '../../catalog/write.js';
import type { Row } from './find.js';
import { importPage, type ImportResult } from './index.js';
import { squash } from './model.js';
import { CODE_KEYS, statusKey, type Status } from './text.js';

/* eslint-disable -- hand catalogs are read as plain YAML data, whatever version of the format they use */
type Data = Record<string, any>; // any: raw YAML of any catalog format version, read by tolerant accessors below

export interface PageScore {
  api: string;
  capture: string;
  shape: string;
  rows: number;
  found: number;
  statusRight: number;
  codeRight: number;
  quoteRight: number;
  examples: number;
  exampleRight: number;
  allRight: number;
  invented: number;
  autoFindings: number;
  findingsAmongRecorded: number;
  recorded: number;
  /** One line per thing the importer got wrong, for the closing table. */
  misses: string[];
}

export function compareCatalog(hand: Data, captureFile: string): PageScore {
  const result = importPage(readFileSync(captureFile), captureFile, { api: hand['api'], url: pageUrl(hand) });
  return score(hand, result, captureFile);
}

/** An entry's quote: `doc` itself (format 2's short form) or `doc.quote`. */
function quoteOfEntry(e: Data): string {
  return typeof e['doc'] === 'string' ? e['doc'] : e['doc']?.['quote'] ?? '';
}

function pageUrl(c: Data): string | undefined {
  return c['page']?.['url'];
}

const base = (u: string | undefined): string => (u ?? '').split('#')[0]!;

function handRows(c: Data): Data[] {
  const url = base(pageUrl(c));
  // Entries of the catalog's own page: no other source, and no doc.url pointing elsewhere.
  return (c['entries'] ?? []).filter((e: Data) => !e['source'] && (typeof e['doc'] === 'string' || !e['doc']?.['url'] || base(e['doc']['url']) === url));
}

function statusStated(e: Data, c: Data): boolean {
  const s = e['statusStrength'] ?? (typeof e['status'] === 'object' && !Array.isArray(e['status']) ? e['status']['strength'] : undefined) ?? e['strength'] ?? c['defaults']?.['strength'] ?? 'must';
  return s === 'must';
}

function statusOf(e: Data): Status | undefined {
  const s = e['status'];
  if (typeof s === 'object' && s !== null && !Array.isArray(s)) return s['code'] ?? s['codes'] ?? s['value'];
  return s;
}

function codeOfEntry(e: Data): string | undefined {
  const consts = e['body']?.['const'] ?? {};
  for (const k of CODE_KEYS) if (typeof consts[k] === 'string') return consts[k];
  return undefined;
}

function pageText(r: ImportResult): string {
  return r.page.blocks.map((b) => (b.kind === 'table' ? [...(b.header ?? []), ...b.rows.flat()].map((c) => `${c.text} ${c.code.join(' ')}`).join(' ') : b.text)).join('\n');
}

function same(a: Status | undefined, b: Status | undefined): boolean {
  return a !== undefined && b !== undefined && statusKey(a) === statusKey(b);
}

function score(hand: Data, r: ImportResult, captureFile: string): PageScore {
  const rows = handRows(hand);
  const text = pageText(r);
  // Best pairs first: quote, code, example, status and anchor all count; a pair needs the quote or the code.
  const pairs: Array<{ h: number; i: number; s: number }> = [];
  rows.forEach((e, h) => r.found.rows.forEach((row, i) => {
    const hq = squash(quoteOfEntry(e));
    const quote = squash(row.quote) === hq ? 4 : hq && (squash(row.text).includes(hq) || hq.includes(squash(row.quote))) && row.quote ? 2 : 0;
    const code = codeOfEntry(e) !== undefined && codeOfEntry(e) === row.code ? 3 : 0;
    if (!quote && !code) return;
    const ex = e['example'] !== undefined && e['example'] === row.example ? 2 : 0;
    const st = same(statusOf(e), row.status) ? 1 : 0;
    const an = e['doc']?.['anchor'] === row.anchor || String(e['doc']?.['url'] ?? '').endsWith(`#${row.anchor}`) ? 1 : 0;
    pairs.push({ h, i, s: quote + code + ex + st + an });
  }));
  pairs.sort((a, b) => b.s - a.s || a.h - b.h || a.i - b.i);
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) if (!matchOf.has(p.h) && !taken.has(p.i)) { matchOf.set(p.h, p.i); taken.add(p.i); }

  const s: PageScore = { api: hand['api'], capture: basename(captureFile), shape: r.page.shape, rows: rows.length, found: matchOf.size, statusRight: 0, codeRight: 0, quoteRight: 0, examples: 0, exampleRight: 0, allRight: 0, invented: r.found.rows.length - matchOf.size, autoFindings: r.findings.length, findingsAmongRecorded: 0, recorded: (hand['docFindings'] ?? []).length, misses: [] };
  const idOfRow = new Map<Row, string>();
  rows.forEach((e, h) => {
    const i = matchOf.get(h);
    if (e['example'] !== undefined) s.examples++;
    if (i === undefined) { s.misses.push(`${e['id']}: not found`); return; }
    const row = r.found.rows[i]!;
    idOfRow.set(row, e['id']);
    const stated = statusStated(e, hand);
    const statusOk = stated ? row.status !== undefined && same(statusOf(e), row.status) : row.status === undefined;
    const handCode = codeOfEntry(e);
    const expectCode = handCode !== undefined && text.includes(handCode) ? handCode : undefined;
    const codeOk = row.code === expectCode;
    const quoteOk = squash(row.quote) === squash(quoteOfEntry(e));
    const exOk = e['example'] !== undefined && row.example === e['example'];
    if (statusOk) s.statusRight++; else s.misses.push(`${e['id']}: status ${row.status === undefined ? 'not stated' : statusKey(row.status)} (catalog: ${statusKey(statusOf(e) ?? '?')}${stated ? '' : ', inferred'})`);
    if (codeOk) s.codeRight++; else s.misses.push(`${e['id']}: code ${row.code ?? 'none'} (page: ${expectCode ?? 'none'})`);
    if (quoteOk) s.quoteRight++; else s.misses.push(`${e['id']}: quote "${row.quote}" (catalog: "${quoteOfEntry(e)}")`);
    if (exOk) s.exampleRight++; else if (e['example'] !== undefined) s.misses.push(`${e['id']}: example ${row.example === undefined ? 'not found' : 'differs'}`);
    if (statusOk && codeOk && quoteOk) s.allRight++;
  });
  r.found.rows.forEach((row, i) => { if (!taken.has(i)) s.misses.push(`invented row: ${row.statusText ?? row.code ?? ''} "${row.quote}"`); });

  // Automatic findings against recorded ones: same kind, and the entries overlap (or one side names none).
  const recorded: Data[] = hand['docFindings'] ?? [];
  const used = new Set<number>();
  for (const f of r.findings) {
    const ids = f.rows.map((row) => idOfRow.get(row)).filter((x): x is string => x !== undefined);
    const candidates = recorded.map((d, k) => ({ d, k })).filter(({ d, k }) => !used.has(k) && d['kind'] === f.kind);
    const overlap = candidates.find(({ d }) => (d['entries'] ?? []).some((x: string) => ids.includes(x)));
    const loose = candidates.find(({ d }) => !(d['entries'] ?? []).length || !ids.length);
    const hit = overlap ?? loose;
    if (hit) { used.add(hit.k); s.findingsAmongRecorded++; } else s.misses.push(`finding not recorded by the catalog: ${f.kind} ${f.slug}`);
  }
  return s;
}

/** Where a catalog's captured page is (`page.capture`, relative to the catalog file), if it is there. */
export function captureOf(c: Data, catalogDir: string): string | undefined {
  const name: string | undefined = c['page']?.['capture'];
  if (!name) return undefined;
  const p = resolve(catalogDir, name);
  return existsSync(p) ? p : undefined;
}

/**
 * A hand catalog as data: as the loader completes it (what its defaults and shorthands derive,
 * such as a constant from `constFrom` or an example cited with `printed`, written out), or, when
 * it does not load, its YAML as written.
 */
function handCatalog(file: string): Data {
  const text = readFileSync(file, 'utf8');
  const loaded = parseCatalog(text, file).catalog;
  if (!loaded) return parse(text) as Data;
  const written = toCatalogFile(loaded);
  // an example cited from the page is compared as the text it cites
  written.entries.forEach((e, i) => { const example = loaded.entries[i]!.example; if (example !== undefined) e.example = example; });
  return written;
}

export function compareAll(catalogDir: string): PageScore[] {
  const out: PageScore[] = [];
  for (const f of readdirSync(catalogDir).filter((x) => x.endsWith('.yaml')).sort()) {
    const c = handCatalog(join(catalogDir, f));
    const capture = captureOf(c, catalogDir);
    if (capture && handRows(c).length) out.push(compareCatalog(c, capture));
  }
  return out;
}

export function totals(scores: PageScore[]): PageScore {
  const t: PageScore = { api: 'all', capture: '', shape: '', rows: 0, found: 0, statusRight: 0, codeRight: 0, quoteRight: 0, examples: 0, exampleRight: 0, allRight: 0, invented: 0, autoFindings: 0, findingsAmongRecorded: 0, recorded: 0, misses: [] };
  for (const s of scores) for (const k of ['rows', 'found', 'statusRight', 'codeRight', 'quoteRight', 'examples', 'exampleRight', 'allRight', 'invented', 'autoFindings', 'findingsAmongRecorded', 'recorded'] as const) t[k] += s[k];
  return t;
}

export function formatTable(scores: PageScore[]): string {
  const t = totals(scores);
  const line = (s: PageScore): string => `| ${s.api} | ${s.shape} | ${s.found}/${s.rows} | ${s.statusRight} | ${s.codeRight} | ${s.quoteRight} | ${s.exampleRight}/${s.examples} | ${s.allRight} (${pct(s.allRight, s.rows)}) | ${s.invented} | ${s.findingsAmongRecorded}/${s.autoFindings} | ${s.recorded} |`;
  return [
    '| page | shape | rows found | status right | code right | quote verbatim | example equal | status+code+quote right | invented rows | auto findings among recorded | recorded findings |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...scores.map(line),
    line(t).replace('| all |  |', '| **all** | |'),
  ].join('\n');
}

function pct(a: number, b: number): string {
  return b ? `${Math.round((1000 * a) / b) / 10}%` : '-';
}
