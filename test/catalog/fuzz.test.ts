/**
 * Fuzzes the catalog loader with mutants of the real catalogs (test/support/mutate.ts). Whatever
 * the text, the loader must answer, never throw: either issues, each `file:line:col message` with
 * the line inside the mutant and a one-line message, or a catalog whose schemas generate and
 * compile (what a worker does with it later). A few mutants also go through loadCatalogs with
 * the other catalogs beside them, for the cross-catalog checks.
 *
 * The seed is random per run and printed; reproduce with FAULTLINE_FUZZ_SEED=<seed>, and set
 * FAULTLINE_FUZZ_MUTANTS to run more.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CatalogError, formatIssue, type CatalogIssue } from '../../src/catalog/issues.js';
import { DEFAULT_CATALOG_DIR, loadCatalogs, parseCatalog } from '../../src/load.js';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { Validators } from '../../src/schema/compile.js';
import { generateAll } from '../../src/schema/generate.js';
import { setting } from '../../src/settings.js';
import { mutateText, Rng } from '../support/mutate.js';
import { BASE, lineOf } from './fixture.js';

const SEED = setting('fuzzSeed') ?? randomInt(2 ** 31);
const MUTANTS = setting('fuzzMutants');
const DIR_MUTANTS = 8;
const REPRO = `FAULTLINE_FUZZ_SEED=${SEED} npx tsx --test test/catalog/fuzz.test.ts`;

const apis = readdirSync(DEFAULT_CATALOG_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
const originals = new Map(apis.map((a) => [a, readFileSync(join(DEFAULT_CATALOG_DIR, `${a}.yaml`), 'utf8')]));

/** One PRNG per mutant, derived from the seed, so a single mutant can be replayed on its own. */
const rngFor = (i: number): Rng => new Rng(Math.imul(SEED ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca6b));

/** What is wrong with the issues a loader gave for `texts` (file label -> text), if anything. */
function issueProblems(issues: CatalogIssue[], texts: Map<string, string>): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const line = formatIssue(issue);
    const text = texts.get(issue.file);
    const m = /^(.+):(\d+):(\d+) (\S[^\n]*)$/.exec(line);
    if (text === undefined) out.push(`issue names a file that was not loaded: ${line}`);
    else if (!m || m[1] !== issue.file) out.push(`issue is not "file:line:col message" on one line: ${JSON.stringify(line.slice(0, 300))}`);
    else {
      const lines = text.split('\n');
      if (issue.line < 1 || issue.line > lines.length) out.push(`line ${issue.line} outside 1-${lines.length}: ${line.slice(0, 300)}`);
      else if (issue.col < 1 || issue.col > lines[issue.line - 1]!.length + 1) out.push(`column ${issue.col} outside line ${issue.line} (${lines[issue.line - 1]!.length} chars): ${line.slice(0, 300)}`);
    }
  }
  return out;
}

/** An accepted catalog must go all the way: schemas generate and every entry's validator compiles. */
function acceptedProblems(catalogs: LoadedCatalog[]): string[] {
  try {
    generateAll(catalogs);
    const v = new Validators(catalogs);
    for (const c of catalogs) for (const e of c.entries) v.get(e.id);
    return [];
  } catch (err) {
    return [`accepted, but schema generation or compilation threw: ${(err as Error).message.split('\n')[0]!.slice(0, 300)}`];
  }
}

function checkParse(text: string, file: string): { accepted: boolean; problems: string[] } {
  let r: ReturnType<typeof parseCatalog>;
  try {
    r = parseCatalog(text, file);
  } catch (err) {
    return { accepted: false, problems: [`parseCatalog threw ${(err as Error).name}: ${(err as Error).message.split('\n')[0]!.slice(0, 300)}`] };
  }
  if (r.catalog && r.issues.length) return { accepted: true, problems: ['both a catalog and issues'] };
  if (!r.catalog && !r.issues.length) return { accepted: false, problems: ['neither a catalog nor an issue'] };
  if (!r.catalog) return { accepted: false, problems: issueProblems(r.issues, new Map([[file, text]])) };
  return { accepted: true, problems: acceptedProblems([r.catalog]) };
}

