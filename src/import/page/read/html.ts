/**
 * HTML captures (a saved page, or the HTML a JSON page payload carries), parsed with htmlparser2
 * (forgiving: broken markup still gives a tree) into blocks: headings with their anchors,
 * paragraphs and list items, `<pre>` examples, and tables with rowspan/colspan resolved.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { LIMITS, slug, squash, type Block, type Cell, type Page } from '../model.js';

const SKIP = new Set(['script', 'style', 'svg', 'template', 'noscript', 'head', 'button', 'nav']);
const HEADINGS = /^h([1-6])$/;
/** Deeper nesting than this is not read (a page nests a few dozen levels; hostile input nests millions). */
const MAX_DEPTH = 400;
const TEXT_BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'blockquote', 'figcaption', 'summary', 'caption']);
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'aside', 'header', 'footer', 'ul', 'ol', 'dl', 'details', 'figure', 'span', 'form']);

export function readHtml(html: string, shape = 'html'): Page {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  return readDom(doc.children, shape);
}

/** Blocks of an already built DOM (the Markdoc reader builds one from a render tree). */
export function readDom(nodes: ChildNode[], shape: string): Page {
  const blocks: Block[] = [];
  walk(nodes, blocks, 0);
  return { shape, title: findTitle(nodes), blocks };
}

function findTitle(nodes: ChildNode[], depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const n of nodes) {
    if (!isTag(n)) continue;
    if (n.name === 'title' || n.name === 'h1') { const t = squash(visible(n)); if (t) return t; }
    const inner = findTitle(n.children, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** Visible text of a node: text nodes, without skipped elements; `<br>` counts as a space. */
export function visible(node: ChildNode, depth = 0): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || SKIP.has(node.name) || depth > MAX_DEPTH) return '';
  if (node.name === 'br') return ' ';
  return node.children.map((c) => visible(c, depth + 1)).join('');
}

function spansOf(node: ChildNode, out: string[] = [], depth = 0): string[] {
  if (!isTag(node) || SKIP.has(node.name) || node.name === 'pre' || depth > MAX_DEPTH) return out;
  if (node.name === 'code') { const t = squash(visible(node)); if (t) out.push(t); return out; }
  for (const c of node.children) spansOf(c, out, depth + 1);
  return out;
}

/** Text of a `<pre>` as a browser shows it: the newline right after the tag and trailing blank lines dropped. */
function preText(node: Element): string {
  return node.children.map(visible).join('').replace(/^\r?\n/, '').replace(/\s+$/, '');
}

