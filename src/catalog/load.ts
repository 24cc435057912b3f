/**
 * Loads `catalogs/*.yaml`: YAML syntax, the meta-schema, the semantic lint, the later stages'
 * checks of the loaded catalog (`later`: src/load.ts passes the schema stage's, that the contracts
 * compile), then cross-catalog rules (ids unique everywhere). Every problem is reported at once,
 * located as `catalogs/<file>.yaml:LINE:COL message`; any problem throws CatalogError before
 * anything runs. Everything else loads catalogs through src/load.ts, which runs every check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { CatalogError, type CatalogIssue } from './issues.js';
import { lintCatalog, type LintProblem } from './lint.js';
import { Locator, pointerToPath, TextLines, type DocPath } from './locate.js';
import { relocate, rewriteRequestLines } from './request-line.js';
import { completeEntryValidator, metaProblems, metaValidator } from './meta.js';
import { completeEntry, withDefaults } from './defaults.js';
import { missingBasis, withBasisDefaults } from './basis.js';
import { resolvePrinted } from './printed.js';
import { resolveQuotedAnchors } from './quoted-anchor.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import { setting } from '../settings.js';
import type { CatalogFile, LoadedCatalog } from './types.js';

export const DEFAULT_CATALOG_DIR = resolve(new URL('../../catalogs/', import.meta.url).pathname);

/** A check of a later stage on the loaded catalog; its problems are located like the loader's own. */
export type LaterCheck = (c: LoadedCatalog) => LintProblem[];

/** Parse and validate one catalog's text; `file` is the label used in messages. */
export function parseCatalog(text: string, file: string, later: readonly LaterCheck[] = []): { catalog?: LoadedCatalog; issues: CatalogIssue[]; pages?: string[] } {
  const lines = new TextLines(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const issues: CatalogIssue[] = [];
  // After the first syntax errors the rest are mostly cascades: keep the first few.
  for (const err of [...doc.errors, ...doc.warnings].slice(0, 5)) {
    const pos = lines.linePos(err.pos[0]);
    issues.push({ file, line: pos.line, col: pos.col, message: yamlMessage(err.code, err.message) });
  }
  if (issues.length) return { issues };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // e.g. alias bombs: refuse with a located message rather than crash
    return { issues: [{ file, line: 1, col: 1, message: `YAML: ${(err as Error).message}` }] };
  }
  // `POST: /path` requests become method and path first; `at` points problems at the form as written
  const written = rewriteRequestLines(data);
  const located = new Locator(doc, lines);
  const loc = { value: (path: DocPath) => located.value(relocate(path, written)), key: (path: DocPath, key: string) => located.key(relocate(path, written), key) };
  const validate = metaValidator();
  if (!validate(data)) {
    for (const p of metaProblems(validate.errors ?? [])) {
      const path = pointerToPath(p.pointer, data);
      const pos = p.key !== undefined ? loc.key(path, p.key) : loc.value(path);
      issues.push({ file, ...pos, message: p.message });
    }
    return { issues: sortIssues(issues) };
  }
  const file_ = data as CatalogFile;
  // Defaults first: the merged entries must then be complete (strength, a body of a known kind).
  const merged = file_.entries.map((e) => withDefaults(file_, e));
  const complete = completeEntryValidator();
  merged.forEach((e, i) => {
    if (complete(e)) return;
    for (const p of metaProblems(complete.errors ?? [])) {
      const path = ['entries', i, ...pointerToPath(p.pointer, e)];
      const pos = p.key !== undefined ? loc.key(path, p.key) : loc.value(path);
      issues.push({ file, ...pos, message: `${p.message.replace(/^catalog /, `entries[${i}] `)}${hasDefaults(file_) ? ' (after defaults)' : ''}` });
    }
  });
  if (issues.length) return { issues: sortIssues(issues) };
  const printed = resolvePrinted(file_, merged, file);
  const anchors = resolveQuotedAnchors(file_, merged, file);
  for (const p of [...anchors.problems, ...lintCatalog(file_, merged), ...missingBasis(file_, merged), ...printed.problems]) issues.push({ file, ...loc.value(p.path), message: p.message });
  if (issues.length) return { issues: sortIssues(issues) };
  const captureLink = (capture: string): string => posix.join(posix.dirname(file.split(sep).join('/')), capture);
  const { defaults: _d, ...rest } = file_;
  const catalog: LoadedCatalog = { ...rest, entries: merged.map((e, i) => withBasisDefaults(file_, completeEntry(file_, e, captureLink, { file, ...loc.value(['entries', i]) }))), file };
  for (const check of later) for (const p of check(catalog)) issues.push({ file, ...loc.value(p.path), message: p.message });
  if (issues.length) return { issues: sortIssues(issues) };
  return { catalog, issues, pages: [...new Set([...printed.read, ...anchors.read])] };
}

