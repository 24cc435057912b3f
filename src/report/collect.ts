/**
 * Builds conformance.json from test results: the per-entry results tests recorded (annotation
 * `faultline-result`), the catalogs' static facts (doc, status, strength) and doc findings.
 * Works the same in a live run and under merge-reports (it reads only what tests recorded).
 */
import type { Entry, LoadedCatalog } from '../catalog/types.js';
import { OUTCOMES, RESULT_ANNOTATION, type EntryResult, type Outcome } from '../runner/result.js';

export interface ConformanceEntry extends EntryResult {
  api: string;
  title: string;
  status: Entry['status'];
  strength: Entry['strength'];
  tags: string[];
  doc: Entry['doc'];
  source?: string;
}

export interface Summary { entries: number; conformant: number; violation: number; unprovokable: number; notConfigured: number; knownDeviation: number; unexpectedPass: number; error: number }

export interface ConformanceReport {
  environment: string;
  startedAt: string;
  durationMs: number;
  target: Record<string, string>;
  summary: Summary;
  apis: Record<string, Summary>;
  entries: ConformanceEntry[];
  docFindings: (NonNullable<LoadedCatalog['docFindings']>[number] & { api: string })[];
  /** what the answers say about the run's configuration (every answer of an API the same 404: a wrong base URL) */
  diagnoses?: string[];
  /** present when FAULTLINE_BASELINE named a previous conformance.json */
  baseline?: { file: string; startedAt?: string; newlyFailing: string[]; newlyFixed: string[] };
}

export function emptySummary(): Summary {
  return { entries: 0, conformant: 0, violation: 0, unprovokable: 0, notConfigured: 0, knownDeviation: 0, unexpectedPass: 0, error: 0 };
}

const KEY: Record<Outcome, keyof Summary> = {
  conformant: 'conformant', violation: 'violation', unprovokable: 'unprovokable', 'not-configured': 'notConfigured',
  'known-deviation': 'knownDeviation', 'unexpected-pass': 'unexpectedPass', error: 'error',
};

export function summarise(entries: { outcome: Outcome }[]): Summary {
  const s = emptySummary();
  for (const e of entries) { s.entries++; s[KEY[e.outcome]]++; }
  return s;
}

/** Parse the result a test recorded; undefined when the test recorded none (e.g. it crashed). */
export function recordedResult(annotations: { type: string; description?: string }[]): EntryResult | undefined {
  const a = annotations.filter((x) => x.type === RESULT_ANNOTATION).pop();
  if (!a?.description) return undefined;
  const r = JSON.parse(a.description) as EntryResult;
  return OUTCOMES.includes(r.outcome) ? r : undefined;
}

export function entryFacts(c: LoadedCatalog, e: Entry, r: EntryResult, tags: string[]): ConformanceEntry {
  return { ...r, id: e.id, api: c.api, title: e.title, status: e.status, strength: e.strength, tags, doc: e.doc, ...(e.source ? { source: e.source } : {}) };
}
