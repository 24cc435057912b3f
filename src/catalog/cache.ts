/**
 * A validated-catalog cache: Playwright evaluates the spec in the runner and again in every
 * worker, and parsing YAML with positions costs ~1 ms per entry. The key is a hash of the file
 * names, their contents, the meta-schema and the loader's own source, so only a byte-identical
 * input that already passed the same validation is ever read back.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setting } from '../settings.js';
import { META_SCHEMA_PATH } from './meta.js';
import type { LoadedCatalog } from './types.js';

/** Line of each entry in its file, for reports that link back to the catalog. */
export const entryLines = new WeakMap<LoadedCatalog, number[]>();
export function entryLine(c: LoadedCatalog, index: number): number | undefined {
  return entryLines.get(c)?.[index];
}

/** The validating code itself is part of the key: a changed rule never trusts an old verdict. */
const LOADER_SOURCES = ['../catalog/', '../recipes/', '../schema/'].map((d) => new URL(d, import.meta.url).pathname);
let loaderHash: string | undefined;

function loaderFingerprint(): string {
  if (loaderHash) return loaderHash;
  const h = createHash('sha256');
  for (const dir of LOADER_SOURCES) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') || x.endsWith('.js')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  }
  loaderHash = h.digest('hex');
  return loaderHash;
}

export function cacheKey(names: string[], texts: string[]): string {
  const h = createHash('sha256').update(loaderFingerprint()).update(readFileSync(META_SCHEMA_PATH));
  names.forEach((n, i) => h.update(`\0${n}\0`).update(texts[i]!));
  return h.digest('hex').slice(0, 32);
}

interface CacheFile { catalogs: LoadedCatalog[]; lines: number[][] }

export function readCache(key: string): LoadedCatalog[] | undefined {
  if (setting('noCache')) return undefined;
  try {
    const data = JSON.parse(readFileSync(join(setting('cacheDir'), `catalogs-${key}.json`), 'utf8')) as CacheFile;
    data.catalogs.forEach((c, i) => entryLines.set(c, data.lines[i] ?? []));
    return data.catalogs;
  } catch {
    return undefined; // absent or unreadable: parse the YAML
  }
}

export function writeCache(key: string, catalogs: LoadedCatalog[]): void {
  try {
    const dir = setting('cacheDir');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `catalogs-${key}.json`);
    const data: CacheFile = { catalogs, lines: catalogs.map((c) => entryLines.get(c) ?? []) };
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(data));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // a read-only tree only loses the speed-up
  }
}

