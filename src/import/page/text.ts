/** Small text helpers shared by the finder and the detectors: status phrases, sentences, examples. */

/** A status as a catalog states it: one code, a set, or a class like `5xx`. */
export type Status = number | number[] | string;

const STATUS_PHRASE = /^(?:(?:HTTP|Code|Status(?: code)?)\s+)?([1-5]\d\d|[1-5]xx)\b\s*(?:[:\-–—]\s*)?(?:\(([^)]*)\)|([A-Za-z][A-Za-z '-]*))?/i;

/** `400`, `Code 404 Not Found`, `5xx`, `400: Bad Request`, `401 (Unauthorized)` at the start of a text. */
export function statusPhrase(text: string): { status: Status; reason: string | undefined; rest: string } | undefined {
  const m = STATUS_PHRASE.exec(text.trim());
  if (!m) return undefined;
  const raw = m[1]!.toLowerCase();
  const status: Status = raw.endsWith('xx') ? raw : Number(raw);
  const reason = (m[2] ?? m[3])?.trim().replace(/\s+-$/, '') || undefined;
  return { status, reason, rest: text.trim().slice(m[0].length).trim() };
}

export function isErrorStatus(s: Status): boolean {
  const first = Array.isArray(s) ? s[0] : s;
  return typeof first === 'number' ? first >= 400 : typeof first === 'string' && /^[45]xx$/.test(first);
}

/** Sentences of a text: split after . ! ? when the next one starts with a capital letter or quote. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“(])/u).filter((s) => s.trim());
}

/** The quote of a row: its first two sentences, verbatim (later ones are usually advice and links). */
export function quoteOf(text: string): string {
  return sentences(text).slice(0, 2).join(' ');
}

/** An example's JSON value: as printed, else with typographic quotes made plain (undefined if neither parses). */
export function parseExample(text: string): { value: unknown; strict: boolean } | undefined {
  try { return { value: JSON.parse(text), strict: true }; } catch { /* try the lenient reading */ }
  try { return { value: JSON.parse(text.replace(/[“”„″]/g, '"').replace(/[‘’]/g, "'")), strict: false }; } catch { return undefined; }
}

export function looksLikeJson(text: string): boolean {
  const t = text.trim();
  return /^[{["]/.test(t) || /^"[^"]+"\s*:/.test(t);
}

/** Top-level member names of an example, even when it is not valid JSON (the least indented `"name":` lines). */
export function exampleKeys(text: string): string[] {
  const parsed = parseExample(text);
  if (parsed && isObject(parsed.value)) return Object.keys(parsed.value);
  const lines = text.split('\n').map((l) => /^(\s*)["“]([^"”]+)["”]\s*:/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  if (!lines.length) return [];
  const indent = Math.min(...lines.map((m) => m[1]!.length));
  return [...new Set(lines.filter((m) => m[1]!.length === indent).map((m) => m[2]!))];
}

/** A top-level string member of an example, read leniently. */
export function exampleMember(text: string, key: string): string | number | undefined {
  const parsed = parseExample(text);
  if (parsed && isObject(parsed.value)) {
    const v = parsed.value[key];
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Member names that carry an error code, in the order they are tried. */
export const CODE_KEYS = ['errorCode', 'error_code', 'code', 'errorKey'] as const;

export function statusKey(s: Status): string {
  return Array.isArray(s) ? [...s].sort().join(',') : String(s);
}
