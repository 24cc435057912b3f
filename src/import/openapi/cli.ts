/**
 * `faultline import openapi <file> [--api name] [--into catalogs/<api>.yaml] [--force] [--dry-run]`
 *
 * Reads the document (validated by the parser before anything is written), builds the catalog,
 * checks it exactly as `npm run catalogs:check` would, and writes it atomically (temporary file
 * and rename). An existing catalog of the same API is merged into (hand edits kept); any other
 * existing file is overwritten only with --force or after a yes on a terminal.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseCatalog, DEFAULT_CATALOG_DIR } from '../../load.js';
import { META_SCHEMA_PATH } from '../../catalog/meta.js';
import { lintQuotes } from '../../catalog/quote-lint.js';
import { suiteCatalogDir } from '../../runner/suite.js';
import { OpenApiError, readOpenApi } from './document.js';
import { importOpenApi, type ImportSummary } from './build.js';
import { MergeError, mergeCatalog, renderCatalog, type MergeReport } from './write.js';

export interface ImportArgs { file: string; api?: string; into?: string; force: boolean; dryRun: boolean }

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { file: '', force: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => { const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]; if (!v) throw new UsageError(`${a.split('=')[0]} needs a value`); return v; };
    if (a === '--api' || a.startsWith('--api=')) args.api = value();
    else if (a === '--into' || a.startsWith('--into=')) args.into = value();
    else if (a === '--force') args.force = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (!args.file) args.file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (!args.file) throw new UsageError('name the OpenAPI document: faultline import openapi <file> [--api name] [--into catalogs/<api>.yaml]');
  if (args.api !== undefined && !/^[a-z][a-z0-9-]*$/.test(args.api)) throw new UsageError(`--api ${args.api}: an api name is lower case, like 'petstore'`);
  return args;
}

/** The catalogs folder every command uses: FAULTLINE_CATALOGS, else catalogs/. */
export function catalogDir(): string {
  return resolve(suiteCatalogDir() ?? DEFAULT_CATALOG_DIR);
}

function apiFromFile(file: string): string {
  const name = basename(file).replace(/\.(ya?ml|json)$/i, '').replace(/[._]?(openapi|swagger)[._]?/gi, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return name || 'api';
}

export interface ImportOutcome { into: string; written: boolean; summary: ImportSummary; merge?: MergeReport; text: string }

export async function runImport(args: ImportArgs, confirm: (question: string) => Promise<boolean>): Promise<ImportOutcome> {
  const doc = await readOpenApi(args.file);
  const api = args.api ?? apiFromFile(args.file);
  const into = resolve(args.into ?? join(catalogDir(), `${api}.yaml`));
  const { catalog, summary } = importOpenApi(doc, api);
  // The document is the capture its quotes are checked against (npm run catalogs:check): one
  // already inside the catalogs folder is cited where it is, any other is copied to pages/ beside
  // the catalog, so the folder is complete on its own.
  const inside = !relative(dirname(into), resolve(doc.file)).startsWith('..');
  const capture = inside ? relative(dirname(into), resolve(doc.file)) : `pages/${doc.label}`;
  catalog.page.capture = capture;
  const schemaLink = relative(dirname(into), META_SCHEMA_PATH.pathname) || 'catalog.schema.json';
  const header = [
    `yaml-language-server: $schema=${schemaLink}`,
    `Imported from ${doc.label} (OpenAPI ${doc.version}) by faultline import openapi.`,
    'Edit freely: re-importing replaces only entries still exactly as imported (see the "imported" marks).',
  ];
  let text = renderCatalog(catalog, header, summary.derivations);
  let merge: MergeReport | undefined;
  if (existsSync(into)) {
    const existing = readFileSync(into, 'utf8');
    try {
      ({ text, report: merge } = { ...mergeCatalog(existing, catalog, into, summary.derivations) });
    } catch (err) {
      if (!(err instanceof MergeError)) throw err;
      if (!args.force && !(await confirm(`${err.message}. Overwrite it with the imported catalog?`))) {
        throw new UsageError(`${err.message}: not overwritten (pass --force, or --into another file)`);
      }
    }
  }
  const checked = parseCatalog(text, into);
  // The capture (the document, a copy of what was read) goes first, so the quote lint of
  // catalogs:check can run against it before the catalog is written.
  if (!args.dryRun && !inside) {
    mkdirSync(join(dirname(into), 'pages'), { recursive: true });
    atomicWrite(join(dirname(into), capture), readFileSync(doc.file));
  }
  const issues = checked.catalog && (inside || !args.dryRun) ? lintQuotes(checked.catalog, text) : checked.issues;
  if (issues.length) throw new OpenApiError(`the catalog for ${into} does not pass the catalog check:\n${issues.map((i) => `${relative(process.cwd(), i.file) || i.file}:${i.line}:${i.col} ${i.message}`).join('\n')}`);
  for (const other of existsSync(dirname(into)) ? readdirSync(dirname(into)).filter((f) => /\.ya?ml$/.test(f) && join(dirname(into), f) !== into) : []) {
    const t = readFileSync(join(dirname(into), other), 'utf8');
    if (new RegExp(`^api:\\s*['"]?${api}['"]?\\s*$`, 'm').test(t)) throw new UsageError(`api '${api}' is already defined by ${join(dirname(into), other)}: choose another with --api`);
  }
  if (!args.dryRun) atomicWrite(into, text);
  return { into, written: !args.dryRun, summary, ...(merge ? { merge } : {}), text };
}

function atomicWrite(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export function describe(o: ImportOutcome): string {
  const s = o.summary;
  const lines = [`${o.written ? 'wrote' : 'would write'} ${relative(process.cwd(), o.into) || o.into}: ${s.documented} documented error responses, ${s.entries} entries`];
  const kinds = Object.entries(s.recipes).filter(([, n]) => n).map(([k, n]) => `${k}: ${n}`);
  lines.push(`recipes derived: ${kinds.length ? kinds.join(', ') : 'none'} (${Object.values(s.recipes).reduce((a, b) => a + (b ?? 0), 0)} of ${s.entries})`);
  if (s.unprovokable.length) {
    lines.push(`unprovokable (${s.unprovokable.length}):`);
    for (const u of s.unprovokable) lines.push(`  ${u.id}: ${u.reason}`);
  }
  if (s.needs.length) {
    const vars = [...new Set(s.needs.flatMap((n) => n.variables))].sort();
    lines.push(`not-configured until set: ${vars.join(', ')} (the env example lists what each one is)`);
  }
  if (s.dropped.length) lines.push(`left out of the schemas: ${s.dropped.join('; ')}`);
  if (o.merge) {
    const m = o.merge;
    lines.push(`merged: ${m.added.length} added, ${m.updated.length} updated, ${m.unchanged.length} unchanged, ${m.kept.length} kept as edited by hand, ${m.removed.length} removed (no longer documented)`);
    for (const id of m.kept) lines.push(`  kept (edited by hand): ${id}`);
    for (const id of m.orphaned) lines.push(`  not in the document any more, kept because edited or written by hand: ${id}`);
  }
  return lines.join('\n');
}

async function ask(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try { return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim()); } finally { rl.close(); }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const outcome = await runImport(parseArgs(argv), ask);
    process.stdout.write(describe(outcome) + '\n');
    if (outcome.written) process.stdout.write('next: npm run catalogs:check && npm run schemas, then fill in the env variables and npm run conformance\n');
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof OpenApiError) { process.stderr.write(`faultline import openapi: ${err.message}\n`); return 2; }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