function walk(nodes: ChildNode[], out: Block[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  let inline: ChildNode[] = [];
  const flush = (): void => {
    const text = squash(inline.map(visible).join(''));
    if (text) out.push({ kind: 'text', text, spans: inline.flatMap((n) => spansOf(n)) });
    inline = [];
  };
  for (const node of nodes) {
    if (out.length >= LIMITS.blocks) return;
    if (!isTag(node)) { if (isText(node)) inline.push(node); continue; }
    const name = node.name;
    if (SKIP.has(name)) continue;
    const h = HEADINGS.exec(name);
    if (h) { flush(); heading(node, Number(h[1]), out); continue; }
    if (name === 'pre') { flush(); out.push({ kind: 'code', text: preText(node) }); continue; }
    if (name === 'table') { flush(); out.push(table(node)); continue; }
    if (TEXT_BLOCKS.has(name)) {
      flush();
      // A list item or quote may hold nested blocks (lists, examples): its own text first, then those.
      const own = node.children.filter((c) => !(isTag(c) && isBlockish(c)));
      const text = squash(own.map(visible).join(''));
      if (text) out.push({ kind: 'text', text, spans: own.flatMap((n) => spansOf(n)), ...(name === 'li' ? { role: 'list' as const } : name === 'blockquote' ? { role: 'note' as const } : {}) });
      walk(node.children.filter((c) => isTag(c) && isBlockish(c)), out, depth + 1);
      continue;
    }
    if (CONTAINERS.has(name) || isBlockish(node)) { flush(); walk(node.children, out, depth + 1); continue; }
    inline.push(node);
  }
  flush();
}

function isBlockish(n: Element): boolean {
  return HEADINGS.test(n.name) || n.name === 'pre' || n.name === 'table' || TEXT_BLOCKS.has(n.name) || (CONTAINERS.has(n.name) && n.name !== 'span');
}

function heading(node: Element, level: number, out: Block[]): void {
  const text = squash(visible(node));
  if (!text) return;
  out.push({ kind: 'heading', level, text, anchor: anchorOf(node) ?? slug(text) });
}

/** The heading's own id, else an id or permalink (`<a href="#x">`) inside it. */
function anchorOf(node: Element): string | undefined {
  if (node.attribs['id']) return node.attribs['id'];
  const stack: ChildNode[] = [...node.children];
  let href: string | undefined;
  while (stack.length) {
    const n = stack.shift()!;
    if (!isTag(n)) continue;
    if (n.attribs['id']) return n.attribs['id'];
    if (n.name === 'a' && n.attribs['name']) return n.attribs['name'];
    if (n.name === 'a' && n.attribs['href']?.startsWith('#') && n.attribs['href'].length > 1) href ??= n.attribs['href'].slice(1);
    stack.push(...n.children);
  }
  return href;
}

interface GridCell { cell: Cell; header: boolean }

/** A table as a grid (rowspan/colspan copied into every slot they cover); leading all-header rows are its header. */
function table(node: Element): Block {
  const trs: Element[] = [];
  const collect = (n: ChildNode, depth: number): void => {
    if (!isTag(n) || (n.name === 'table' && n !== node) || depth > MAX_DEPTH || trs.length > LIMITS.tableRows + 4) return;
    if (n.name === 'tr') { trs.push(n); return; }
    n.children.forEach((c) => collect(c, depth + 1));
  };
  node.children.forEach((c) => collect(c, 0));
  const grid: GridCell[][] = [];
  let pending: Array<{ col: number; left: number; value: GridCell }> = [];
  for (const tr of trs.slice(0, LIMITS.tableRows + 4)) {
    const row: GridCell[] = [];
    // Fill the slots cells of earlier rows span into, up to the next free column.
    const carry = (): void => {
      for (;;) {
        const carried = pending.find((p) => p.col === row.length && p.left > 0);
        if (!carried) break;
        carried.left--;
        row.push(carried.value);
      }
    };
    const place = (value: GridCell): void => { carry(); row.push(value); };
    for (const td of tr.children) {
      if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
      const value: GridCell = { cell: cellOf(td), header: td.name === 'th' || onlyStrong(td) };
      const colspan = clampSpan(td.attribs['colspan']);
      const rowspan = clampSpan(td.attribs['rowspan']);
      for (let i = 0; i < colspan; i++) {
        place(value);
        if (rowspan > 1) pending.push({ col: row.length - 1, left: rowspan - 1, value });
      }
    }
    carry();
    grid.push(row);
    pending = pending.filter((p) => p.left > 0);
  }
  let headerRows = 0;
  while (headerRows < grid.length && grid[headerRows]!.length > 0 && grid[headerRows]!.every((c) => c.header || !c.cell.text)) headerRows++;
  const header = headerRows > 0 ? grid[headerRows - 1]!.map((c) => c.cell) : undefined;
  return { kind: 'table', header, rows: grid.slice(headerRows, headerRows + LIMITS.tableRows).map((r) => r.map((c) => c.cell)) };
}

function clampSpan(v: string | undefined): number {
  const n = Number(v ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 50) : 1;
}

function onlyStrong(td: Element): boolean {
  const kids = td.children.filter((c) => !(isText(c) && !c.data.trim()));
  return kids.length > 0 && kids.every((c) => isTag(c) && (c.name === 'strong' || c.name === 'b'));
}

function cellOf(td: Element): Cell {
  const code: string[] = [];
  const textParts: string[] = [];
  const visit = (n: ChildNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isTag(n) && n.name === 'pre') { code.push(preText(n)); return; }
    if (isTag(n) && !SKIP.has(n.name)) { if (n.name === 'br') textParts.push(' '); else n.children.forEach((c) => visit(c, depth + 1)); return; }
    if (isText(n)) textParts.push(n.data);
  };
  td.children.forEach((c) => visit(c, 0));
  return { text: squash(textParts.join('')), code, spans: td.children.flatMap((n) => spansOf(n)) };
}
