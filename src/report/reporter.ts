/**
 * faultline's own Playwright reporter: conformance.json and index.html, the run history, and a
 * closing summary on stdout. It reads only what tests recorded (annotations, tags), so it works the
 * same in a live run and under `playwright merge-reports` of sharded blob reports.
 *
 * It decides the run's verdict (src/report/verdict.ts) and returns it to Playwright, so the exit
 * status is the verdict: a SHOULD-only violation passes unless strict, a not-configured entry
 * fails unless allowed. A complete run writes reports/conformance/ and appends itself to the
 * history; a partial or interrupted run writes beside it (src/report/placement.ts), never over it.
 * A listing (`--list`) writes nothing.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { loadEnv } from '../env.js';
import { setting } from '../settings.js';
import { loadExpectations, type Expectation } from '../runner/expectations.js';
import { loadSuiteCatalogs } from '../runner/suite.js';
import type { EntryResult } from '../runner/result.js';
import { assembleReport } from './assemble.js';
import { recordedResult, type ConformanceReport } from './collect.js';
import { appendRun, readHistory, runOf } from './history.js';
import { renderHtml } from './html.js';
import { historyFile, reportFolder } from './placement.js';
import { parseAllowNotConfigured, parseStrict, SettingsError, type VerdictSettings } from './verdict.js';

/** The entry id a test title starts with. */
export const entryIdOf = (test: TestCase): string => test.title.split(' ')[0]!;

export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string;
  /** Playwright's reporter mode: `list` for `--list` (nothing runs), `test`, or `merge`. */
  private readonly mode: string;
  private readonly results = new Map<string, { result: EntryResult; tags: string[] }>();
  private selected = new Set<string>();
  private shard: string | undefined;
  private globalErrors = 0;

  constructor(options: { outputDir?: string; _mode?: string } = {}) {
    this.outputDir = resolve(options.outputDir ?? 'reports/conformance');
    this.mode = options._mode ?? 'test';
  }

  printsToStdio(): boolean { return false; }

  onBegin(config: FullConfig, suite: Suite): void {
    this.results.clear();
    this.selected = new Set(suite.allTests().map(entryIdOf));
    this.shard = config.shard && config.shard.total > 1 ? `${config.shard.current}/${config.shard.total}` : undefined;
  }

  onError(_error: TestError): void { this.globalErrors++; }

  onTestEnd(test: TestCase, result: TestResult): void {
    const id = entryIdOf(test);
    const recorded = recordedResult([...result.annotations, ...test.annotations]);
    const fallback: EntryResult = { id, outcome: 'error', reason: result.error?.message?.split('\n')[0] ?? `test ${result.status} without a result` };
    // With retries the last attempt wins, as in Playwright's own verdict.
    this.results.set(id, { result: recorded ?? fallback, tags: test.tags });
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    // A listing runs nothing: it must not replace the last report with an empty one.
    if (this.mode === 'list') return undefined;
    const env = loadEnv();
    // REFERENCE_PORT and CI-injected URLs live in process.env, set after the env file was read.
    const vars = env.vars; // the env loader's: process environment over file, `${VAR}` expanded
    const catalogs = loadSuiteCatalogs();
    const ids = new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id)));
    const problems: string[] = [];
    const settings = verdictSettings(vars, ids, problems);
    const historyPath = setting('history');
    const history = readHistory(historyPath ? resolve(historyPath) : historyFile(this.outputDir));
    const baselinePath = setting('baseline');
    const verdictPath = setting('verdictFile');
    const { report, warnings } = assembleReport({
      environment: env.name,
      vars,
      catalogs,
      results: this.results,
      // FullResult's times span the whole run, also when merge-reports replays sharded blobs.
      startedAt: result.startTime,
      durationMs: result.duration,
      ...(baselinePath ? { baselineFile: resolve(baselinePath) } : {}),
      // Under merge-reports the suite holds every shard's tests: the union is what was selected.
      selected: this.selected,
      interrupted: result.status === 'interrupted' || result.status === 'timedout',
      ...(this.shard ? { shard: this.shard } : {}),
      globalErrors: this.globalErrors + problems.length,
      settings,
      expectations: expectations(env.name, ids),
      history: history.history,
      allowDestructive: env.allowDestructive,
    });
    if (problems.length) report.verdict?.reasons.push(...problems);
    const dir = reportFolder(this.outputDir, report.run!.scope);
    mkdirSync(dir, { recursive: true });
    // compact: indenting made it about 1.6 times the size (20.5 MB at 10,000 entries) for nothing a JSON reader sees
    writeAtomic(join(dir, 'conformance.json'), JSON.stringify(report) + '\n');
    writeAtomic(join(dir, 'index.html'), renderHtml(report));
    if (report.run!.scope === 'complete') {
      const max = setting('historyRuns');
      writeAtomic(historyFile(this.outputDir), JSON.stringify(appendRun(history.history, runOf(report), max)) + '\n');
    }
    if (verdictPath) {
      writeAtomic(resolve(verdictPath), JSON.stringify({ ...report.verdict, run: report.run, report: join(dir, 'conformance.json') }) + '\n');
    }
    process.stdout.write(closingLines(report, [...(history.warning ? [history.warning] : []), ...warnings], join(dir, 'index.html')).join('\n') + '\n');
    const verdict = report.verdict!;
    return { status: verdict.result === 'interrupted' ? 'interrupted' : verdict.result === 'passed' ? 'passed' : 'failed' };
  }
}

