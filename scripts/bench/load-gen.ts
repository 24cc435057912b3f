/**
 * Child process for the catalog benchmark: load (YAML, meta-schema, lint; no cache) and generate
 * schemas for the catalogs in a folder, then compile each distinct contract; prints JSON timings
 * and this process's peak memory. With a second argument, the validators come from (and go to)
 * the compiled-validator cache in that folder: empty, the first (cold) run fills it; a repeated
 * (warm) run loads every validator from it.
 */
import { loadCatalogs } from '../../src/load.js';
import { generateAll } from '../../src/schema/generate.js';
import { Validators } from '../../src/schema/compile.js';

process.env.FAULTLINE_NO_CACHE = '1';
const cacheDir = process.argv[3];
const t0 = performance.now();
const catalogs = loadCatalogs(process.argv[2]);
const t1 = performance.now();
const files = generateAll(catalogs);
const t2 = performance.now();
if (cacheDir) { delete process.env.FAULTLINE_NO_CACHE; process.env.FAULTLINE_CACHE_DIR = cacheDir; }
const v = new Validators(catalogs);
for (const c of catalogs) for (const e of c.entries) v.get(e.id);
const t3 = performance.now();
process.stdout.write(JSON.stringify({
  entries: catalogs.reduce((n, c) => n + c.entries.length, 0),
  loadMs: Math.round(t1 - t0), generateMs: Math.round(t2 - t1), files: files.length,
  compileMs: Math.round(t3 - t2), contracts: v.compiled, compiledByAjv: v.counts.compiled, fromCache: v.counts.fromCache,
  peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
}) + '\n');
