/**
 * The one shape every capture is read into: a flat list of blocks in page order. Readers (one per
 * capture shape, in read/) produce it; the finder (find.ts) and the detectors (findings/) only
 * ever see this, so a new capture shape is one new reader.
 */

/** A table cell: its visible text (examples excluded) and the examples (`<pre>`, fences) inside it. */
export interface Cell {
  text: string;
  code: string[];
  /** Inline code spans inside the cell (`<code>x</code>`, `` `x` ``), in order. */
  spans: string[];
}

export type Block =
  | { kind: 'heading'; level: number; text: string; anchor: string }
  /** A paragraph, list item or admonition: visible text, whitespace collapsed. */
  | { kind: 'text'; text: string; spans: string[]; role?: 'list' | 'note' }
  /** A printed example, exactly as printed. */
  | { kind: 'code'; text: string; lang?: string }
  | { kind: 'table'; header: Cell[] | undefined; rows: Cell[][] };

export interface Page {
  /** Which reader produced it: html, json-html, markdoc, mdast, markdown, text. */
  shape: string;
  title: string | undefined;
  blocks: Block[];
}

/** Limits that keep hostile captures bounded in time and memory. */
export const LIMITS = {
  /** Bytes of a capture read at all (the largest real error page seen is far below 1 MiB). */
  captureBytes: 4 * 1024 * 1024,
  /** Table rows kept per table; the rest are reported as cut. */
  tableRows: 5000,
  /** Blocks kept per page. */
  blocks: 50000,
} as const;

/** Collapse runs of whitespace (incl. non-breaking spaces) to one space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * An anchor as GitHub / VuePress / most static site generators make it from a heading: lower
 * case, punctuation dropped, spaces to hyphens.
 */
export function slug(text: string): string {
  return squash(text).toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

export class CaptureError extends Error {}
