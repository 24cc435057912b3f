/**
 * Catalog-level `defaults:` and the completion of every entry: an entry says only what differs
 * from its catalog's defaults, and the loader hands on entries in which every contract part
 * (status, each header rule, content type, body shape, each body field) carries its strength.
 *
 * Merge rules (also in catalog.schema.json's descriptions):
 * - `strength`: the entry's, else the defaults'.
 * - `doc.anchor`: the entry's (or its doc.url's fragment), else `defaults.doc.anchor` for entries
 *   of the catalog's own page (an entry with a `source` cites another page).
 * - `body`: an entry body of another kind than the defaults' replaces them; otherwise the two are
 *   merged key by key, the entry's keys winning (so `required` given on an entry replaces the
 *   default list). No body at all takes the defaults' body.
 * - `contentType`: the entry's, else the defaults' for an entry whose body has the defaults' body
 *   kind (json when the defaults name no body).
 * - `headers`: the defaults' rules for the entry's exact status, except those the entry's own
 *   rules name.
 * - `titleFrom: slug`: an entry without a title takes the id after `<api>/`.
 * - `body.constFrom`: merged like any body key; once merged, each field it names that the body's
 *   `const` does not becomes a constant from the entry (its slug, or its status when that is one
 *   code), so the loaded body has only `const`.
 */
import { acceptedSchemes } from './challenge.js';
import { Status } from './status.js';
import type { BodyContract, BodyInFile, CatalogFile, Entry, EntryInFile, HeaderRule, Json, SourcePosition, Strength } from './types.js';

/** An entry with its defaults merged in; its doc is always an object, its body has no `constFrom` left. */
export type MergedEntry = Omit<EntryInFile, 'doc'> & { doc: Exclude<EntryInFile['doc'], string>; examplePrinted?: string };


/** An entry with the defaults merged in, still as written (parts without their own strength). */
export function withDefaults(c: CatalogFile, written: EntryInFile): MergedEntry {
  const e = { ...written, doc: typeof written.doc === 'string' ? { quote: written.doc } : written.doc };
  const d = c.defaults;
  const out: MergedEntry = { ...e };
  if (e.title === undefined && d?.titleFrom === 'slug') out.title = entrySlug({ id: e.id, api: c.api });
  const body = deriveConsts(d ? mergeBody(d.body, e.body) : e.body, e, c.api);
  if (body) out.body = body;
  if (!d) return out;
  const strength = e.strength ?? d.strength;
  if (strength !== undefined) out.strength = strength;
  const anchor = e.doc.anchor ?? (e.doc.url === undefined && e.source === undefined ? d.doc?.anchor : undefined);
  if (anchor !== undefined) out.doc = { ...e.doc, anchor };
  const defaultKind = d.body?.kind ?? 'json';
  if (!e.contentType && d.contentType && (body?.kind ?? defaultKind) === defaultKind) out.contentType = d.contentType;
  const own = new Set((e.headers ?? []).map((h) => h.name.toLowerCase()));
  const inherited = (d.headers?.[String(e.status)] ?? []).filter((h) => !own.has(h.name.toLowerCase()));
  if (inherited.length) out.headers = [...(e.headers ?? []), ...inherited];
  return out;
}

/** The id after `<api>/` (the loader refuses an id that does not start with its catalog's api). */
export function entrySlug(e: { id: string; api: string }): string {
  return e.id.slice(e.api.length + 1);
}

function mergeBody(base: BodyInFile | undefined, own: BodyInFile | undefined): BodyInFile | undefined {
  if (!own) return base;
  if (!base || (own.kind !== undefined && own.kind !== (base.kind ?? 'json'))) return own;
  return { ...base, ...own };
}

/**
 * `constFrom` becomes constants: each field the body's `const` does not name takes the entry's
 * slug or its status (a status that is a set or a class gives no one value: no constant). A body
 * of another kind keeps it, and the complete-body check refuses it there.
 */
function deriveConsts(b: BodyInFile | undefined, e: EntryInFile, api: string): BodyInFile | undefined {
  if (!b?.constFrom || (b.kind ?? 'json') !== 'json') return b;
  const { constFrom, ...body } = b;
  // constFrom's fields first, in its order, then the const's others
  const merged: Record<string, Json> = {};
  for (const [field, from] of Object.entries(constFrom)) {
    if (body.const && field in body.const) merged[field] = body.const[field]!;
    else if (from === 'slug') merged[field] = entrySlug({ id: e.id, api });
    else if (typeof e.status === 'number') merged[field] = e.status;
  }
  return Object.keys(merged).length ? { ...body, const: { ...merged, ...body.const } } : body;
}

/**
 * The entry as faultline uses it: `doc.url` set (the cited page's url, or its capture's path,
 * plus `#anchor`), every part's strength filled in from the entry's, the status normalised, the
 * causes one list, the api and where it is written set. `merged` has passed the meta-schema, so
 * strength and body are present.
 */
export function completeEntry(c: CatalogFile, merged: MergedEntry, captureLink: (capture: string) => string, position: SourcePosition): Entry {
  const strength = merged.strength as Strength;
  const cited = merged.source !== undefined ? c.sources![merged.source]! : c.page;
  const anchor = merged.doc.anchor ?? fragment(merged.doc.url);
  const base = (cited.url ?? captureLink(cited.capture)).replace(/#.*$/, '');
  const url = merged.doc.url ?? `${base}${anchor !== undefined ? `#${anchor}` : ''}`;
  const { id, title, doc: _doc, status, strength: _s, headers, contentType, body, recipe, recipes, example, ...rest } = merged;
  const entry: Entry = {
    id,
    api: c.api,
    position,
    title: title!,
    ...rest,
    doc: { url, ...(anchor !== undefined ? { anchor } : {}), quote: merged.doc.quote },
    status: Status.of(status),
    strength,
    body: completeBody(body!, strength),
    recipes: recipes ?? (recipe ? [recipe] : []),
  };
  // a printed-example reference is resolved before completion (src/catalog/printed.ts)
  if (typeof example === 'string') entry.example = example;
  if (headers) entry.headers = headers.map((h): HeaderRule => ({ ...h, strength: h.strength ?? strength, ...(h.challenge === 'auth' ? { schemes: acceptedSchemes(c.auth) } : {}) }));
  if (contentType) entry.contentType = { ...contentType, strength: contentType.strength ?? strength };
  return entry;
}

function completeBody(b: BodyInFile, strength: Strength): BodyContract {
  // the meta-schema has checked that each kind has what it needs
  switch (b.kind) {
    case 'empty': return { kind: 'empty' };
    case 'undocumented': return { kind: 'undocumented', basis: b.basis! };
    case 'text': return { ...b, kind: 'text', strength: b.strength ?? strength } as BodyContract;
    default: return { ...b, kind: 'json', envelope: b.envelope!, strength: b.strength ?? strength } as BodyContract;
  }
}

export function fragment(url: string | undefined): string | undefined {
  const i = url?.indexOf('#') ?? -1;
  return url !== undefined && i >= 0 && i < url.length - 1 ? decodeURIComponent(url.slice(i + 1)) : undefined;
}
