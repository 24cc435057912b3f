/**
 * Compiles the generated schemas with ajv (strict mode, all errors, ajv-formats). One Ajv
 * instance per process holds every API's envelopes; entry validators are compiled on first use
 * and cached, so a worker compiles only the entries it runs, once.
 */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, LoadedCatalog } from '../catalog/types.js';
import { entrySchema, envelopesSchema } from './generate.js';

// ajv-formats is CommonJS; under NodeNext its callable is the module's `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 };

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Entry validators, compiled on first use and shared between entries whose contracts are
 * identical (same schema once the identifying $id/title/description/$comment are set aside):
 * ajv compilation costs about 2 ms per schema, validation microseconds.
 */
export class Validators {
  private readonly ajv = newAjv();
  private readonly byEntry = new Map<string, ValidateFunction>();
  private readonly byContract = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, { catalog: LoadedCatalog; index: number }>();

  constructor(catalogs: LoadedCatalog[]) {
    for (const c of catalogs) {
      this.ajv.addSchema(envelopesSchema(c));
      c.entries.forEach((e, index) => this.byId.set(e.id, { catalog: c, index }));
    }
  }

  /** Distinct contracts compiled so far (for benchmarks). */
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
      fn = this.ajv.compile(schema);
      this.byContract.set(key, fn);
    }
    this.byEntry.set(entryId + suffix, fn);
    return fn;
  }
}
