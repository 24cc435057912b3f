/**
 * Synthetic catalogs for scale measurements: N entries cloned from the real catalogs' simple
 * provokable entries (one request, no setup, not destructive), with fresh ids, spread over the
 * real APIs so the embedded reference target can answer every one of them.
 *
 * The clones are written in source form: each is the entry exactly as its catalog file writes
 * it (the file's `defaults:` kept), not the loaded entry, whose completed parts (a strength on
 * every part, `recipes` beside `recipe`, a derived doc link) are not the file format.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { CatalogFile, Entry, EntryInFile, LoadedCatalog } from '../../src/catalog/types.js';

function simple(e: Entry): boolean {
  const r = e.recipes[0];
  return Boolean(e.recipes.length === 1 && r && !r.setup?.length && !r.teardown?.length && !r.repeat && !r.poll && !e.destructive);
}

/** The catalog's file as written (its YAML parsed, nothing completed). */
function source(c: LoadedCatalog): CatalogFile {
  return parse(readFileSync(resolve(c.file), 'utf8')) as CatalogFile;
}

/**
 * `distinct`: every clone gets a contract of its own (an optional body property named after it),
 * so no two entries share a compiled validator; only entries with JSON bodies are cloned then.
 */
export function synthesize(real: LoadedCatalog[], n: number, opts: { distinct?: boolean } = {}): Synthetic[] {
  const pools = real.map((c) => {
    const file = source(c);
    // loaded entries keep the file's order, so index i is the same entry in both
    const pool = c.entries.flatMap((e, i) => simple(e) && (!opts.distinct || e.body.kind === 'json') ? [{ loaded: e, written: file.entries[i]! }] : []);
    return { file, from: dirname(resolve(c.file)), pool };
  }).filter((p) => p.pool.length > 0);
  const out = pools.map(({ file, from }) => ({ from, catalog: { ...file, entries: [] as EntryInFile[], docFindings: [] } }));
  for (let i = 0; i < n; i++) {
    const k = i % pools.length;
    const { pool } = pools[k]!;
    const { loaded, written } = pool[Math.floor(i / pools.length) % pool.length]!;
    if (written.id !== loaded.id) throw new Error(`synth: ${loaded.id} is not the file's entry ${written.id}`);
    // the loaded title: an entry may take its title from its slug (defaults.titleFrom), which the clone's id changes
    const clone: EntryInFile = { ...written, id: `${written.id}-s${String(i).padStart(5, '0')}`, title: `${loaded.title} (synthetic ${i})` };
    if (loaded.body.kind === 'json') {
      // An entry's body is merged over the defaults' key by key. Constants derived from the slug
      // (defaults.body.constFrom) would follow the clone's new id: the clone states its source's
      // constants as its own, so it asks for exactly what its source does.
      const body = { ...written.body, ...(loaded.body.const ? { const: { ...loaded.body.const } } : {}) };
      // distinct: the merged properties plus one of its own
      clone.body = opts.distinct ? { ...body, properties: { ...loaded.body.properties, [`benchDistinct${i}`]: { type: 'string' } } } : body;
    }
    out[k]!.catalog.entries.push(clone);
  }
  return out.filter((c) => c.catalog.entries.length > 0);
}

/** A synthetic catalog and the folder of the file it was cloned from (its captures are relative to it). */
export interface Synthetic { from: string; catalog: CatalogFile }

/** Writes each catalog to `dir/<api>.yaml`, its page captures re-pointed from there to the real pages. */
export function writeCatalogs(dir: string, catalogs: Synthetic[]): void {
  mkdirSync(dir, { recursive: true });
  for (const { from, catalog } of catalogs) {
    const moved = (capture: string): string => relative(dir, resolve(from, capture)).split('\\').join('/');
    const c: CatalogFile = {
      ...catalog,
      page: { ...catalog.page, capture: moved(catalog.page.capture) },
      ...(catalog.sources ? { sources: Object.fromEntries(Object.entries(catalog.sources).map(([k, s]) => [k, { ...s, capture: moved(s.capture) }])) } : {}),
    };
    writeFileSync(join(dir, `${c.api}.yaml`), stringify(c, { lineWidth: 0, aliasDuplicateObjects: false }));
  }
}