/** Keeps failing mutants on disk for a person to open, and says how to replay them. */
function report(failures: { label: string; text: string; problems: string[] }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-fuzz-'));
  return [
    `${failures.length} failing mutant(s); seed ${SEED}; replay: ${REPRO}; mutants saved in ${dir}`,
    ...failures.slice(0, 10).map((f, i) => {
      writeFileSync(join(dir, `${i}.yaml`), f.text);
      return `  [${i}.yaml] ${f.label}\n    ${f.problems.slice(0, 3).join('\n    ')}`;
    }),
  ].join('\n');
}

test(`parseCatalog survives ${MUTANTS} mutants of the real catalogs (seed ${SEED})`, { timeout: 120_000 }, (t) => {
  const started = Date.now();
  const failures: { label: string; text: string; problems: string[] }[] = [];
  const stats = { accepted: 0, rejected: 0 };
  const byMutation = new Map<string, { n: number; accepted: number }>();
  for (let i = 0; i < MUTANTS; i++) {
    const rng = rngFor(i);
    const api = apis[i % apis.length]!;
    const foreign = originals.get(apis[(i + 1 + rng.int(apis.length - 1)) % apis.length]!)!;
    const { text, applied } = mutateText(originals.get(api)!, rng, foreign);
    const file = `catalogs/${api}.yaml`;
    const r = checkParse(text, file);
    stats[r.accepted ? 'accepted' : 'rejected']++;
    for (const name of new Set(applied)) {
      const s = byMutation.get(name) ?? { n: 0, accepted: 0 };
      s.n++; if (r.accepted) s.accepted++;
      byMutation.set(name, s);
    }
    if (r.problems.length) failures.push({ label: `mutant ${i} of ${file} (${applied.join(' + ')})`, text, problems: r.problems });
  }
  t.diagnostic(`seed ${SEED}: ${MUTANTS} mutants, ${stats.rejected} rejected, ${stats.accepted} accepted, ${Date.now() - started} ms`);
  t.diagnostic([...byMutation].sort().map(([k, v]) => `${k} ${v.n} (${v.accepted} accepted)`).join(', '));
  if (failures.length) assert.fail(report(failures)); // report() saves the mutants: only on failure
  assert.ok(stats.rejected > MUTANTS / 10 && stats.accepted > 0, `the mutants exercise both paths (${stats.rejected} rejected, ${stats.accepted} accepted)`);
});

/*
 * loadCatalogs writes a cache of every catalog set it accepts under node_modules/.cache; mutants
 * must not leave theirs behind, so the files that appear during a call are removed after it.
 */
const CACHE_DIR = resolve(new URL('../../node_modules/.cache/faultline/', import.meta.url).pathname);
function cacheFiles(): Set<string> {
  try { return new Set(readdirSync(CACHE_DIR)); } catch { return new Set(); }
}