function verdictSettings(vars: Record<string, string | undefined>, ids: ReadonlySet<string>, problems: string[]): VerdictSettings {
  const settings: VerdictSettings = { strict: false, allowNotConfigured: { kind: 'none' } };
  try { settings.strict = parseStrict(vars.FAULTLINE_STRICT); } catch (err) { if (!(err instanceof SettingsError)) throw err; problems.push(err.message); }
  try { settings.allowNotConfigured = parseAllowNotConfigured(vars.FAULTLINE_ALLOW_NOT_CONFIGURED, ids); } catch (err) { if (!(err instanceof SettingsError)) throw err; problems.push(err.message); }
  return settings;
}

/** The env's known deviations, for their link and expiry; the preflight already refused broken ones. */
function expectations(envName: string, ids: Set<string>): Map<string, Expectation> {
  try { return loadExpectations(envName, ids); } catch { return new Map(); }
}

export function closingLines(report: ConformanceReport, warnings: string[], page: string): string[] {
  const s = report.summary;
  const out: string[] = warnings.map((w) => `faultline: warning: ${w}`);
  const run = report.run;
  if (run && run.scope === 'partial') out.push(`faultline: partial run: ${run.selected} of ${run.total} entries selected${run.shard ? ` (shard ${run.shard})` : ''}; the last complete report is left as it was`);
  if (run && run.scope === 'interrupted') out.push(`faultline: interrupted: ${run.finished} of ${run.selected} selected entries finished; the last complete report is left as it was`);
  out.push(`faultline: ${s.entries} entries: ${s.conformant} conformant, ${s.violation} violation, ${s.shouldViolation} should-violation, ${s.error} error, ${s.unprovokable} unprovokable, ${s.notConfigured} not-configured, ${s.knownDeviation} known-deviation, ${s.unexpectedPass} unexpected-pass`);
  // Failures an assumption may explain are read apart: the recipe's guess, not the API, may be wrong.
  const assumed = report.entries.filter((e) => e.basis?.kind === 'assumed' && ['violation', 'should-violation', 'error'].includes(e.outcome)).map((e) => e.id);
  if (assumed.length) out.push(`faultline: ${assumed.length} of the failing entries rest on an assumption (the deployment may simply lack what the recipe assumes; --grep @assumed): ${assumed.join(', ')}`);
  if (report.baseline) out.push(`faultline: against baseline: ${report.baseline.newlyFailing.length} newly failing, ${report.baseline.newlyFixed.length} newly fixed`);
  const v = report.verdict;
  if (v) {
    out.push(`faultline: ${v.result}${v.strict ? ' (strict)' : ''}${v.reasons.length ? ':' : ''}`);
    for (const r of v.reasons) out.push(`faultline:   ${r}`);
  }
  out.push(`faultline: report ${page}`);
  return out;
}

function writeAtomic(file: string, content: string): void {
  writeFileSync(file + '.tmp', content);
  renameSync(file + '.tmp', file);
}
