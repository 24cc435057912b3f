/**
 * Reads a captured documentation page into what the quote lint compares against: the page's
 * visible text (markup stripped, every run of whitespace one space, nothing else changed), the
 * anchors it defines with the stretch of text each one's section covers, and the examples it
 * prints (`<pre>`/`<code>` text, fenced or indented code), exactly as printed.
 *
 * Formats: HTML (htmlparser2), Markdown (markdown-it, headings slugged as GitHub does with
 * github-slugger, `{#id}` honoured), plain text, and the wrappers captures come in: a JSON page
 * payload holding HTML (its longest HTML string is the page) or a Markdoc tree (`$$mdtype` nodes).
 * A structured document (an OpenAPI description in JSON or YAML) is text too: its strings, in
 * document order; every JSON pointer is an anchor (`#/paths/~1pets/get/responses/404`) whose section
 * is the subtree's text, and every value under an `example`/`examples` key is a printed example
 * (as 2-space JSON, or the string itself).
 * Plain text has no markup for headings, so a heading there is a short stand-alone line (see
 * `isTextHeading`); its anchor is its GitHub slug and its section runs to the next such line.
 */
import GithubSlugger from 'github-slugger';
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';

export type PageFormat = 'html' | 'markdown' | 'text' | 'document';

export interface Section { start: number; end: number }

export interface PageText {
  format: PageFormat;
  /** visible text, whitespace normalised */
  text: string;
  /** anchor id -> the part of `text` its section covers */
  anchors: Map<string, Section>;
  /** printed examples, raw (a `<pre>`'s leading newline dropped, as a browser does) */
  examples: string[];
  /**
   * One text per printed block, where `examples` holds several readings of one (plain text: each
   * indented block as printed and without its indent); absent: `examples` are the blocks.
   */
  blocks?: string[];
}

/** Whitespace normalisation shared by the page and the quotes compared with it. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Read a capture; `name` (its file name) decides the format unless the content is a JSON payload. */
export function readPage(content: string, name: string): PageText {
  const trimmed = content.trimStart();
  const ext = name.toLowerCase().replace(/^.*\./, '');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const html = fromJsonPayload(content);
    if (html !== undefined) return { ...readHtml(html), format: 'html' };
    try { return readDocument(JSON.parse(content)); } catch { /* not JSON after all: read as text */ }
  }
  if (ext === 'yaml' || ext === 'yml') return readDocument(parseYaml(content));
  if (ext === 'html' || ext === 'htm' || /^<(!doctype html|html[\s>])/i.test(trimmed)) return readHtml(content);
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return readMarkdown(content);
  return readText(content);
}

// ---------------------------------------------------------------- HTML

