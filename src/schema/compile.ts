/**
 * Compiles the generated schemas with ajv (strict mode, all errors, ajv-formats). One Ajv
 * instance per process holds every API's envelopes; entry validators are compiled on first use
 * and cached, so a worker compiles only the entries it runs, once.
 *
 * Compiled validators are also kept on disk, as ajv standalone code with V8's code cache for
 * it, one file per contract (`<cache>/validators/<hash>.validator`): the hash covers the
 * contract, the envelopes it refers to, ajv's and ajv-formats' versions and this file's own
 * source, so only code compiled from the same input by the same compiler is ever read back. A
 * repeated run (and every worker after the first to meet a contract) loads the code instead of
 * compiling the schema, and with V8's cache skips compiling the JavaScript too (see the README's
 * Performance section). The validator a run uses is always the standalone code, cold or warm, so
 * a repeated run validates with exactly what the first one did. Each file is written under a
 * temporary name and renamed into place, so workers writing the same contract at once never read
 * half a file; a damaged or unreadable file is compiled again and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { JsonSchema, LoadedCatalog } from '../catalog/types.js';
import { setting } from '../settings.js';
import { entrySchema, envelopesId, envelopesSchema } from './generate.js';

// ajv-formats and ajv's standalone module are CommonJS; under NodeNext their callables are the modules' `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 };
const standaloneCode = (standaloneModule as unknown as { default: (a: Ajv2020, v: ValidateFunction) => string }).default;
const require_ = createRequire(import.meta.url);

/** `source`: keep each compiled function's code, so it can be written out as standalone code. */
export function newAjv(opts: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: false, ...(opts.source ? { code: { source: true } } : {}) });
  addFormats.default(ajv);
  return ajv;
}

let compilerHash: string | undefined;
/** What else decides the code ajv generates: its version, ajv-formats' and this file (the options). */
function compilerFingerprint(): string {
  if (compilerHash) return compilerHash;
  const h = createHash('sha256');
  for (const pkg of ['ajv/package.json', 'ajv-formats/package.json']) h.update((JSON.parse(readFileSync(require_.resolve(pkg), 'utf8')) as { version: string }).version).update('\0');
  h.update(readFileSync(new URL(import.meta.url)));
  compilerHash = h.digest('hex');
  return compilerHash;
}

/** An answer that walks a validator through its status, headers and body, so V8 compiles those parts before their code cache is taken. */
const PROBE = { status: 0, headers: {}, body: {} };
/** First line of a cached validator file; then the code (its length in bytes here), then V8's cache for it. */
const MAGIC = 'faultline-validator 1';

/** ajv's runtime helpers and the formats, resolved once per process (not once per validator). */
const required = new Map<string, unknown>();
const requireOnce = (id: string): unknown => {
  if (!required.has(id)) required.set(id, require_(id));
  return required.get(id);
};

