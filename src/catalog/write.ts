/**
 * A loaded catalog back in its source form: a valid format-2 catalog that loads to the same
 * entries. Nothing is left to catalog defaults (every part is written out; a part gives its own
 * strength where it differs from the entry's, and every inferred part keeps its basis); `doc.url` is left out where the loader derives it from the
 * cited page and the anchor, so the written catalog cites its pages the way the original did;
 * one cause is written as `recipe`, several as `recipes`; the status in its written form; a step
 * whose basis came from `defaults.basis` carries it itself; a request as `POST: /path`; an
 * example cited from the page (`example: { printed }`) as that reference.
 * Whatever else an entry carries is written as loaded, so a field added to the format is kept.
 */
import { posix } from 'node:path';
import { stringify } from 'yaml';
import { withRequestLines } from './request-line.js';
import type { Basis, Catalog, CatalogFile, Entry, EntryInFile, LoadedCatalog, Recipe, Strength } from './types.js';

/** `file`: where the catalog was loaded from (the capture links are relative to it); default `c.file`. */
export function toCatalogFile(c: Catalog | LoadedCatalog, file: string | undefined = 'file' in c ? c.file : undefined): CatalogFile {
  const { entries, ...rest } = c;
  const out = { ...rest } as CatalogFile & { file?: string };
  delete out.file;
  return { ...out, entries: entries.map((e) => toEntryInFile(c, e, file)) };
}

export function toEntryInFile(c: Catalog, e: Entry, file?: string): EntryInFile {
  const { api: _api, position: _position, status, recipes, doc, headers, contentType, body, example, examplePrinted, ...rest } = e;
  const out: EntryInFile = { ...rest, doc: writtenDoc(c, e, doc, file), status: status.toJSON() };
  // an example the catalog cites from its page is cited again, not copied
  if (example !== undefined) out.example = examplePrinted !== undefined ? { printed: examplePrinted } : example;
  // a part of the entry's own strength says none (the lint asks a basis only of a part marked should)
  // `schemes` of a `challenge: auth` rule is the loader's reading of the catalog's auth
  if (headers) out.headers = headers.map(({ schemes: _s, ...h }) => ownStrength(h, e.strength));
  if (contentType) out.contentType = ownStrength(contentType, e.strength);
  out.body = body.kind === 'json' || body.kind === 'text' ? ownStrength(body, e.strength) : body;
  if (recipes.length === 1) out.recipe = ownBasis(recipes[0]!);
  else if (recipes.length > 1) out.recipes = recipes.map(ownBasis);
  return out;
}

/**
 * A basis the loader took from `defaults.basis` is written on the step itself (without the
 * loader's mark); each request in its one-line form, `POST: /path` (withRequestLines).
 */
function ownBasis(r: Recipe): Recipe {
  const own = <T extends { basis?: Basis }>(s: T): T => {
    if (!s.basis?.fromDefaults) return s;
    const { fromDefaults: _f, ...basis } = s.basis;
    return { ...s, basis };
  };
  return withRequestLines({ ...own(r), ...(r.setup ? { setup: r.setup.map(own) } : {}), ...(r.teardown ? { teardown: r.teardown.map(own) } : {}) });
}

function ownStrength<T extends { strength: Strength }>(part: T, entry: Strength): Omit<T, 'strength'> & { strength?: Strength } {
  if (part.strength !== entry) return part;
  const { strength: _s, ...rest } = part;
  return rest;
}

function writtenDoc(c: Catalog, e: Entry, doc: Entry['doc'], file: string | undefined): EntryInFile['doc'] {
  const cited = e.source !== undefined ? c.sources?.[e.source] : c.page;
  const base = cited && (cited.url ?? (file !== undefined ? posix.join(posix.dirname(file.split('\\').join('/')), cited.capture) : undefined))?.replace(/#.*$/, '');
  const derived = base !== undefined ? `${base}${doc.anchor !== undefined ? `#${doc.anchor}` : ''}` : undefined;
  const { url, ...withoutUrl } = doc;
  return url === derived ? withoutUrl : doc;
}

/** The catalog as YAML text; `schema`: the meta-schema's path relative to where it is written, for editors. */
export function toCatalogYaml(c: Catalog | LoadedCatalog, opts: { file?: string; schema?: string } = {}): string {
  const text = stringify(toCatalogFile(c, opts.file ?? ('file' in c ? c.file : undefined)), { lineWidth: 0, aliasDuplicateObjects: false });
  return opts.schema ? `# yaml-language-server: $schema=${opts.schema}\n${text}` : text;
}
