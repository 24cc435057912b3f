/**
 * Assembles conformance.json from what the tests recorded and the catalogs' static facts: the
 * entries, what the run covered (complete, partial, interrupted), the verdict, the comparison
 * with a baseline and the history ("since when"). Pure apart from reading the baseline file, so
 * the reporter and the self-tests build reports alike.
 */
import type { LoadedCatalog } from '../catalog/types.js';
import type { Expectation } from '../runner/expectations.js';
import type { EntryResult } from '../runner/result.js';
import { wrongBaseUrl } from './diagnose.js';
import { compareWithBaseline, readBaseline } from './baseline.js';
import { entryFacts, summarise, type ConformanceEntry, type ConformanceReport, type RunScope } from './collect.js';
import { applyHistory, earlierRuns, emptyHistory, type History } from './history.js';
import { decideVerdict, type VerdictSettings } from './verdict.js';

export interface AssembleInput {
  environment: string;
  vars: Record<string, string | undefined>;
  catalogs: LoadedCatalog[];
  results: Map<string, { result: EntryResult; tags: string[] }>;
  startedAt: Date;
  durationMs: number;
  baselineFile?: string;
  /** ids of the entries the run selected (default: those with a result) */
  selected?: ReadonlySet<string>;
  interrupted?: boolean;
  shard?: string;
  /** errors outside any test (crashed worker, broken config) */
  globalErrors?: number;
  settings?: VerdictSettings;
  expectations?: Map<string, Expectation>;
  /** earlier complete runs */
  history?: History;
  /** whether destructive entries were allowed to run (their skip is on purpose otherwise) */
  allowDestructive?: boolean;
}

const DEFAULT_SETTINGS: VerdictSettings = { strict: false, allowNotConfigured: { kind: 'none' } };

export function assembleReport(input: AssembleInput): { report: ConformanceReport; warnings: string[] } {
  const warnings: string[] = [];
  const diagnoses: string[] = [];
  const entries: ConformanceEntry[] = [];
  const target: Record<string, string> = {};
  const apis: ConformanceReport['apis'] = {};
  const destructive = new Set<string>();
  let total = 0;
  for (const c of input.catalogs) {
    total += c.entries.length;
    const mine: ConformanceEntry[] = [];
    for (const e of c.entries) {
      if (e.destructive) destructive.add(e.id);
      const got = input.results.get(e.id);
      if (!got) continue;
      const facts = entryFacts(c, e, got.result, got.tags, `${e.position.file}:${e.position.line}`);
      const known = input.expectations?.get(e.id);
      if (known && (facts.outcome === 'known-deviation' || facts.outcome === 'unexpected-pass')) facts.expectation = known;
      mine.push(facts);
    }
    // Only APIs this run selected: a `--project=cmix` run says nothing about the others.
    if (!mine.length) continue;
    entries.push(...mine);
    apis[c.api] = summarise(mine);
    target[c.api] = withoutUserinfo(input.vars[c.baseUrlVar] ?? '(not configured)');
    const misconfigured = wrongBaseUrl(c.api, c.baseUrlVar, target[c.api], c.entries, mine);
    if (misconfigured) diagnoses.push(misconfigured);
  }
  const selected = input.selected?.size ?? entries.length;
  const run: RunScope = {
    scope: input.interrupted ? 'interrupted' : selected < total ? 'partial' : 'complete',
    selected, total, finished: entries.length,
    ...(input.shard ? { shard: input.shard } : {}),
  };
  const startedAt = input.startedAt.toISOString();
  const verdict = decideVerdict(
    entries.map((e) => ({ id: e.id, outcome: e.outcome, destructiveSkip: e.outcome === 'not-configured' && destructive.has(e.id) && !input.allowDestructive })),
    input.settings ?? DEFAULT_SETTINGS,
    { interrupted: Boolean(input.interrupted), globalErrors: input.globalErrors ?? 0 },
  );
  const summary = summarise(entries);
  const report: ConformanceReport = {
    environment: input.environment,
    startedAt,
    durationMs: Math.round(input.durationMs),
    target,
    run,
    verdict,
    summary,
    apis,
    entries,
    docFindings: input.catalogs.filter((c) => apis[c.api]).flatMap((c) => (c.docFindings ?? []).map((f) => ({ ...f, api: c.api }))),
    ...(diagnoses.length ? { diagnoses } : {}),
  };
  warnings.push(...diagnoses);
  // The trend shows complete runs only; a partial run is not a point of the whole.
  applyHistory(report, earlierRuns(input.history ?? emptyHistory(), input.environment, startedAt));
  if (input.baselineFile) {
    const { report: before, warning } = readBaseline(input.baselineFile);
    if (warning) warnings.push(warning);
    if (before) report.baseline = compareWithBaseline(entries, before, input.baselineFile);
  }
  return { report, warnings };
}

/** A base URL may carry credentials (`https://user:pass@host`); the report never shows them. */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1[REDACTED]@');
}