function writeAtomically(file: string, code: string, cachedData: Buffer): void {
  const body = Buffer.from(code);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC} ${body.length}\n`), body, cachedData]));
  renameSync(tmp, file);
}

/** The code and V8 cache of a validator file, or undefined when it is not one whole. */
function readValidatorFile(file: string): { code: string; cachedData: Buffer } | undefined {
  let buf: Buffer;
  try { buf = readFileSync(file); } catch { return undefined; }
  const nl = buf.indexOf(10);
  const m = nl > 0 ? new RegExp(`^${MAGIC} (\\d+)$`).exec(buf.subarray(0, nl).toString()) : null;
  if (!m || nl + 1 + Number(m[1]) > buf.length) return undefined;
  const end = nl + 1 + Number(m[1]);
  return { code: buf.subarray(nl + 1, end).toString(), cachedData: buf.subarray(end) };
}

/**
 * Runs standalone validator code with this project's require (its require()s of ajv's runtime
 * and the formats resolve from here wherever the cache folder is), with V8's code cache when
 * given. Returns the validator and, when the cache was missing or rejected (a Node upgrade), a
 * fresh one taken after a first validation compiled the functions an answer reaches.
 */
function evaluate(file: string, code: string, cachedData?: Buffer): { fn: ValidateFunction; fresh?: Buffer } {
  const given = cachedData && cachedData.length > 0 ? cachedData : undefined;
  const script = new Script(`(function (module, exports, require) {${code}\n})`, { filename: file, ...(given ? { cachedData: given } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (m: typeof module, e: unknown, r: (id: string) => unknown) => void)(module, module.exports, requireOnce);
  const fn = module.exports as ValidateFunction;
  if (typeof fn !== 'function') throw new Error(`${file} holds no validator`);
  if (given && !script.cachedDataRejected) return { fn };
  fn(PROBE);
  return { fn, fresh: script.createCachedData() };
}

/** Where compiled validators are kept: `<FAULTLINE_CACHE_DIR>/validators`. */
export function validatorCacheDir(): string {
  return join(setting('cacheDir'), 'validators');
}

/**
 * Entry validators, compiled on first use and shared between entries whose contracts are
 * identical (same schema once the identifying $id/title/description/$comment are set aside):
 * ajv compilation costs about 2 ms per schema, validation microseconds.
 */
export class Validators {
  private ajvInstance?: Ajv2020;
  private readonly byEntry = new Map<string, ValidateFunction>();
  private readonly byContract = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, { catalog: LoadedCatalog; index: number }>();
  private readonly envelopeHashes = new Map<string, string>();
  private readonly catalogs: LoadedCatalog[];
  private readonly disk: string | undefined;
  /** Contracts compiled by ajv in this process, and contracts whose code came from the disk cache. */
  readonly counts = { compiled: 0, fromCache: 0 };

  constructor(catalogs: LoadedCatalog[]) {
    this.catalogs = catalogs;
    this.disk = setting('noCache') ? undefined : validatorCacheDir();
    for (const c of catalogs) c.entries.forEach((e, index) => this.byId.set(e.id, { catalog: c, index }));
  }

  /** Built on the first compilation: a run whose validators all come from the cache never builds one. */
  private get ajv(): Ajv2020 {
    if (!this.ajvInstance) {
      this.ajvInstance = newAjv({ source: this.disk !== undefined });
      for (const c of this.catalogs) this.ajvInstance.addSchema(envelopesSchema(c));
    }
    return this.ajvInstance;
  }

  /** Distinct contracts in use so far (for benchmarks). */
  get compiled(): number { return this.byContract.size; }

  /** The compiled validator of an entry's whole-response schema. */
  get(entryId: string): ValidateFunction {
    return this.cached(entryId, '', (schema) => schema);
  }

  /** A validator of the body part alone (for page examples, which are bodies). */
  body(entryId: string): ValidateFunction {
    return this.cached(entryId, '#body', (schema) => (schema.properties as { body: JsonSchema }).body);
  }

  private cached(entryId: string, suffix: string, part: (s: JsonSchema) => JsonSchema): ValidateFunction {
    const hit = this.byEntry.get(entryId + suffix);
    if (hit) return hit;
    const where = this.byId.get(entryId);
    if (!where) throw new Error(`no catalog entry ${entryId}`);
    const { $id: _id, $comment: _c, title: _t, description: _d, ...contract } = entrySchema(where.catalog, where.catalog.entries[where.index]!);
    const schema = part(contract);
    const key = suffix + JSON.stringify(schema);
    let fn = this.byContract.get(key);
    if (!fn) {
      fn = this.disk ? this.fromDisk(this.disk, where.catalog, key, schema) : this.compile(schema);
      this.byContract.set(key, fn);
    }
    this.byEntry.set(entryId + suffix, fn);
    return fn;
  }

  private compile(schema: JsonSchema): ValidateFunction {
    this.counts.compiled++;
    return this.ajv.compile(schema);
  }

  private fromDisk(dir: string, c: LoadedCatalog, key: string, schema: JsonSchema): ValidateFunction {
    const hash = createHash('sha256').update(compilerFingerprint()).update('\0').update(this.envelopeHash(c)).update('\0').update(key).digest('hex').slice(0, 40);
    const file = join(dir, `${hash}.validator`);
    const cached = readValidatorFile(file);
    if (cached) {
      try {
        const { fn, fresh } = evaluate(file, cached.code, cached.cachedData);
        if (fresh) try { writeAtomically(file, cached.code, fresh); } catch { /* only the speed-up is lost */ }
        this.counts.fromCache++;
        return fn;
      } catch {
        // not a validator after all: compile it again and replace it
      }
    }
    const compiled = this.compile(schema);
    try {
      const code = standaloneCode(this.ajv, compiled);
      // the run uses the very code a repeated run will load, not a twin of it
      const { fn, fresh } = evaluate(file, code);
      mkdirSync(dir, { recursive: true });
      writeAtomically(file, code, fresh!);
      return fn;
    } catch {
      return compiled; // a read-only cache only loses the speed-up
    }
  }

  private envelopeHash(c: LoadedCatalog): string {
    let h = this.envelopeHashes.get(c.api);
    if (!h) {
      h = createHash('sha256').update(envelopesId(c.api)).update('\0').update(JSON.stringify(c.envelopes)).digest('hex');
      this.envelopeHashes.set(c.api, h);
    }
    return h;
  }
}
