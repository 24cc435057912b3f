/** Maps a path inside a parsed YAML document (`['entries', 3, 'status']`) to a line and column. */
import { isMap, isNode, isPair, isScalar, type Document } from 'yaml';

export type DocPath = (string | number)[];

/**
 * 1-based line and column of a character offset, counted on the text itself. yaml's LineCounter
 * is fed by the parser and misses the line breaks inside tokens its error recovery skips, which
 * shifted every later position (an issue at column 67 of a 46-character line).
 */
export class TextLines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) { // last line start <= offset
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

export class Locator {
  constructor(private readonly doc: Document, private readonly lines: TextLines) {}

  /** Position of the value at `path`, or of the nearest existing ancestor. */
  value(path: DocPath): { line: number; col: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  /** Position of the key `key` inside the map at `path` (for unknown-key errors). */
  key(path: DocPath, key: string): { line: number; col: number } {
    const map = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (isMap(map)) {
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) {
          return this.lines.linePos(item.key.range[0]);
        }
      }
    }
    return this.value(path);
  }
}

/** Turn an ajv instancePath (`/entries/3/status`) into a document path. */
export function pointerToPath(pointer: string, root: unknown): DocPath {
  if (!pointer) return [];
  const out: DocPath = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}
