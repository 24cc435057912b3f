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
import { Status, type StatusInFile } from './status.js';
import type { LoadedCatalog } from './types.js';

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

/**
 * The catalogs as JSON: each status in its written form (`Status.toJSON`), made a `Status` again on
 * reading; `pages`: the hash of every capture an `example: { printed }` was taken from, so a changed
 * page is read again.
 */
interface CacheFile { catalogs: LoadedCatalog[]; pages?: Record<string, string> }

const hashOf = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export function readCache(key: string): LoadedCatalog[] | undefined {
  if (setting('noCache')) return undefined;
  try {
    const data = JSON.parse(readFileSync(join(setting('cacheDir'), `catalogs-${key}.json`), 'utf8')) as CacheFile;
    if (Object.entries(data.pages ?? {}).some(([f, h]) => hashOf(f) !== h)) return undefined;
    for (const c of data.catalogs) for (const e of c.entries) e.status = Status.of(e.status as unknown as StatusInFile);
    return data.catalogs;
  } catch {
    return undefined; // absent or unreadable: parse the YAML
  }
}

export function writeCache(key: string, catalogs: LoadedCatalog[], pages: string[] = []): void {
  try {
    const dir = setting('cacheDir');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `catalogs-${key}.json`);
    const data: CacheFile = { catalogs, pages: Object.fromEntries(pages.map((f) => [f, hashOf(f)])) };
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(data));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // a read-only tree only loses the speed-up
  }
}