const SKIPPED = new Set(['script', 'style', 'svg', 'template', 'noscript', 'head', 'math']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Builds normalised text incrementally, so offsets can be taken while parsing. */
class TextBuilder {
  private parts: string[] = [];
  length = 0;
  private space = false;
  add(raw: string): void {
    for (const chunk of raw.split(/(\s+)/)) {
      if (!chunk) continue;
      if (/^\s+$/.test(chunk)) { this.space = true; continue; }
      if (this.space && this.length > 0) { this.parts.push(' '); this.length += 1; }
      this.space = false;
      this.parts.push(chunk);
      this.length += chunk.length;
    }
  }
  /** a block boundary: words on either side never run together */
  gap(): void { this.space = true; }
  /** offset where the next word will start */
  get next(): number { return this.length + (this.space && this.length > 0 ? 1 : 0); }
  toString(): string { return this.parts.join(''); }
}

export function readHtml(html: string, slugHeadings = false): PageText {
  const out = new TextBuilder();
  const examples: string[] = [];
  const headings: { level: number; start: number; ids: string[] }[] = [];
  const marks: { id: string; start: number; end: number; heading?: number }[] = [];
  const open: { name: string; skip: boolean; mark?: number; raw?: string[] }[] = [];
  const slugger = new GithubSlugger();
  let skipDepth = 0;
  let heading: { index: number; text: string[] } | undefined;
  let pre = 0;
  const raws = (): { raw?: string[] }[] => open.filter((o) => o.raw);
  const parser = new Parser({
    onopentag(name, attrs) {
      const skip = skipDepth > 0 || SKIPPED.has(name) || 'hidden' in attrs;
      const frame: (typeof open)[number] = { name, skip };
      open.push(frame);
      if (skip) { skipDepth += 1; return; }
      if (BLOCK.has(name)) out.gap();
      const level = /^h([1-6])$/.exec(name)?.[1];
      if (level) {
        headings.push({ level: Number(level), start: out.next, ids: [] });
        heading = { index: headings.length - 1, text: [] };
      }
      const id = attrs.id ?? (name === 'a' ? attrs.name : undefined);
      if (id) {
        frame.mark = marks.length;
        marks.push({ id, start: out.next, end: out.next, ...(heading ? { heading: heading.index } : {}) });
      }
      if (name === 'pre') { pre += 1; frame.raw = []; } else if (name === 'code' && pre === 0) frame.raw = [];
    },
    ontext(text) {
      if (skipDepth > 0) return;
      out.add(text);
      heading?.text.push(text);
      for (const f of raws()) f.raw!.push(text);
    },
    onclosetag(name) {
      const frame = open.pop();
      if (!frame) return;
      if (frame.skip) { skipDepth -= 1; return; }
      if (frame.mark !== undefined) marks[frame.mark]!.end = out.length;
      if (frame.raw) {
        const raw = frame.raw.join('');
        examples.push(name === 'pre' ? raw.replace(/^\r?\n/, '') : raw);
        if (name === 'pre') pre -= 1;
      }
      if (/^h[1-6]$/.test(name) && heading) {
        if (slugHeadings) {
          const h = headings[heading.index]!;
          const text = heading.text.join('');
          const explicit = /\{#([^}\s]+)\}\s*$/.exec(text)?.[1];
          const id = explicit ?? slugger.slug(normaliseSpace(text));
          marks.push({ id, start: h.start, end: out.length, heading: heading.index });
        }
        heading = undefined;
      }
      if (BLOCK.has(name)) out.gap();
    },
  }, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  const text = out.toString();
  const sectionOfHeading = (i: number): Section => {
    const h = headings[i]!;
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    return { start: h.start, end: next ? next.start : text.length };
  };
  const anchors = new Map<string, Section>();
  for (const m of marks) {
    if (anchors.has(m.id)) continue; // the first definition wins, as in a browser
    if (m.heading !== undefined) { anchors.set(m.id, sectionOfHeading(m.heading)); continue; }
    if (m.end > m.start) { anchors.set(m.id, { start: m.start, end: m.end }); continue; }
    // an empty marker (`<a name="x"></a>`): its section is the heading that follows it
    const i = headings.findIndex((h) => h.start >= m.start);
    anchors.set(m.id, i >= 0 ? sectionOfHeading(i) : { start: m.start, end: text.length });
  }
  return { format: 'html', text, anchors, examples };
}

// ---------------------------------------------------------------- Markdown

export function readMarkdown(md: string): PageText {
  // Front matter and container fences (`::: warning` ... `:::`) are markup, not text.
  const body = md.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^:::.*$/gm, '');
  const html = new MarkdownIt({ html: true, linkify: false }).render(body);
  return { ...readHtml(html, true), format: 'markdown' };
}

// ---------------------------------------------------------------- JSON payloads

/** The HTML a JSON page payload carries: a Markdoc tree rendered, else its longest HTML string. */
function fromJsonPayload(content: string): string | undefined {
  let data: unknown;
  try { data = JSON.parse(content); } catch { return undefined; }
  const markdoc = findMarkdoc(data);
  if (markdoc) return renderMarkdoc(markdoc);
  let best: string | undefined;
  const walk = (v: unknown): void => {
    if (typeof v === 'string') { if (/<[a-z][a-z0-9]*[\s>]/i.test(v) && v.length > (best?.length ?? 0)) best = v; return; }
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return best;
}

interface MarkdocTag { $$mdtype: 'Tag'; name: string; attributes?: Record<string, unknown>; children?: unknown[] }
const isTag = (v: unknown): v is MarkdocTag => !!v && typeof v === 'object' && (v as { $$mdtype?: unknown }).$$mdtype === 'Tag';

function findMarkdoc(v: unknown): MarkdocTag | undefined {
  if (isTag(v)) return v;
  if (Array.isArray(v)) { for (const x of v) { const t = findMarkdoc(x); if (t) return t; } return undefined; }
  if (v && typeof v === 'object') { for (const x of Object.values(v)) { const t = findMarkdoc(x); if (t) return t; } }
  return undefined;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Markdoc's own HTML rendering, reduced to what the text needs: tag, id, children. */
function renderMarkdoc(node: unknown): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(renderMarkdoc).join('');
  if (!isTag(node)) return '';
  const a = node.attributes ?? {};
  // Components: headings carry their level; links stay inline; any other component is a block.
  const name = node.name === 'Heading' ? `h${Number(a.level) || 2}` : /^[a-z][a-z0-9]*$/.test(node.name) ? node.name : /link/i.test(node.name) ? 'a' : 'div';
  const id = typeof a.id === 'string' ? ` id="${escapeHtml(a.id)}"` : '';
  const inner = renderMarkdoc(node.children ?? []);
  return `<${name}${id}>${inner}</${name}>`;
}

// ---------------------------------------------------------------- plain text

/** Tags that leaked into a plain-text capture (`<code>Accept</code>`) are markup too. */
const STRAY_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/g;

/**
 * A plain-text heading: a line that stands alone (blank line or start of text before and after),
 * starts at the margin with a letter or digit, has at most six words and does not end like a
 * sentence or a label (. , ; : ! ?).
 */
export function isTextHeading(lines: string[], i: number): boolean {
  const line = lines[i]!;
  const blank = (j: number): boolean => j < 0 || j >= lines.length || lines[j]!.trim() === '';
  return /^[\p{L}\p{N}]/u.test(line) && !line.includes('\t') && !/[.,;:!?]\s*$/.test(line)
    && line.trim().split(/\s+/).length <= 6 && blank(i - 1) && blank(i + 1);
}

export function readText(content: string): PageText {
  const lines = content.split(/\r?\n/);
  const out = new TextBuilder();
  const starts: number[] = [];
  for (const line of lines) {
    out.gap();
    starts.push(out.next);
    out.add(line.replace(STRAY_TAG, ''));
  }
  const text = out.toString();
  const heads = lines.map((_, i) => i).filter((i) => isTextHeading(lines, i));
  const slugger = new GithubSlugger();
  const anchors = new Map<string, Section>();
  heads.forEach((li, k) => {
    const id = slugger.slug(normaliseSpace(lines[li]!));
    const next = heads[k + 1];
    if (!anchors.has(id)) anchors.set(id, { start: starts[li]!, end: next === undefined ? text.length : starts[next]! });
  });
  // examples: runs of lines indented by a tab or four spaces, as printed and with the indent removed
  const examples: string[] = [];
  const blocks: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length) {
      const raw = run.join('\n');
      const indent = Math.min(...run.map((l) => /^\s*/.exec(l)![0].length));
      examples.push(raw, run.map((l) => l.slice(indent)).join('\n'));
      blocks.push(raw);
    }
    run = [];
  };
  for (const line of lines) { if (/^( {4}|\t)\s*\S/.test(line)) run.push(line); else flush(); }
  flush();
  return { format: 'text', text, anchors, examples, blocks };
}

// ---------------------------------------------------------------- structured documents

export function readDocument(root: unknown): PageText {
  const out = new TextBuilder();
  const anchors = new Map<string, Section>();
  const examples: string[] = [];
  const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (v: unknown, pointer: string, inExample: boolean): void => {
    const start = out.next;
    if (inExample) examples.push(typeof v === 'string' ? v : JSON.stringify(v, null, 2));
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach((x, i) => { out.gap(); walk(x, `${pointer}/${i}`, false); });
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.gap();
        // OpenAPI 3 `example` and `examples/<name>/value`; Swagger 2.0 `responses/<code>/examples/<media type>`
        const sub = inExample ? false : k === 'example' || (k === 'value' && /\/examples\/[^/]+$/.test(pointer)) || /\/responses\/[^/]+\/examples$/.test(pointer);
        walk(x, `${pointer}/${esc(k)}`, sub);
        if (k === 'examples' && Array.isArray(x)) x.forEach((e) => examples.push(typeof e === 'string' ? e : JSON.stringify(e, null, 2)));
      }
    }
    out.gap();
    if (pointer) anchors.set(pointer, { start, end: out.length });
  };
  const refs: [string, string][] = [];
  const findRefs = (v: unknown, pointer: string): void => {
    if (!v || typeof v !== 'object') return;
    const ref = (v as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) refs.push([pointer, decodeURIComponent(ref.slice(1))]);
    for (const [k, x] of Object.entries(v)) findRefs(x, `${pointer}/${esc(k)}`);
  };
  walk(root, '', false);
  findRefs(root, '');
  // a local $ref reads as what it points at (followed a few times, for chains)
  for (let round = 0; round < 5; round++) for (const [at, target] of refs) { const s = anchors.get(target); if (s) anchors.set(at, s); }
  const text = out.toString();
  return { format: 'document', text, anchors, examples };
}
