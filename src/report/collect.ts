/**
 * Builds conformance.json from test results: the per-entry results tests recorded (annotation
 * `_faultline-result`), the catalogs' static facts (doc, status, strength) and doc findings.
 * Works the same in a live run and under merge-reports (it reads only what tests recorded).
 */
import type { Entry, LoadedCatalog, StatusInFile } from '../catalog/types.js';
import { reportBasis, type ReportBasis } from '../catalog/basis.js';
import type { Expectation } from '../runner/expectations.js';
import { OUTCOMES, RESULT_ANNOTATION, type EntryResult, type Outcome } from '../runner/result.js';
import type { EntryHistory, TrendPoint } from './history.js';
import type { Verdict } from './verdict.js';

/**
 * An entry's outcome in a report: the runner's, except that a violation of SHOULD requirements
 * only is `should-violation`, counted apart (it fails a run only with --strict).
 */
export type ReportOutcome = Outcome | 'should-violation';
export const REPORT_OUTCOMES: readonly ReportOutcome[] = [...OUTCOMES, 'should-violation'];

export interface ConformanceEntry extends Omit<EntryResult, 'outcome'> {
  outcome: ReportOutcome;
  api: string;
  title: string;
  /** the documented status as the catalog writes it (404, [409, 412], "5xx") */
  status: StatusInFile;
  /** the documented status printed, as everything shows it: `404`, `409 | 412`, `5xx` */
  statusText: string;
  strength: Entry['strength'];
  tags: string[];
  doc: Entry['doc'];
  source?: string;
  /** where the entry is defined: `catalogs/<api>.yaml:<line>` */
  catalog?: string;
  /** what its recipes rest on: the outcome's basis (the weakest of setup and requests) and each step's */
  basis?: ReportBasis;
  /** the known deviation listed for it (known-deviation, unexpected-pass) */
  expectation?: Expectation;
  /** failing since / fixed on, from the run history */
  history?: EntryHistory;
}

/** `violation` counts MUST violations; `shouldViolation` the entries whose violations are all SHOULD. */
export interface Summary { entries: number; conformant: number; violation: number; shouldViolation: number; unprovokable: number; notConfigured: number; knownDeviation: number; unexpectedPass: number; error: number }

/** What the run covered: every entry of the catalogs, a selection (or shard), or an interrupted part. */
export interface RunScope {
  scope: 'complete' | 'partial' | 'interrupted';
  /** entries the run selected */
  selected: number;
  /** entries in the catalogs */
  total: number;
  /** selected entries that finished */
  finished: number;
  /** `i/n` when the run was one shard */
  shard?: string;
}

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
  /** always written by the reporter; absent only in reports built by hand (synthetic ones) */
  run?: RunScope;
  verdict?: Verdict;
  /** earlier complete runs and this one (when complete), oldest first */
  trend?: TrendPoint[];
  /** present when FAULTLINE_BASELINE named a previous conformance.json */
  baseline?: { file: string; startedAt?: string; newlyFailing: string[]; newlyFixed: string[] };
}

export function emptySummary(): Summary {
  return { entries: 0, conformant: 0, violation: 0, shouldViolation: 0, unprovokable: 0, notConfigured: 0, knownDeviation: 0, unexpectedPass: 0, error: 0 };
}

const KEY: Record<ReportOutcome, keyof Summary> = {
  conformant: 'conformant', violation: 'violation', 'should-violation': 'shouldViolation', unprovokable: 'unprovokable', 'not-configured': 'notConfigured',
  'known-deviation': 'knownDeviation', 'unexpected-pass': 'unexpectedPass', error: 'error',
};

export function summarise(entries: { outcome: ReportOutcome }[]): Summary {
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

/** The report's outcome of a runner result: a violation of SHOULD requirements only is counted apart. */
export function reportOutcome(r: Pick<EntryResult, 'outcome' | 'violations'>): ReportOutcome {
  const vs = r.violations ?? [];
  if (r.outcome === 'violation' && vs.length && vs.every((v) => v.strength === 'should')) return 'should-violation';
  return r.outcome;
}

export function entryFacts(c: LoadedCatalog, e: Entry, r: EntryResult, tags: string[], catalog?: string): ConformanceEntry {
  const facts: ConformanceEntry = {
    ...r, outcome: reportOutcome(r), id: e.id, api: e.api, title: e.title, status: e.status.toJSON(), statusText: String(e.status), strength: e.strength, tags, doc: e.doc,
    ...(e.source ? { source: e.source } : {}), ...(catalog ? { catalog } : {}),
  };
  const basis = reportBasis(e);
  if (basis) facts.basis = basis;
  return facts;
}
