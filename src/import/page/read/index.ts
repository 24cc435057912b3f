/**
 * Which reader a capture needs: a JSON page payload (holding a Markdoc tree, an mdast tree, HTML
 * or Markdown), an HTML page, Markdown, or plain text. Binary and oversized input is refused
 * with a message instead of being parsed.
 */
import { CaptureError, LIMITS, type Page } from '../model.js';
import { readHtml } from './html.js';
import { isMarkdocNode, readMarkdoc } from './markdoc.js';
import { isMdastRoot, readMarkdown, readMdast } from './markdown.js';
import { readText } from './text.js';

export function readCapture(bytes: Buffer, label: string): Page {
  if (bytes.length > LIMITS.captureBytes) throw new CaptureError(`${label}: ${bytes.length} bytes is more than a page capture can be (limit ${LIMITS.captureBytes})`);
  if (bytes.length === 0) throw new CaptureError(`${label}: the file is empty`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const bad = countBinary(text);
  if (bad > Math.max(8, text.length / 100)) throw new CaptureError(`${label}: this looks like binary data, not a captured page (${bad} control or undecodable characters)`);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try { json = JSON.parse(text); } catch (err) {
      throw new CaptureError(`${label}: starts like a JSON page payload but is not valid JSON (${(err as Error).message})`);
    }
    return readPayload(json, label);
  }
  if (looksLikeHtml(trimmed)) return readHtml(text);
  if (looksLikeMarkdown(text)) return readMarkdown(text);
  return readText(text);
}

function countBinary(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) n++;
  }
  return n;
}

function looksLikeHtml(t: string): boolean {
  return /^<(!doctype|html|head|body|h[1-6]|div|p|table|section|article|main)\b/i.test(t);
}

function looksLikeMarkdown(t: string): boolean {
  return /^#{1,6} \S/m.test(t) || /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(t) || /^(```|~~~)/m.test(t);
}

interface Found { markdoc?: Record<string, unknown>; mdast?: Parameters<typeof readMdast>[0]; html?: string; markdown?: string; title?: string }

/** The page inside a JSON payload: a Markdoc tree first, then an mdast tree, then the longest HTML or Markdown string. */
function readPayload(json: unknown, label: string): Page {
  const found: Found = {};
  const stack: Array<{ v: unknown; key: string; depth: number }> = [{ v: json, key: '', depth: 0 }];
  let visited = 0;
  while (stack.length && visited++ < 2_000_000) {
    const { v, key, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (key === 'title' && !found.title && v.trim()) found.title = v.trim();
      if (v.length > 40 && looksLikeHtml(v.trimStart()) && v.length > (found.html?.length ?? 0)) found.html = v;
      else if (v.length > 40 && looksLikeMarkdown(v) && v.length > (found.markdown?.length ?? 0)) found.markdown = v;
      continue;
    }
    if (typeof v !== 'object' || v === null || depth > 100) continue;
    if (!found.markdoc && isMarkdocNode(v) && Array.isArray(v['children'])) { found.markdoc = v; continue; }
    if (!found.mdast && isMdastRoot(v)) { found.mdast = v; continue; }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], key: entries[i]![0], depth: depth + 1 });
  }
  const page = found.markdoc ? readMarkdoc(found.markdoc)
    : found.mdast ? readMdast(found.mdast)
    : found.html ? readHtml(found.html, 'json-html')
    : found.markdown ? { ...readMarkdown(found.markdown), shape: 'json-markdown' }
    : undefined;
  if (!page) throw new CaptureError(`${label}: a JSON payload, but it holds no page (no HTML, Markdown, Markdoc or mdast tree found)`);
  return { ...page, title: page.title ?? found.title };
}
