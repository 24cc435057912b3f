/**
 * Request validation with ajv, as CloudPirates does: the first error ajv reports becomes the 400
 * body (plus status). Schemas are compiled once; allErrors stays off so "the first" is ajv's own.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 as Ajv } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json } from '../../../src/catalog/types.js';
import { parseJsonBody, type RefRequest } from '../../http.js';
import { invalid } from './errors.js';
import { ROLES } from './events.js';

// ajv-formats is CommonJS; under NodeNext its callable is the module's `default`.
const addFormats = addFormatsModule as unknown as { default: (a: Ajv) => Ajv };

const name = { type: 'string', minLength: 1, maxLength: 100 };
const description = { type: 'string', maxLength: 1000 };
const role = { enum: ROLES };

export const SCHEMAS = {
  createWorkspace: { type: 'object', required: ['name'], properties: { name, description }, additionalProperties: false },
  changeWorkspace: { type: 'object', minProperties: 1, properties: { name, description }, additionalProperties: false },
  addMember: { type: 'object', required: ['email', 'role'], properties: { email: { type: 'string', format: 'email' }, role }, additionalProperties: false },
  changeMember: { type: 'object', required: ['role'], properties: { role }, additionalProperties: false },
  createApiKey: { type: 'object', required: ['label'], properties: { label: { type: 'string', minLength: 1, maxLength: 64 } }, additionalProperties: false },
  page: {
    type: 'object',
    properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, default: 0 } },
  },
} as const;
export type SchemaName = keyof typeof SCHEMAS;

const bodies = new Ajv({ strict: true });
addFormats.default(bodies);
// Query values arrive as strings; coercion turns "10" into 10 before the integer check.
const queries = new Ajv({ strict: true, coerceTypes: true, useDefaults: true });
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(which: SchemaName): ValidateFunction {
  let v = compiled.get(which);
  if (!v) {
    v = (which === 'page' ? queries : bodies).compile(SCHEMAS[which]);
    compiled.set(which, v);
  }
  return v;
}

/** Validate a value; throws the 400 of its first ajv error. */
export function check<T>(which: SchemaName, value: unknown): T {
  const v = validator(which);
  if (!v(value)) throw invalid((v.errors as ErrorObject[])[0]!);
  return value as T;
}

/**
 * The JSON body, validated. A body that is not JSON is validated as the text it is, so the
 * client still gets a real ajv error ("must be object") rather than a made-up one.
 */
export function body<T>(req: RefRequest, which: SchemaName): T {
  let value: Json | undefined;
  try {
    value = parseJsonBody(req);
  } catch {
    value = req.raw.toString('utf8');
  }
  return check<T>(which, value ?? {});
}
