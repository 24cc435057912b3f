/**
 * Finds the error rows of a page: rows of tables with a status or code column, sections whose
 * heading is a status (`Code 404 Not Found`, `400 Bad Request`) or an error code, one row per
 * example in such a section, and the paragraphs of an "Error codes" section whose code column was
 * lost. Status-only table rows become context (not rows) when the page's rows are codes that the
 * page maps to no status. Whatever mentions an error status but matched no row is returned as
 * unplaced.
 */
import type { Block, Cell, Page } from './model.js';
import { CODE_KEYS, exampleMember, isErrorStatus, parseExample, quoteOf, statusKey, statusPhrase, type Status } from './text.js';

export interface HeaderRule { name: string; equals?: string; basis: string }

export interface Row {
  /** Position on the page (rows are returned in page order). */
  order: number;
  status: Status | undefined;
  /** The status as the page words it (`400: Bad Request`). */
  statusText: string | undefined;
  reason: string | undefined;
  code: string | undefined;
  /** The row sits where the page names codes (an "Error code" section) but its code is not on the page. */
  codeLost: boolean;
  /** The `title` member of the row's example, if any. */
  exampleTitle: string | undefined;
  /** The row's whole cause text; `quote` is its first two sentences. */
  text: string;
  quote: string;
  example: string | undefined;
  anchor: string | undefined;
  headers: HeaderRule[];
  /** false where the page marks the row as having no error body (✘). */
  hasBody: boolean | undefined;
  origin: 'table' | 'section' | 'paragraph';
  /** The heading of the section the row is in (for titles). */
  heading: string | undefined;
}

export interface Section { anchor: string; level: number; text: string; blocks: Block[]; parent: Section | undefined }

export interface Found {
  rows: Row[];
  /** Status-only rows kept as context for code rows without a status. */
  context: Row[];
  /** Examples that belong to no row (an error object shown once for the page). */
  pageExamples: string[];
  /** Media type the page names as the default for error bodies, with its sentence. */
  mediaType: { type: string; basis: string } | undefined;
  unplaced: string[];
  sections: Section[];
}

const CODE_WORD = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)$/;
const MEDIA_TYPE = /\b(application|text)\/[a-z0-9.+-]+\b/;

export function sectionsOf(page: Page): Section[] {
  const top: Section = { anchor: '', level: 0, text: page.title ?? '', blocks: [], parent: undefined };
  const out: Section[] = [top];
  const stack: Section[] = [top];
  for (const b of page.blocks) {
    if (b.kind === 'heading') {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= b.level) stack.pop();
      const s: Section = { anchor: b.anchor, level: b.level, text: b.text, blocks: [], parent: stack[stack.length - 1] };
      out.push(s);
      stack.push(s);
    } else stack[stack.length - 1]!.blocks.push(b);
  }
  return out;
}

