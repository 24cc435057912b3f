/**
 * The run history behind "since when?": a bounded list of earlier complete runs (each night's
 * outcome per entry and its counts), kept as history.json beside the complete report. Every
 * complete run appends itself and drops the oldest beyond the bound; partial and interrupted runs
 * read it but never write it. From it come the trend per API and overall, and per entry "failing
 * since <date> (n runs)" or "fixed on <date>".
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ConformanceReport, ReportOutcome, Summary } from './collect.js';
import { DEFAULT_HISTORY_RUNS } from '../settings.js';

export interface HistoryRun {
  startedAt: string;
  environment: string;
  summary: Summary;
  apis: Record<string, Summary>;
  /** entry id → outcome */
  outcomes: Record<string, ReportOutcome>;
}

export interface History { version: 1; runs: HistoryRun[] }


/** What counts as failing for "since when": what a person must look at. */
const FAILING: ReadonlySet<ReportOutcome> = new Set<ReportOutcome>(['violation', 'error', 'should-violation']);
const PASSING: ReadonlySet<ReportOutcome> = new Set<ReportOutcome>(['conformant', 'unexpected-pass']);

export function emptyHistory(): History { return { version: 1, runs: [] }; }

/** Reads a history file; a missing one is an empty history, a broken one a warning (the run goes on). */
export function readHistory(file: string): { history: History; warning?: string } {
  if (!existsSync(file)) return { history: emptyHistory() };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<History>;
    if (!Array.isArray(data.runs)) return { history: emptyHistory(), warning: `history ${file} has no runs array; starting a new history` };
    const runs = data.runs.filter((r): r is HistoryRun => typeof r?.startedAt === 'string' && typeof r.outcomes === 'object' && r.outcomes !== null && typeof r.summary === 'object');
    return { history: { version: 1, runs: runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt)) } };
  } catch (err) {
    return { history: emptyHistory(), warning: `history ${file} is not valid JSON (${(err as Error).message}); starting a new history` };
  }
}

export function runOf(r: Pick<ConformanceReport, 'startedAt' | 'environment' | 'summary' | 'apis' | 'entries'>): HistoryRun {
  return { startedAt: r.startedAt, environment: r.environment, summary: r.summary, apis: r.apis, outcomes: Object.fromEntries(r.entries.map((e) => [e.id, e.outcome])) };
}

/** The earlier runs of the same environment, oldest first, without the run itself. */
export function earlierRuns(h: History, environment: string, startedAt: string): HistoryRun[] {
  return h.runs.filter((r) => r.environment === environment && r.startedAt < startedAt);
}

/** `h` with `run` appended, keeping the newest `max` runs. */
export function appendRun(h: History, run: HistoryRun, max = DEFAULT_HISTORY_RUNS): History {
  const runs = [...h.runs.filter((r) => r.startedAt !== run.startedAt), run].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { version: 1, runs: runs.slice(Math.max(0, runs.length - max)) };
}

export interface EntryHistory { failingSince?: string; runs?: number; fixedOn?: string }

/**
 * For one entry: failing now → since which run it has failed without a break (and in how many
 * runs, this one included); passing now after failing in the history → the run it was fixed in.
 * `earlier` is oldest first. Nothing when the history says nothing new.
 */
export function entryHistory(id: string, now: { outcome: ReportOutcome; startedAt: string }, earlier: HistoryRun[]): EntryHistory | undefined {
  if (FAILING.has(now.outcome)) {
    let since = now.startedAt;
    let runs = 1;
    for (let i = earlier.length - 1; i >= 0; i--) {
      const o = earlier[i]!.outcomes[id];
      if (!o || !FAILING.has(o)) break;
      since = earlier[i]!.startedAt;
      runs++;
    }
    return { failingSince: since, runs };
  }
  if (!PASSING.has(now.outcome)) return undefined;
  // Walk back over passing runs; the run after the latest failing one is when it was fixed.
  let fixedOn = now.startedAt;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const o = earlier[i]!.outcomes[id];
    if (o && FAILING.has(o)) return { fixedOn };
    if (o && PASSING.has(o)) fixedOn = earlier[i]!.startedAt;
    else if (!o) return undefined;
  }
  return undefined;
}

export interface TrendPoint { startedAt: string; summary: Summary; apis: Record<string, Summary>; current?: boolean }

export function trendOf(earlier: HistoryRun[], current?: Pick<ConformanceReport, 'startedAt' | 'summary' | 'apis'>): TrendPoint[] {
  const points: TrendPoint[] = earlier.map((r) => ({ startedAt: r.startedAt, summary: r.summary, apis: r.apis }));
  if (current) points.push({ startedAt: current.startedAt, summary: current.summary, apis: current.apis, current: true });
  return points;
}

/**
 * Adds what the history says to a report of this run: per entry "failing since" / "fixed on", and
 * the trend of complete runs (this one last when it is complete itself).
 */
export function applyHistory(report: ConformanceReport, earlier: HistoryRun[]): void {
  for (const e of report.entries) {
    const h = entryHistory(e.id, { outcome: e.outcome, startedAt: report.startedAt }, earlier);
    if (h) e.history = h;
  }
  const trend = trendOf(earlier, !report.run || report.run.scope === 'complete' ? report : undefined);
  if (trend.length) report.trend = trend;
}