test(`loadCatalogs with a mutant beside the other catalogs (seed ${SEED})`, { timeout: 60_000 }, (t) => {
  process.env.FAULTLINE_NO_CACHE = '1'; // never serve a mutant set from an earlier run's cache
  const failures: { label: string; text: string; problems: string[] }[] = [];
  const cases: { label: string; files: Map<string, string>; mutant: string }[] = [];
  for (let i = 0; i < DIR_MUTANTS; i++) {
    const rng = rngFor(MUTANTS + i);
    const api = rng.pick(apis);
    const { text, applied } = mutateText(originals.get(api)!, rng, originals.get(rng.pick(apis))!);
    cases.push({ label: `dir mutant ${i}: ${api}.yaml (${applied.join(' + ')})`, files: new Map([...originals, [api, text]]), mutant: text });
  }
  // Cross-catalog clashes: the same API twice (every id duplicated), an empty file, a lone BOM.
  cases.push({ label: 'cmix.yaml copied to cmix-copy.yaml', files: new Map([...originals, ['cmix-copy', originals.get('cmix')!]]), mutant: originals.get('cmix')! });
  cases.push({ label: 'an empty catalog file', files: new Map([...originals, ['empty', '']]), mutant: '' });
  cases.push({ label: 'a catalog file holding only a BOM', files: new Map([...originals, ['bom', '\ufeff']]), mutant: '\ufeff' });
  let accepted = 0;
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'fl-fuzz-dir-'));
    const texts = new Map<string, string>();
    try {
      for (const [name, text] of c.files) {
        writeFileSync(join(dir, `${name}.yaml`), text);
        texts.set(join(dir, `${name}.yaml`), text); // outside the cwd, issues name the absolute path
      }
      const before = cacheFiles();
      try {
        const catalogs = loadCatalogs(dir);
        accepted++;
        const problems = acceptedProblems(catalogs);
        if (problems.length) failures.push({ label: c.label, text: c.mutant, problems });
      } catch (err) {
        if (!(err instanceof CatalogError)) failures.push({ label: c.label, text: c.mutant, problems: [`loadCatalogs threw ${(err as Error).name}: ${(err as Error).message.split('\n')[0]}`] });
        else {
          const problems = issueProblems(err.issues, texts);
          if (problems.length) failures.push({ label: c.label, text: c.mutant, problems });
        }
      } finally {
        for (const f of cacheFiles()) if (!before.has(f)) rmSync(join(CACHE_DIR, f), { force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  t.diagnostic(`${cases.length} catalog folders, ${accepted} accepted, ${cases.length - accepted} rejected`);
  if (failures.length) assert.fail(report(failures)); // report() saves the mutants: only on failure
  assert.ok(cases.length - accepted >= 3, 'the deliberate clashes are rejected');
});

/*
 * What the fuzzing found, pinned as fixed cases so they stay fixed whatever the seed: schemas the
 * meta-schema let through but ajv (as a worker runs it) rejects, and positions that drifted after
 * yaml's error recovery.
 */
test('fuzz findings stay fixed: schemas that do not compile are located issues, positions do not drift', () => {
  const issues = (text: string): string[] => parseCatalog(text, 'catalogs/demo.yaml').issues.map(formatIssue);
  const expectAt = (text: string, needle: string, message: RegExp): void => {
    const line = lineOf(text, needle);
    const got = issues(text);
    assert.ok(got.some((i) => i.startsWith(`catalogs/demo.yaml:${line}:`) && message.test(i)), `expected an issue on line ${line} matching ${message}, got:\n${got.join('\n')}`);
  };
  const envelope = '  error: { type: object, required: [message], properties: { message: { type: string } } }';
  assert.ok(BASE.includes(envelope));
  expectAt(BASE.replace(envelope, envelope.replace('type: object', 'type: objet')), 'type: objet', /envelope 'error' is not a valid JSON Schema: \/type must be equal to one of the allowed values/);
  expectAt(BASE.replace(envelope, envelope.replace('type: object, ', '')), '  error: {', /envelope 'error' does not compile: strict mode: missing type "object" for keyword "required"/);
  expectAt(BASE.replace(envelope, envelope.replace('{ type: string }', '{ type: string, tpye: x }')), '  error: {', /envelope 'error' does not compile: strict mode: unknown keyword: "tpye"/);
  const header = BASE.replace('    strength: must\n    body: { kind: json', "    strength: must\n    headers: [{ name: Retry-After, matches: 'a{', strength: must, basis: the page says so }]\n    body: { kind: json");
  expectAt(header, 'Retry-After', /invalid regular expression: .*Incomplete quantifier/);
  const props = BASE.replace('const: { code: NOT_FOUND } }', 'const: { code: NOT_FOUND }, properties: { code: { type: strin } } }');
  expectAt(props, 'code: { type: strin }', /body property 'code' is not a valid JSON Schema: \/type must be equal to one of the allowed values/);
  const strictProps = BASE.replace('const: { code: NOT_FOUND } }', 'const: { code: NOT_FOUND }, properties: { code: { minLength: 1 } } }');
  expectAt(strictProps, 'minLength: 1', /body schema does not compile: strict mode: missing type "string" for keyword "minLength"/);

  // yaml's LineCounter lost line 5 here and put the ':' at 4:16 of a 5-character line
  const drift = 'a:\n  - x: |\n      text\n\t  },\n      "m": "n"\nb: 1\nc: [\n';
  const lines = drift.split('\n');
  const got = parseCatalog(drift, 'x.yaml').issues;
  assert.ok(got.some((i) => i.line === 5 && i.col === 10 && /map-value-ind/.test(i.message)), got.map(formatIssue).join('\n'));
  for (const i of got) assert.ok(i.col <= lines[i.line - 1]!.length + 1, `${formatIssue(i)} is past the end of its line`);
});
