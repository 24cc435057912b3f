/**
 * Plain-text captures (what "copy page text" or a text-mode browser gives): line groups split by
 * blank lines; within a group, tab-separated rows and space-aligned columns are tables, lines
 * indented by four or more spaces are a printed example, bulleted lines are list items, and a
 * lone short line without end punctuation is a heading. Inline HTML left in the text
 * (`<code>Accept</code>`) is read with the HTML parser, so cells hold visible text.
 *
 * Hand-written: no maintained package reads layout-only text into tables and sections.
 */
import { LIMITS, slug, squash, type Block, type Cell, type Page } from '../model.js';
import { readHtml } from './html.js';

const BULLET = /^\s*([•·▪‣◦*+-]|\d{1,2}[.)])\s+/;
const STATUS_START = /^\s*[1-5](\d\d|xx)\b/i;

export function readText(text: string): Page {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const groups: string[][] = [];
  let cur: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') { if (cur.length) groups.push(cur); cur = []; } else cur.push(line);
  }
  if (cur.length) groups.push(cur);
  const blocks: Block[] = [];
  let title: string | undefined;
  const anchors = new Map<string, number>();
  for (const group of groups) {
    if (blocks.length >= LIMITS.blocks) break;
    if (group.length === 1 && isHeadingLine(group[0]!)) {
      const t = squash(group[0]!);
      let anchor = slug(t);
      const n = anchors.get(anchor) ?? 0;
      anchors.set(anchor, n + 1);
      if (n > 0) anchor = `${anchor}-${n}`;
      blocks.push({ kind: 'heading', level: title === undefined ? 1 : 2, text: t, anchor });
      title ??= t;
      continue;
    }
    blocks.push(...groupBlocks(group));
  }
  return { shape: 'text', title, blocks };
}

function isHeadingLine(line: string): boolean {
  const t = squash(line);
  if (!t || t.length > 60 || BULLET.test(line) || /^\s{4,}/.test(line) || line.includes('\t')) return false;
  if (/[.,;:!?)\]]$/.test(t) || STATUS_START.test(t)) return false;
  return t.split(' ').length <= 6 && /^\p{Lu}/u.test(t);
}

/** Split one blank-line-separated group into runs of examples, list items, table rows and prose. */
function groupBlocks(group: string[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < group.length) {
    const line = group[i]!;
    if (BULLET.test(line)) { out.push(textBlock(line.replace(BULLET, ''), 'list')); i++; continue; }
    if (/^ {4,}\S|^\t+\S/.test(line) && !line.trim().includes('\t')) {
      let j = i;
      while (j < group.length && /^ {4,}\S|^\t+\S/.test(group[j]!) && !BULLET.test(group[j]!)) j++;
      out.push({ kind: 'code', text: group.slice(i, j).join('\n') });
      i = j;
      continue;
    }
    if (line.includes('\t')) {
      let j = i;
      while (j < group.length && group[j]!.includes('\t')) j++;
      out.push(tableOf(group.slice(i, j).map((l) => l.split('\t'))));
      i = j;
      continue;
    }
    const cols = alignedCells(line);
    if (cols.length >= 2) {
      let j = i + 1;
      while (j < group.length && (alignedCells(group[j]!).length >= 2 || /^\s{2,}\S/.test(group[j]!)) && !BULLET.test(group[j]!)) j++;
      if (j - i >= 2) {
        const rows = group.slice(i, j).map((l) => (/^\s{2,}\S/.test(l) ? ['', ...alignedCells(l)] : alignedCells(l)));
        out.push(tableOf(rows));
        i = j;
        continue;
      }
    }
    // Prose: consecutive plain lines form one paragraph.
    let j = i + 1;
    while (j < group.length && !BULLET.test(group[j]!) && !/^ {4,}\S/.test(group[j]!) && !group[j]!.includes('\t') && alignedCells(group[j]!).length < 2) j++;
    out.push(textBlock(group.slice(i, j).join(' ')));
    i = j;
  }
  return out;
}

function alignedCells(line: string): string[] {
  return line.trim().split(/ {2,}/).filter((c) => c.length > 0);
}

function tableOf(raw: string[][]): Block {
  const rows = raw.slice(0, LIMITS.tableRows + 1).map((r) => r.map(cellOf));
  if (rows.length > LIMITS.tableRows) rows.length = LIMITS.tableRows + (rows[0]?.some((c) => STATUS_START.test(c.text)) ? 0 : 1);
  const first = rows[0];
  const hasHeader = rows.length >= 2 && first !== undefined && !first.some((c) => STATUS_START.test(c.text)) && rows.slice(1).some((r) => r.some((c) => STATUS_START.test(c.text)) || r.length === first.length) && first.every((c) => c.text.length <= 40 && !/[.!?]$/.test(c.text));
  return { kind: 'table', header: hasHeader ? first : undefined, rows: hasHeader ? rows.slice(1) : rows };
}

function textBlock(raw: string, role?: 'list'): Block {
  const c = cellOf(raw);
  return { kind: 'text', text: c.text, spans: c.spans, ...(role ? { role } : {}) };
}

/** Visible text of a piece of text that may hold inline HTML. */
function cellOf(raw: string): Cell {
  if (!/<\/?[a-z][^>]*>/i.test(raw)) return { text: squash(raw), code: [], spans: [] };
  const page = readHtml(`<p>${raw}</p>`);
  const block = page.blocks.find((b) => b.kind === 'text');
  return { text: block && block.kind === 'text' ? block.text : squash(raw), code: [], spans: block && block.kind === 'text' ? block.spans : [] };
}
