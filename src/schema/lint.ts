/**
 * The last load-time rule (run by the loader of src/load.ts, after the catalog's own rules): the JSON Schemas a catalog contributes (envelopes, body properties,
 * header and body patterns) must compile exactly as a worker will compile them, with the same ajv
 * options. The meta-schema only says "an object" for these, so without this a catalog with
 * `type: strin` in an envelope loaded cleanly and then broke every worker's Validators with an
 * unlocated ajv message instead of a `file:line:col` issue.
 */
import type { ErrorObject } from 'ajv';
import { newAjv } from './compile.js';
import { bodySchema, entrySchema, envelopesId, envelopesSchema, headersSchema } from './generate.js';
import type { LintProblem } from '../catalog/lint.js';
import { pointerToPath } from '../catalog/locate.js';
import type { Catalog, JsonSchema, LoadedCatalog } from '../catalog/types.js';

const firstLine = (err: unknown): string => ((err as Error).message ?? String(err)).split('\n')[0] ?? '';
const ajvText = (e: ErrorObject | undefined): string => (e ? `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}` : 'is invalid');

export function schemaProblems(c: Catalog): LintProblem[] {
  // The generator reads only api, title, envelopes and entries; `file` is for messages elsewhere.
  const loaded: LoadedCatalog = { ...c, file: '' };
  const ajv = newAjv();
  const out: LintProblem[] = [];
  for (const [name, schema] of Object.entries(c.envelopes)) {
    if (ajv.validateSchema(schema)) continue;
    const e = ajv.errors?.[0];
    out.push({ path: ['envelopes', name, ...pointerToPath(e?.instancePath ?? '', schema)], message: `envelope '${name}' is not a valid JSON Schema: ${ajvText(e)}` });
  }
  if (out.length) return out;
  try {
    ajv.addSchema(envelopesSchema(loaded));
  } catch (err) {
    return [{ path: ['envelopes'], message: `envelopes do not compile: ${firstLine(err)}` }];
  }
  // Strict-mode problems (unknown keywords, `properties` without `type: object`) and unresolved
  // references show only when a definition is compiled, not when it is added.
  for (const name of Object.keys(c.envelopes)) {
    try { ajv.compile({ $ref: `${envelopesId(c.api)}#/$defs/${name}` }); } catch (err) {
      out.push({ path: ['envelopes', name], message: `envelope '${name}' does not compile: ${firstLine(err)}` });
    }
  }
  if (out.length) return out;
  const compiled = new Set<string>();
  c.entries.forEach((e, i) => {
    // a body property that is no schema at all: point at the offending keyword
    const props = e.body.kind === 'json' ? Object.entries(e.body.properties ?? {}) : [];
    const invalid = props.find(([, schema]) => !ajv.validateSchema(schema));
    if (invalid) {
      const err = ajv.errors?.[0];
      out.push({ path: ['entries', i, 'body', 'properties', invalid[0], ...pointerToPath(err?.instancePath ?? '', invalid[1])], message: `body property '${invalid[0]}' is not a valid JSON Schema: ${ajvText(err)}` });
      return;
    }
    // the contract a worker compiles (see Validators): the entry schema without its identifying keys
    const { $id: _id, $comment: _c, title: _t, description: _d, ...contract } = entrySchema(loaded, e);
    const key = JSON.stringify(contract);
    if (compiled.has(key)) return;
    try { ajv.compile(contract); compiled.add(key); return; } catch (err) {
      // name the part that fails: the headers (patterns) or the body (envelope, properties, pattern)
      const parts: [string, JsonSchema][] = [['headers', headersSchema(e)], ['body', bodySchema(loaded, e)]];
      const bad = parts.find(([, s]) => { try { ajv.compile(s); return false; } catch { return true; } });
      out.push({ path: ['entries', i, ...(bad ? [bad[0]] : [])], message: `${bad ? `${bad[0]} schema` : 'schema'} does not compile: ${firstLine(err)}` });
    }
  });
  return out;
}