export function findRows(page: Page): Found {
  const sections = sectionsOf(page);
  const rows: Row[] = [];
  const pageExamples: string[] = [];
  const used = new Set<Block>();
  const headerRules: Array<{ status: Status; rule: HeaderRule }> = [];
  let mediaType: Found['mediaType'];
  let order = 0;

  for (const s of sections) {
    const phrase = s.level > 0 ? statusPhrase(s.text) : undefined;
    const codeHeading = s.level > 0 && CODE_WORD.test(s.text.replace(/`/g, '')) ? s.text.replace(/`/g, '') : undefined;
    for (const b of s.blocks) if (b.kind === 'table') tableRows(b, s);
    if (phrase && isErrorStatus(phrase.status)) sectionRows(s, phrase.status, s.text, phrase.reason, undefined);
    else if (phrase && !isErrorStatus(phrase.status)) s.blocks.forEach((b) => used.add(b));
    else if (codeHeading) sectionRows(s, statusInSection(s), undefined, undefined, codeHeading);
    else if (/\berror[ -]?codes?\b|\berror catalog\b/i.test(s.text)) paragraphRows(s);
  }

  function push(r: Omit<Row, 'order'>): void { rows.push({ ...r, order: order++ }); }

  function tableRows(t: Extract<Block, { kind: 'table' }>, s: Section): void {
    const width = Math.max(t.header?.length ?? 0, ...t.rows.map((r) => r.length));
    const names = Array.from({ length: width }, (_, i) => t.header?.[i]?.text.toLowerCase() ?? '');
    const col = (i: number): Cell[] => t.rows.map((r) => r[i]).filter((c): c is Cell => c !== undefined);
    const share = (i: number, test: (c: Cell) => boolean): number => { const cells = col(i).filter((c) => c.text || c.code.length); return cells.length ? cells.filter(test).length / cells.length : 0; };
    const statusCol = indexWhere(width, (i) => share(i, (c) => statusPhrase(c.text) !== undefined) >= 0.6);
    const codeCol = indexWhere(width, (i) => i !== statusCol && share(i, (c) => CODE_WORD.test(c.text.replace(/`/g, ''))) >= 0.6);
    const headerCol = indexWhere(width, (i) => /header/.test(names[i]!) && share(i, (c) => /^[A-Za-z0-9-]+$/.test(c.text)) >= 0.6);
    const bodyCol = indexWhere(width, (i) => share(i, (c) => /^[✔✓✘✗×]$|^(yes|no)$/i.test(c.text)) >= 0.8);
    const descCol = indexWhere(width, (i) => i !== statusCol && i !== codeCol && i !== headerCol && i !== bodyCol && /returned when|description|usage|meaning|when|cause|reason|message|detail/.test(names[i]!))
      ?? longestTextCol(width, col, [statusCol, codeCol, headerCol, bodyCol]);
    if (headerCol !== undefined && statusCol === undefined) {
      // A table of headers every error carries: the media type may be named here.
      for (const r of t.rows) {
        const name = r[headerCol]?.text ?? '';
        const desc = descCol !== undefined ? r[descCol]?.text ?? '' : '';
        const m = /content-type/i.test(name) ? MEDIA_TYPE.exec(desc) : null;
        if (m) mediaType = { type: m[0], basis: sentenceWith(desc, m[0]) };
      }
      used.add(t);
      return;
    }
    if (statusCol === undefined && codeCol === undefined) return;
    used.add(t);
    for (const r of t.rows) {
      const phrase = statusCol !== undefined ? statusPhrase(r[statusCol]?.text ?? '') : undefined;
      if (phrase && !isErrorStatus(phrase.status)) continue;
      const desc = descCol !== undefined ? r[descCol]?.text ?? '' : '';
      if (headerCol !== undefined && phrase) {
        const cell = r[descCol ?? -1];
        const name = r[headerCol]?.text ?? '';
        if (name) headerRules.push({ status: phrase.status, rule: { name, ...(cell?.spans.length ? { equals: cell.spans[cell.spans.length - 1]! } : {}), basis: desc } });
        continue;
      }
      const example = r.flatMap((c) => c.code)[0];
      const code = codeCol !== undefined ? r[codeCol]?.text.replace(/`/g, '') : example !== undefined ? codeOf(example) : undefined;
      if (!phrase && !code) continue;
      const mark = bodyCol !== undefined ? r[bodyCol]?.text ?? '' : '';
      push({
        status: phrase?.status, statusText: phrase ? r[statusCol!]!.text : undefined, reason: phrase?.reason, code, codeLost: false,
        exampleTitle: example !== undefined ? titleOf(example) : undefined,
        text: desc, quote: quoteOf(desc), example, anchor: s.anchor || undefined, headers: [],
        hasBody: mark ? /^[✔✓]$|^yes$/i.test(mark) : undefined, origin: 'table', heading: s.text || undefined,
      });
    }
  }

  function sectionRows(s: Section, status: Status | undefined, heading: string | undefined, reason: string | undefined, code: string | undefined): void {
    const prose = s.blocks.find((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text' && b.role === undefined && !/^examples?:?$/i.test(b.text));
    const examples = s.blocks.filter((b): b is Extract<Block, { kind: 'code' }> => b.kind === 'code');
    s.blocks.forEach((b) => { if (b.kind !== 'table') used.add(b); });
    const text = prose?.text ?? '';
    const base = { status, statusText: heading, reason, codeLost: false, text, quote: quoteOf(text), anchor: s.anchor, headers: [], hasBody: undefined, origin: 'section' as const, heading: s.text };
    if (examples.length === 0) { push({ ...base, code, exampleTitle: undefined, example: undefined }); return; }
    for (const ex of examples) push({ ...base, code: code ?? codeOf(ex.text), exampleTitle: titleOf(ex.text), example: ex.text });
  }

  function paragraphRows(s: Section): void {
    const paras = s.blocks.filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text' && b.role === undefined);
    if (paras.length < 2 || s.blocks.some((b) => b.kind === 'table')) return;
    for (const p of paras) {
      used.add(p);
      // "not-found: The requested resource ..." keeps its code; a bare description lost it.
      const m = /^`?([A-Za-z][\w.-]*)`?\s*[:—–-]\s+(.+)$/.exec(p.text);
      const code = m && CODE_WORD.test(m[1]!) ? m[1]! : undefined;
      const text = code ? m![2]! : p.text;
      push({ status: undefined, statusText: undefined, reason: undefined, code, codeLost: !code, exampleTitle: undefined, text, quote: quoteOf(text), example: undefined, anchor: s.anchor, headers: [], hasBody: undefined, origin: 'paragraph', heading: s.text });
    }
  }

  // Section rows win over table rows of the same status that carry nothing else (an overview table).
  const sectionStatuses = new Set(rows.filter((r) => r.origin === 'section' && r.status !== undefined).map((r) => statusKey(r.status!)));
  let kept = rows.filter((r) => !(r.origin === 'table' && !r.code && !r.example && r.status !== undefined && sectionStatuses.has(statusKey(r.status))));
  // Code rows with no status: status-only rows are then the page's status legend, not errors of their own.
  let context: Row[] = [];
  if (kept.some((r) => r.status === undefined && (r.code || r.codeLost))) {
    context = kept.filter((r) => r.status !== undefined && !r.code && !r.example);
    kept = kept.filter((r) => !context.includes(r));
  }
  for (const { status, rule } of headerRules) for (const r of kept) if (r.status !== undefined && statusKey(r.status) === statusKey(status)) r.headers.push(rule);
  for (const s of sections) for (const b of s.blocks) if (b.kind === 'code' && !used.has(b)) pageExamples.push(b.text);

  const unplaced: string[] = [];
  const rowTexts = new Set(kept.map((r) => r.text));
  for (const s of sections) for (const b of s.blocks) {
    if (used.has(b) || b.kind !== 'text' || rowTexts.has(b.text)) continue;
    if (/\b[45](\d\d|xx)\b/.test(b.text) && unplaced.length < 100) unplaced.push(b.text);
  }
  return { rows: kept.sort((a, b) => a.order - b.order), context, pageExamples, mediaType, unplaced, sections };
}

function indexWhere(n: number, test: (i: number) => boolean): number | undefined {
  for (let i = 0; i < n; i++) if (test(i)) return i;
  return undefined;
}

function longestTextCol(n: number, col: (i: number) => Cell[], skip: Array<number | undefined>): number | undefined {
  let best: number | undefined;
  let bestLen = 0;
  for (let i = 0; i < n; i++) {
    if (skip.includes(i)) continue;
    const len = col(i).reduce((a, c) => a + c.text.length, 0);
    if (len > bestLen) { best = i; bestLen = len; }
  }
  return best;
}

function sentenceWith(text: string, needle: string): string {
  return text.split(/(?<=[.!?])\s+/).find((s) => s.includes(needle)) ?? text;
}

/** The error code an example carries (`errorCode`, `code`, ...), read leniently. */
export function codeOf(example: string): string | undefined {
  for (const k of CODE_KEYS) {
    const v = exampleMember(example, k);
    if (typeof v === 'string' && /^[\w.-]+$/.test(v)) return v;
  }
  return undefined;
}

function titleOf(example: string): string | undefined {
  const v = exampleMember(example, 'title');
  return typeof v === 'string' ? v : undefined;
}

/** A status named in a code section's text ("Status: 404", "HTTP 404 Not Found"). */
function statusInSection(s: Section): Status | undefined {
  for (const b of s.blocks) {
    if (b.kind !== 'text') continue;
    const m = /\b(?:status(?: code)?|HTTP)\s*:?\s*([1-5]\d\d)\b/i.exec(b.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

export { parseExample };
