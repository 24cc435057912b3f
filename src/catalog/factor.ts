/**
 * The reverse of `defaults:`: what every entry of a catalog written out in full shares, taken out
 * into `defaults` so each entry says only what differs, as a hand-written catalog does. Used by
 * the importers. The result loads to the same entries (test/catalog/factor.test.ts): a part goes
 * to the defaults only where the merge rules of src/catalog/defaults.ts give it back unchanged to
 * every entry, and each entry drops only what equals what it would inherit.
 * - `strength`: the most common one, when every entry gives one;
 * - `body`: the most common json envelope (kind and envelope only), when every entry gives a body;
 * - `contentType`: the one every entry with a body of the defaults' kind gives, identically;
 * - `headers`: per status, a rule that every entry of that status ends with;
 * - `doc.anchor`: the anchor every entry of the catalog's own page gives.
 */
import { isDeepStrictEqual } from 'node:util';
import type { BodyInFile, CatalogFile, Defaults, EntryInFile, HeaderRuleInFile } from './types.js';

const STATUS_KEY = /^[1-5]([0-9]{2}|xx)$/;

/** The catalog with its shared parts as `defaults` (placed before `entries`), the entries without them. */
export function factorDefaults(c: CatalogFile): CatalogFile {
  const defaults = sharedDefaults(c.entries);
  if (Object.keys(defaults).length === 0) return c;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'defaults') continue;
    if (k === 'entries') out['defaults'] = defaults;
    out[k] = k === 'entries' ? c.entries.map((e) => withoutDefaults(e, defaults)) : v;
  }
  return out as unknown as CatalogFile;
}

/** Defaults every entry can take without loading differently (each only if two entries or more use it). */
export function sharedDefaults(entries: EntryInFile[]): Defaults {
  const d: Defaults = {};
  if (entries.every((e) => e.strength !== undefined)) {
    const s = mostCommon(entries.map((e) => e.strength!));
    if (s) d.strength = s;
  }
  if (entries.every((e) => e.body !== undefined)) {
    const env = mostCommon(entries.flatMap((e) => ((e.body!.kind ?? 'json') === 'json' && e.body!.envelope !== undefined ? [e.body!.envelope] : [])));
    if (env) d.body = { kind: 'json', envelope: env };
  }
  const kind = d.body?.kind ?? 'json';
  const typed = entries.filter((e) => (e.body?.kind ?? 'json') === kind);
  const first = typed[0]?.contentType;
  if (typed.length > 1 && first && typed.every((e) => isDeepStrictEqual(e.contentType, first))) d.contentType = first;
  const byStatus = new Map<string, EntryInFile[]>();
  for (const e of entries) if (typeof e.status !== 'object') byStatus.set(String(e.status), [...(byStatus.get(String(e.status)) ?? []), e]);
  for (const [key, list] of byStatus) {
    if (!STATUS_KEY.test(key) || list.length < 2) continue;
    const last = list[0]!.headers?.at(-1);
    if (!last) continue;
    const name = last.name.toLowerCase();
    if (list.every((e) => isDeepStrictEqual(e.headers?.at(-1), last) && e.headers!.filter((h) => h.name.toLowerCase() === name).length === 1)) (d.headers ??= {})[key] = [last];
  }
  const own = entries.filter((e) => e.source === undefined && typeof e.doc === 'object' && e.doc.url === undefined);
  const anchor = own.length > 1 && typeof own[0]!.doc === 'object' ? own[0]!.doc.anchor : undefined;
  if (anchor !== undefined && own.length === entries.filter((e) => e.source === undefined && (typeof e.doc === 'string' || e.doc.url === undefined)).length && own.every((e) => typeof e.doc === 'object' && e.doc.anchor === anchor)) d.doc = { anchor };
  return d;
}

/** The entry without what it would take from `d` unchanged anyway (the rest stays, and wins over `d`). */
export function withoutDefaults(e: EntryInFile, d: Defaults): EntryInFile {
  const out: EntryInFile = { ...e };
  if (d.strength !== undefined && e.strength === d.strength) delete out.strength;
  const kind = d.body?.kind ?? 'json';
  const bodyKind = e.body?.kind ?? d.body?.kind ?? 'json';
  if (d.body && e.body && bodyKind === kind) {
    const body: BodyInFile = { ...e.body };
    for (const [k, v] of Object.entries(d.body) as [keyof BodyInFile, unknown][]) if (isDeepStrictEqual(body[k], v)) delete body[k];
    if (Object.keys(body).length) out.body = body; else delete out.body;
  }
  if (d.contentType && bodyKind === kind && isDeepStrictEqual(e.contentType, d.contentType)) delete out.contentType;
  const inherited = d.headers?.[String(e.status)] ?? [];
  if (inherited.length && e.headers && e.headers.length >= inherited.length) {
    const kept = e.headers.slice(0, e.headers.length - inherited.length);
    const names = new Set(inherited.map((h) => h.name.toLowerCase()));
    if (isDeepStrictEqual(e.headers.slice(kept.length), inherited) && !kept.some((h: HeaderRuleInFile) => names.has(h.name.toLowerCase()))) {
      if (kept.length) out.headers = kept; else delete out.headers;
    }
  }
  if (d.doc?.anchor !== undefined && e.source === undefined && typeof e.doc === 'object' && e.doc.url === undefined && e.doc.anchor === d.doc.anchor) out.doc = e.doc.quote;
  return out;
}

/** The value most entries give (the first such on a tie), when two or more give it. */
function mostCommon<T extends string>(xs: T[]): T | undefined {
  const n = new Map<T, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  const best = [...n].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 1 ? best[0] : undefined;
}
