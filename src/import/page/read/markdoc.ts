/**
 * Markdoc render trees (`{"$$mdtype": "Tag", "name": ..., "attributes": ..., "children": [...]}`,
 * as page payloads of Markdoc-based portals carry them). The tree is turned into a DOM of plain
 * HTML elements (Heading -> h1..h6 with its id, fences -> pre, unknown components -> div), which
 * the HTML reader then reads like any page.
 */
import { Element, Text, type ChildNode } from 'domhandler';
import type { Page } from '../model.js';
import { readDom } from './html.js';

const MAX_DEPTH = 200;

export function isMarkdocNode(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)['$$mdtype'] === 'Tag';
}

export function readMarkdoc(root: Record<string, unknown>): Page {
  return readDom(toDom([root], 0), 'markdoc');
}

const CODE_COMPONENTS = /^(fence|codeblock|code-block|codesnippet|pre)$/i;

function toDom(nodes: unknown[], depth: number): ChildNode[] {
  if (depth > MAX_DEPTH) return [];
  const out: ChildNode[] = [];
  for (const n of nodes) {
    if (typeof n === 'string' || typeof n === 'number') { out.push(new Text(String(n))); continue; }
    if (!isMarkdocNode(n)) continue;
    const name = typeof n['name'] === 'string' ? n['name'] : 'div';
    const attrs = (typeof n['attributes'] === 'object' && n['attributes'] !== null ? n['attributes'] : {}) as Record<string, unknown>;
    const children = Array.isArray(n['children']) ? n['children'] : [];
    if (name === 'Heading') {
      const level = Math.min(6, Math.max(1, Number(attrs['level']) || 2));
      const el = new Element(`h${level}`, typeof attrs['id'] === 'string' ? { id: attrs['id'] } : {}, toDom(children, depth + 1));
      out.push(el);
      continue;
    }
    if (CODE_COMPONENTS.test(name)) {
      // Markdoc fences carry their text as children or in a `source`/`content` attribute.
      const source = typeof attrs['source'] === 'string' ? attrs['source'] : typeof attrs['content'] === 'string' ? attrs['content'] : undefined;
      out.push(new Element('pre', {}, source !== undefined ? [new Text(source)] : toDom(children, depth + 1)));
      continue;
    }
    const html = /^[a-z][a-z0-9]*$/.test(name) ? name : name === 'MarkdownLink' || name === 'Link' ? 'a' : name === 'Admonition' || name === 'Callout' ? 'blockquote' : 'div';
    out.push(new Element(html, {}, toDom(children, depth + 1)));
  }
  return out;
}