const hasDefaults = (c: CatalogFile): boolean => c.defaults !== undefined && Object.keys(c.defaults).length > 0;

const memo = new Map<string, { stamp: string; catalogs: LoadedCatalog[] }>();

/** Load every `*.yaml` in `dir` (default: FAULTLINE_CATALOGS, else catalogs/; sorted by name); throws CatalogError listing every problem. */
export function loadCatalogs(dir: string = setting('catalogsDir') ?? DEFAULT_CATALOG_DIR, later: readonly LaterCheck[] = []): LoadedCatalog[] {
  const abs = resolve(dir);
  const memoKey = `${abs}\0${later.length}`;
  const files = readdirSync(abs).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  const stamp = files.map((f) => { const s = statSync(join(abs, f)); return `${f}:${s.size}:${s.mtimeMs}`; }).join('|');
  const hit = memo.get(memoKey);
  if (hit && hit.stamp === stamp) return hit.catalogs;
  const texts = files.map((f) => readFileSync(join(abs, f), 'utf8'));
  const key = cacheKey([`checks:${later.length}`, ...files.map((f) => displayPath(join(abs, f)))], ['', ...texts]);
  const cached = readCache(key);
  if (cached) { memo.set(memoKey, { stamp, catalogs: cached }); return cached; }
  const catalogs: LoadedCatalog[] = [];
  const issues: CatalogIssue[] = [];
  const pages: string[] = [];
  files.forEach((f, i) => {
    const r = parseCatalog(texts[i]!, displayPath(join(abs, f)), later);
    issues.push(...r.issues);
    if (r.catalog) catalogs.push(r.catalog);
    pages.push(...(r.pages ?? []));
  });
  issues.push(...crossCatalog(catalogs));
  if (issues.length) throw new CatalogError(issues);
  if (catalogs.length === 0) throw new CatalogError([{ file: displayPath(abs), line: 1, col: 1, message: 'no catalogs (*.yaml) found' }]);
  writeCache(key, catalogs, pages);
  memo.set(memoKey, { stamp, catalogs });
  return catalogs;
}

function crossCatalog(catalogs: LoadedCatalog[]): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const owner = new Map<string, string>();
  const apis = new Map<string, string>();
  for (const c of catalogs) {
    const prev = apis.get(c.api);
    if (prev) issues.push({ file: c.file, line: 1, col: 1, message: `api '${c.api}' is already defined by ${prev}` });
    apis.set(c.api, c.file);
    c.entries.forEach((e) => {
      const other = owner.get(e.id);
      if (other) issues.push({ ...e.position, message: `duplicate id '${e.id}' (also in ${other})` });
      owner.set(e.id, c.file);
    });
  }
  return issues;
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

function sortIssues(list: CatalogIssue[]): CatalogIssue[] {
  return list.sort((a, b) => a.line - b.line || a.col - b.col);
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '');
  return code === 'DUPLICATE_KEY' ? `duplicate key: ${clean}` : `YAML syntax: ${clean}`;
}
