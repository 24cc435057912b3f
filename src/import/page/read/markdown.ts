/**
 * Markdown captures (CommonMark + GFM tables) parsed with mdast-util-from-markdown and the GFM
 * table extension, and mdast trees as MDX pipelines emit them. Headings get the anchors GitHub
 * and VuePress give them; `::: warning` containers (VuePress admonitions) become notes; a leading
 * YAML front matter block is skipped.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, Root, RootContent, TableCell } from 'mdast';
import { LIMITS, slug, squash, type Block, type Cell, type Page } from '../model.js';
import { readHtml } from './html.js';

const MAX_DEPTH = 200;

export function readMarkdown(text: string): Page {
  const tree = fromMarkdown(withoutFrontMatter(text), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return readMdast(tree, 'markdown');
}

export function isMdastRoot(v: unknown): v is Root {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'root' && Array.isArray((v as { children?: unknown }).children);
}

export function readMdast(tree: Root, shape = 'mdast'): Page {
  const blocks: Block[] = [];
  const seen = new Map<string, number>();
  let title: string | undefined;
  const visit = (nodes: RootContent[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const text = squash(inline(node));
          if (!text) break;
          let anchor = slug(text);
          const n = seen.get(anchor) ?? 0;
          seen.set(anchor, n + 1);
          if (n > 0) anchor = `${anchor}-${n}`;
          if (node.depth === 1) title ??= text;
          blocks.push({ kind: 'heading', level: node.depth, text, anchor });
          break;
        }
        case 'paragraph': {
          const raw = inline(node);
          const note = /^:::/.test(raw.trimStart());
          const text = squash(note ? raw.split('\n').filter((l) => !l.trim().startsWith(':::')).join(' ') : raw);
          if (text) blocks.push({ kind: 'text', text, spans: spans(node), ...(note ? { role: 'note' as const } : {}) });
          break;
        }
        case 'code':
          blocks.push({ kind: 'code', text: node.value, ...(node.lang ? { lang: node.lang } : {}) });
          break;
        case 'table': {
          const [head, ...rows] = node.children.map((r) => r.children.map(cell));
          blocks.push({ kind: 'table', header: head, rows: rows.slice(0, LIMITS.tableRows) });
          break;
        }
        case 'html':
          blocks.push(...readHtml(node.value).blocks);
          break;
        case 'list':
          for (const item of node.children) {
            const [first, ...rest] = item.children;
            if (first?.type === 'paragraph') {
              const text = squash(inline(first));
              if (text) blocks.push({ kind: 'text', text, spans: spans(first), role: 'list' });
              visit(rest, depth + 1);
            } else visit(item.children, depth + 1);
          }
          break;
        case 'blockquote':
          for (const b of node.children) {
            if (b.type === 'paragraph') { const text = squash(inline(b)); if (text) blocks.push({ kind: 'text', text, spans: spans(b), role: 'note' }); }
            else visit([b], depth + 1);
          }
          break;
        default:
          if ('children' in node && Array.isArray(node.children)) visit(node.children as RootContent[], depth + 1);
      }
    }
  };
  visit(tree.children, 0);
  return { shape, title, blocks };
}

/** Drop a leading `---` ... `---` YAML block, keeping the line count (positions stay right). */
function withoutFrontMatter(text: string): string {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return text;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0 || end > 200) return text;
  return lines.map((l, i) => (i <= end ? '' : l)).join('\n');
}

function cell(node: TableCell): Cell {
  return { text: squash(inline(node)), code: [], spans: spans(node) };
}

/** Visible text of inline content: text, inline code, and the text of inline HTML. */
function inline(node: Nodes, depth = 0): string {
  if (depth > MAX_DEPTH) return '';
  switch (node.type) {
    case 'text': case 'inlineCode': return node.value;
    case 'break': return '\n';
    case 'html': return readHtml(node.value).blocks.map((b) => ('text' in b ? b.text : '')).join(' ') || '';
    case 'image': return node.alt ?? '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map((c) => inline(c, depth + 1)).join('') : '';
  }
}

function spans(node: Nodes, out: string[] = [], depth = 0): string[] {
  if (depth > MAX_DEPTH) return out;
  if (node.type === 'inlineCode') out.push(node.value);
  else if ('children' in node) for (const c of node.children as Nodes[]) spans(c, out, depth + 1);
  return out;
}
