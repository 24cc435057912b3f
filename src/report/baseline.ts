/**
 * Comparison with a previous run's conformance.json (`FAULTLINE_BASELINE`): which entries fail now
 * but did not before, and which failed before and conform now. `--baseline FILE` is not a
 * Playwright flag, hence the env variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ConformanceReport, ReportOutcome } from './collect.js';

export type Baseline = NonNullable<ConformanceReport['baseline']>;

/** Red in a run: what a person must look at. A known deviation is accepted, so not red. */
const FAILING: ReadonlySet<ReportOutcome> = new Set<ReportOutcome>(['violation', 'error', 'should-violation']);
/** Conforms now (an unexpected pass conforms too: its expectation is stale). */
const PASSING: ReadonlySet<ReportOutcome> = new Set<ReportOutcome>(['conformant', 'unexpected-pass']);

export function compareWithBaseline(
  now: { id: string; outcome: ReportOutcome }[],
  before: { startedAt?: string; entries: { id: string; outcome: ReportOutcome }[] },
  file: string,
): Baseline {
  const was = new Map(before.entries.map((e) => [e.id, e.outcome]));
  const newlyFailing: string[] = [];
  const newlyFixed: string[] = [];
  for (const e of now) {
    const old = was.get(e.id);
    // An entry absent from the baseline (new in the catalog) that fails is newly failing too.
    if (FAILING.has(e.outcome) && !(old && FAILING.has(old))) newlyFailing.push(e.id);
    if (PASSING.has(e.outcome) && old && FAILING.has(old)) newlyFixed.push(e.id);
  }
  return { file, ...(before.startedAt ? { startedAt: before.startedAt } : {}), newlyFailing, newlyFixed };
}

/**
 * Reads a baseline file; a missing or unreadable one yields a warning, not a failed report: the
 * first nightly run has no previous night.
 */
export function readBaseline(file: string): { report?: Pick<ConformanceReport, 'entries' | 'startedAt'>; warning?: string } {
  if (!existsSync(file)) return { warning: `baseline ${file} does not exist; no comparison` };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<ConformanceReport>;
    if (!Array.isArray(data.entries)) return { warning: `baseline ${file} has no entries array; no comparison` };
    const entries = data.entries.filter((e) => typeof e?.id === 'string' && typeof e?.outcome === 'string');
    return { report: { entries, startedAt: String(data.startedAt ?? '') } };
  } catch (err) {
    return { warning: `baseline ${file} is not valid JSON (${(err as Error).message}); no comparison` };
  }
}
