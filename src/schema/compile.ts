/**
 * Compiles the generated schemas with ajv (strict mode, all errors, ajv-formats). One Ajv
 * instance per process holds every API's envelopes; entry validators are compiled on first use
 * and cached, so a worker compiles only the entries it runs, once.
 */
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { LoadedCatalog } from '../catalog/types.js';
import { entrySchema, entrySchemaId, envelopesSchema } from './generate.js';

// ajv-formats is CommonJS; under NodeNext its callable is the module's `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv2020) => Ajv2020 };

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: false });
  addFormats.default(ajv);
  return ajv;
}

export class Validators {
  private readonly ajv = newAjv();
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, { catalog: LoadedCatalog; index: number }>();

  constructor(catalogs: LoadedCatalog[]) {
    for (const c of catalogs) {
      this.ajv.addSchema(envelopesSchema(c));
      c.entries.forEach((e, index) => this.byId.set(e.id, { catalog: c, index }));
    }
  }

  /** A validator of the body part alone (for page examples, which are bodies). */
  body(entryId: string): ValidateFunction {
    const key = `${entryId}#body`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.get(entryId);
    const fn = this.ajv.compile({ $ref: `${entrySchemaId(entryId)}#/properties/body` });
    this.cache.set(key, fn);
    return fn;
  }

  /** The compiled validator of an entry's whole-response schema. */
  get(entryId: string): ValidateFunction {
    const hit = this.cache.get(entryId);
    if (hit) return hit;
    const where = this.byId.get(entryId);
    if (!where) throw new Error(`no catalog entry ${entryId}`);
    const fn = this.ajv.compile(entrySchema(where.catalog, where.catalog.entries[where.index]!));
    this.cache.set(entryId, fn);
    return fn;
  }
}
