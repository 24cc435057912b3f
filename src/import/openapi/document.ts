/**
 * Reading an OpenAPI document: validated and bundled by @readme/openapi-parser (3.0, 3.1 and
 * Swagger 2.0, YAML or JSON; external files pulled in, remote references never fetched), then
 * walked through its internal `$ref`s with JSON pointers. Bad input is an OpenApiError naming
 * the file and what is wrong, before anything is written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bundle, compileErrors, validate, type ParserOptions } from '@readme/openapi-parser';

/** A JSON value as parsed from a document. */
export type Node = null | boolean | number | string | Node[] | { [key: string]: Node };
export type Obj = { [key: string]: Node };

export class OpenApiError extends Error {}

export interface OpenApiDocument {
  /** the file as given on the command line */
  file: string;
  /** the file's base name, used in citations (`petstore.yaml#/paths/...`) */
  label: string;
  /** '3.0.4', '3.1.0', '2.0' */
  version: string;
  /** the bundled document: one tree, internal `$ref`s only */
  root: Obj;
}

// Local files only: a document that names a remote `$ref` is refused rather than fetched.
const OPTIONS = { resolve: { external: true, file: true, http: false } } as unknown as ParserOptions;

export async function readOpenApi(file: string): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new OpenApiError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!/\b(openapi|swagger)\b/.test(text.slice(0, 4096))) throw new OpenApiError(`${file}: not an OpenAPI or Swagger document (no 'openapi' or 'swagger' key near the top)`);
  let result;
  try {
    result = await validate(file, OPTIONS);
  } catch (err) {
    throw new OpenApiError(`${file}: ${(err as Error).message}`);
  }
  if (!result.valid) throw new OpenApiError(`${file}: not a valid OpenAPI document:\n${compileErrors(result)}`);
  let root: Obj;
  try {
    root = (await bundle(file, OPTIONS)) as unknown as Obj;
  } catch (err) {
    throw new OpenApiError(`${file}: ${(err as Error).message}`);
  }
  const version = String(root.openapi ?? root.swagger ?? '');
  return { file, label: basename(file), version, root };
}

export function isObj(v: Node | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 token escaping. */
export function escapeToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(tokens: string[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

export function tokensOf(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  const p = decodeURIComponent(ref.slice(1));
  if (p === '') return [];
  if (!p.startsWith('/')) return undefined;
  return p.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function at(root: Node, tokens: string[]): Node | undefined {
  let cur: Node | undefined = root;
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObj(cur)) cur = cur[t];
    else return undefined;
  }
  return cur;
}

/** Follow `$ref` chains of a non-schema object (response, parameter, request body, header). */
export function deref(root: Obj, v: Node | undefined, seen = 0): Node | undefined {
  if (!isObj(v) || typeof v.$ref !== 'string') return v;
  if (seen > 20) throw new OpenApiError(`$ref chain too long at ${v.$ref}`);
  const tokens = tokensOf(v.$ref);
  if (!tokens) throw new OpenApiError(`unresolved external $ref ${v.$ref}`);
  const target = at(root, tokens);
  if (target === undefined) throw new OpenApiError(`$ref ${v.$ref} points at nothing`);
  // OpenAPI 3.1: a Reference Object's summary/description override the target's.
  const { $ref: _r, ...siblings } = v;
  const resolved = deref(root, target, seen + 1);
  return isObj(resolved) ? { ...resolved, ...siblings } : resolved;
}
