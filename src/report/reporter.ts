/**
 * faultline's own Playwright reporter: reports/conformance/conformance.json and index.html, and a
 * closing summary on stdout. It reads only what tests recorded (annotations, tags), so it works the
 * same in a live run and under `playwright merge-reports` of sharded blob reports.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { loadEnv } from '../env.js';
import { loadSuiteCatalogs } from '../runner/suite.js';
import type { EntryResult } from '../runner/result.js';
import { assembleReport } from './assemble.js';
import { recordedResult } from './collect.js';
import { renderHtml } from './html.js';

export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string;
  /** Playwright's reporter mode: `list` for `--list` (nothing runs), `test`, or `merge`. */
  private readonly mode: string;
  private readonly results = new Map<string, { result: EntryResult; tags: string[] }>();

  constructor(options: { outputDir?: string; _mode?: string } = {}) {
    this.outputDir = resolve(options.outputDir ?? 'reports/conformance');
    this.mode = options._mode ?? 'test';
  }

  printsToStdio(): boolean { return false; }

  onBegin(_config: FullConfig, _suite: Suite): void { this.results.clear(); }

  onTestEnd(test: TestCase, result: TestResult): void {
    const id = test.title.split(' ')[0]!;
    const recorded = recordedResult([...result.annotations, ...test.annotations]);
    const fallback: EntryResult = { id, outcome: 'error', reason: result.error?.message?.split('\n')[0] ?? `test ${result.status} without a result` };
    // With retries the last attempt wins, as in Playwright's own verdict.
    this.results.set(id, { result: recorded ?? fallback, tags: test.tags });
  }

  onEnd(result: FullResult): void {
    // A listing runs nothing: it must not replace the last report with an empty one.
    if (this.mode === 'list') return;
    const env = loadEnv();
    const { report, warnings } = assembleReport({
      environment: env.name,
      // the env loader's variables: process environment over file, `${VAR}` expanded (REFERENCE_PORT
      // is known by now: loadEnv reads the env again once a pending run-time variable is set)
      vars: env.vars,
      catalogs: loadSuiteCatalogs(),
      results: this.results,
      // FullResult's times span the whole run, also when merge-reports replays sharded blobs.
      startedAt: result.startTime,
      durationMs: result.duration,
      ...(env.settings.baseline ? { baselineFile: resolve(env.settings.baseline) } : {}),
    });
    mkdirSync(this.outputDir, { recursive: true });
    writeAtomic(join(this.outputDir, 'conformance.json'), JSON.stringify(report, null, 2) + '\n');
    writeAtomic(join(this.outputDir, 'index.html'), renderHtml(report));
    const s = report.summary;
    const out: string[] = warnings.map((w) => `faultline: warning: ${w}`);
    out.push(`faultline: ${s.entries} entries: ${s.conformant} conformant, ${s.violation} violation, ${s.error} error, ${s.unprovokable} unprovokable, ${s.notConfigured} not-configured, ${s.knownDeviation} known-deviation, ${s.unexpectedPass} unexpected-pass`);
    if (report.baseline) out.push(`faultline: against baseline: ${report.baseline.newlyFailing.length} newly failing, ${report.baseline.newlyFixed.length} newly fixed`);
    out.push(`faultline: report ${join(this.outputDir, 'index.html')}`);
    process.stdout.write(out.join('\n') + '\n');
  }
}

function writeAtomic(file: string, content: string): void {
  writeFileSync(file + '.tmp', content);
  renameSync(file + '.tmp', file);
}
