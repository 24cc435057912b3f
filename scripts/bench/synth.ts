/**
 * Synthetic catalogs for scale measurements: N entries cloned from the real catalogs' simple
 * provokable entries (one request, no setup, not destructive), with fresh ids, spread over the
 * real APIs so the embedded reference target can answer every one of them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Catalog, Entry, LoadedCatalog } from '../../src/catalog/types.js';

function simple(e: Entry): boolean {
  const r = e.recipe;
  return Boolean(r && !r.setup?.length && !r.teardown?.length && !r.repeat && !r.poll && !e.destructive);
}

/**
 * `distinct`: every clone gets a contract of its own (an optional body property named after it),
 * so no two entries share a compiled validator; only entries with JSON bodies are cloned then.
 */
export function synthesize(real: LoadedCatalog[], n: number, opts: { distinct?: boolean } = {}): Catalog[] {
  const pools = real.map((c) => ({ c, pool: c.entries.filter((e) => simple(e) && (!opts.distinct || e.body.kind === 'json')) })).filter((p) => p.pool.length > 0);
  const out = pools.map(({ c }) => ({ ...stripLoaded(c), entries: [] as Entry[], docFindings: [] }));
  for (let i = 0; i < n; i++) {
    const k = i % pools.length;
    const { pool } = pools[k]!;
    const src = pool[Math.floor(i / pools.length) % pool.length]!;
    const body = opts.distinct && src.body.kind === 'json' ? { ...src.body, properties: { ...src.body.properties, [`benchDistinct${i}`]: { type: 'string' } } } : src.body;
    // the loader derives doc.url from the page and the anchor; written back, it must stay derived
    const doc = src.doc.anchor ? { anchor: src.doc.anchor, quote: src.doc.quote } : src.doc;
    out[k]!.entries.push({ ...src, doc: doc as Entry['doc'], body, id: `${src.id}-s${String(i).padStart(5, '0')}`, title: `${src.title} (synthetic ${i})` });
  }
  return out.filter((c) => c.entries.length > 0);
}

function stripLoaded(c: LoadedCatalog): Catalog {
  const { file: _file, ...rest } = c;
  return rest;
}

export function writeCatalogs(dir: string, catalogs: Catalog[]): void {
  mkdirSync(dir, { recursive: true });
  for (const c of catalogs) writeFileSync(join(dir, `${c.api}.yaml`), stringify(c, { lineWidth: 0, aliasDuplicateObjects: false }));
}
