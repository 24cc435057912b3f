/**
 * The imported catalog as YAML, and re-import into an existing one without losing hand edits.
 * Every imported entry and envelope carries a comment `# imported <hash>` with the hash of what
 * the import wrote. On re-import an entry (matched by its id, which comes from the operation and
 * the status) whose content still has that hash is replaced by the new import; one whose content
 * differs was edited by hand and is kept as it is; entries the document no longer has are removed
 * only when untouched. Everything else in the file (comments, hand-written entries, other keys)
 * stays.
 */
import { createHash } from 'node:crypto';
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { factorDefaults, withoutDefaults } from '../../catalog/factor.js';
import { withRequestLines } from '../../catalog/request-line.js';
import type { CatalogFile as Catalog, Defaults } from '../../catalog/types.js';

export interface MergeReport { added: string[]; updated: string[]; unchanged: string[]; kept: string[]; removed: string[]; orphaned: string[] }

const MARK = /(?:^|\n)\s*imported ([0-9a-f]{12})\s*$/;

export function contentHash(v: unknown): string {
  return createHash('sha256').update(canonical(v)).digest('hex').slice(0, 12);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * Small maps and lists on one line, as the hand-made catalogs write them (a status list, a body,
 * a doc, a request, a basis: anything holding only scalars, four keys at most); how the recipe
 * was derived, beside it.
 */
function compact(entry: YamlNode, derivations: Record<string, string>): void {
  if (!isMap(entry)) return;
  visit(entry, { Map: (_, node) => { if (node !== entry && node.items.length <= 4 && node.items.every((p) => isScalar(p.value))) node.flow = true; }, Seq: (_, node) => { if (node.items.every(isScalar)) node.flow = true; } });
  const how = derivations[String(entry.get('id'))];
  const recipe = entry.items.find((p) => (p.key as { value?: unknown }).value === 'recipe');
  if (how && recipe) (recipe.key as YamlNode).commentBefore = ` derived from the document: ${how}`;
}

function mark(node: YamlNode, value: unknown): void {
  node.commentBefore = ` imported ${contentHash(value)}`;
}

function markOf(node: YamlNode | null | undefined): string | undefined {
  return node?.commentBefore ? MARK.exec(node.commentBefore)?.[1] : undefined;
}

/**
 * The mark of a collection's i-th item. A comment before the first item of a block collection
 * parses as the collection's own comment, so item 0 falls back to it (and takes it over).
 */
function itemMark(parent: YamlNode, item: YamlNode, i: number): string | undefined {
  const own = markOf(item);
  if (own || i > 0) return own;
  const inherited = markOf(parent);
  if (inherited) { item.commentBefore = parent.commentBefore; parent.commentBefore = null; }
  return inherited;
}

/** An imported entry as written: its requests as request lines (`GET: /dogs`). */
function written(e: Catalog['entries'][number]): Catalog['entries'][number] {
  return e.recipe ? { ...e, recipe: withRequestLines(e.recipe) } : e;
}

/** The imported catalog as YAML, what its entries share written once as `defaults:`. */
export function renderCatalog(full: Catalog, header: string[], derivations: Record<string, string> = {}): string {
  const factored = factorDefaults(full);
  const c: Catalog = { ...factored, entries: factored.entries.map(written) };
  const doc = new Document(c);
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  const entries = doc.get('entries', true) as YAMLSeq;
  entries.items.forEach((item, i) => { compact(item as YamlNode, derivations); mark(item as YamlNode, c.entries[i]); (item as YamlNode).spaceBefore = i > 0; });
  const envelopes = doc.get('envelopes', true) as YAMLMap;
  for (const pair of envelopes.items) mark(pair.key as YamlNode, c.envelopes[String((pair.key as { value: unknown }).value)]);
  for (const key of ['envelopes', 'fixtures', 'defaults', 'entries', 'docFindings']) {
    const pair = doc.contents && isMap(doc.contents) ? doc.contents.items.find((p) => (p.key as { value?: unknown }).value === key) : undefined;
    if (pair && pair.key && !(pair.key as YamlNode).commentBefore) (pair.key as YamlNode).spaceBefore = true;
  }
  return doc.toString({ lineWidth: 0 });
}

export class MergeError extends Error {}

/** Merge a fresh import into an existing catalog's text; throws MergeError when it is not one to merge into. */
export function mergeCatalog(existingText: string, full: Catalog, file: string, derivations: Record<string, string> = {}): { text: string; report: MergeReport } {
  const doc = parseDocument(existingText);
  if (doc.errors.length) throw new MergeError(`${file} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  if (!isMap(doc.contents)) throw new MergeError(`${file} is not a catalog (no mapping at the top)`);
  const api = doc.get('api');
  if (api !== full.api) throw new MergeError(`${file} is the catalog of api '${String(api)}', not '${full.api}'`);
  // the fresh entries say only what differs from the file's own defaults, as a first import wrote them
  const defaults = ((doc.toJS() as { defaults?: Defaults }).defaults ?? {});
  const fresh: Catalog = { ...full, entries: full.entries.map((e) => written(withoutDefaults(e, defaults))) };
  const report: MergeReport = { added: [], updated: [], unchanged: [], kept: [], removed: [], orphaned: [] };
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) throw new MergeError(`${file} has no entries list`);
  const index = new Map<string, number>();
  entries.items.forEach((item, i) => { if (isMap(item)) index.set(String(item.get('id')), i); });
  const freshIds = new Set(fresh.entries.map((e) => e.id));
  for (const e of fresh.entries) {
    const i = index.get(e.id);
    const node = doc.createNode(e) as YamlNode;
    compact(node, derivations);
    mark(node, e);
    node.spaceBefore = true;
    if (i === undefined) { entries.items.push(node); report.added.push(e.id); continue; }
    const old = entries.items[i] as YamlNode;
    const recorded = itemMark(entries, old, i);
    if (recorded !== contentHash((old as YAMLMap).toJSON())) { report.kept.push(e.id); continue; }
    if (recorded === contentHash(e)) { report.unchanged.push(e.id); continue; }
    node.spaceBefore = old.spaceBefore ?? false;
    entries.items[i] = node;
    report.updated.push(e.id);
  }
  for (let i = entries.items.length - 1; i >= 0; i--) {
    const item = entries.items[i] as YamlNode;
    if (!isMap(item)) continue;
    const id = String(item.get('id'));
    if (freshIds.has(id)) continue;
    if (itemMark(entries, item, i) === contentHash(item.toJSON())) { entries.items.splice(i, 1); report.removed.push(id); }
    else report.orphaned.push(id);
  }
  mergeMap(doc, 'envelopes', fresh.envelopes, true);
  mergeMap(doc, 'fixtures', fresh.fixtures ?? {}, false);
  mergeMap(doc, 'identities', fresh.identities, false);
  return { text: doc.toString({ lineWidth: 0 }), report };
}

/** Add missing keys; with `marked`, also replace keys whose content is still as imported. */
function mergeMap(doc: Document, key: string, fresh: Record<string, unknown>, marked: boolean): void {
  if (Object.keys(fresh).length === 0) return;
  let map = doc.get(key, true);
  if (!isMap(map)) { doc.set(key, doc.createNode({})); map = doc.get(key, true); }
  const m = map as YAMLMap;
  for (const [name, value] of Object.entries(fresh)) {
    const pair = m.items.find((p) => (p.key as { value?: unknown }).value === name);
    if (!pair) {
      const node = doc.createPair(name, value);
      if (marked) mark(node.key as YamlNode, value);
      m.items.push(node);
      continue;
    }
    if (!marked) continue;
    const recorded = itemMark(m, pair.key as YamlNode, m.items.indexOf(pair));
    const current = pair.value && typeof (pair.value as YAMLMap).toJSON === 'function' ? (pair.value as YAMLMap).toJSON() : pair.value;
    if (recorded && recorded === contentHash(current)) { pair.value = doc.createNode(value); mark(pair.key as YamlNode, value); }
  }
}
