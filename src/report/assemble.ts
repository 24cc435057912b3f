/**
 * Assembles conformance.json from what the tests recorded and the catalogs' static facts. Pure
 * apart from reading the baseline file, so the reporter and the self-tests build reports alike.
 */
import type { LoadedCatalog } from '../catalog/types.js';
import type { EntryResult } from '../runner/result.js';
import { wrongBaseUrl } from '../target/diagnose.js';
import { compareWithBaseline, readBaseline } from './baseline.js';
import { entryFacts, summarise, type ConformanceEntry, type ConformanceReport } from './collect.js';

export interface AssembleInput {
  environment: string;
  vars: Record<string, string | undefined>;
  catalogs: LoadedCatalog[];
  results: Map<string, { result: EntryResult; tags: string[] }>;
  startedAt: Date;
  durationMs: number;
  baselineFile?: string;
}

export function assembleReport(input: AssembleInput): { report: ConformanceReport; warnings: string[] } {
  const warnings: string[] = [];
  const diagnoses: string[] = [];
  const entries: ConformanceEntry[] = [];
  const target: Record<string, string> = {};
  const apis: ConformanceReport['apis'] = {};
  for (const c of input.catalogs) {
    const mine: ConformanceEntry[] = [];
    for (const e of c.entries) {
      const got = input.results.get(e.id);
      if (got) mine.push(entryFacts(c, e, got.result, got.tags));
    }
    // Only APIs this run selected: a `--project=cmix` run says nothing about the others.
    if (!mine.length) continue;
    entries.push(...mine);
    apis[c.api] = summarise(mine);
    target[c.api] = withoutUserinfo(input.vars[c.baseUrlVar] ?? '(not configured)');
    const misconfigured = wrongBaseUrl(c.api, c.baseUrlVar, target[c.api], c.entries, mine);
    if (misconfigured) diagnoses.push(misconfigured);
  }
  const report: ConformanceReport = {
    environment: input.environment,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    target,
    summary: summarise(entries),
    apis,
    entries,
    docFindings: input.catalogs.filter((c) => apis[c.api]).flatMap((c) => (c.docFindings ?? []).map((f) => ({ ...f, api: c.api }))),
    ...(diagnoses.length ? { diagnoses } : {}),
  };
  warnings.push(...diagnoses);
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
