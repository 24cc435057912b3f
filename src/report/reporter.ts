/**
 * faultline's own Playwright reporter: reports/conformance/conformance.json and index.html, and a
 * closing summary line on stdout.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { loadEnv } from '../env.js';
import { loadSuiteCatalogs } from '../runner/suite.js';
import { expandEnvValue } from '../recipes/build.js';
import type { EntryResult } from '../runner/result.js';
import { entryFacts, recordedResult, summarise, type ConformanceEntry, type ConformanceReport } from './collect.js';
import { renderHtml } from './html.js';

export default class ConformanceReporter implements Reporter {
  private readonly outputDir: string;
  private readonly results = new Map<string, { result: EntryResult; tags: string[] }>();
  private startedAt = new Date();

  constructor(options: { outputDir?: string } = {}) {
    this.outputDir = resolve(options.outputDir ?? 'reports/conformance');
  }

  printsToStdio(): boolean { return false; }

  onBegin(_config: FullConfig, _suite: Suite): void { this.startedAt = new Date(); }

  onTestEnd(test: TestCase, result: TestResult): void {
    const id = test.title.split(' ')[0]!;
    const recorded = recordedResult([...result.annotations, ...test.annotations]);
    const fallback: EntryResult = { id, outcome: 'error', reason: result.error?.message?.split('\n')[0] ?? `test ${result.status} without a result` };
    this.results.set(id, { result: recorded ?? fallback, tags: test.tags });
  }

  onEnd(_result: FullResult): void {
    const env = loadEnv();
    const catalogs = loadSuiteCatalogs();
    const entries: ConformanceEntry[] = [];
    const target: Record<string, string> = {};
    for (const c of catalogs) {
      target[c.api] = expandEnvValue(env.vars[c.baseUrlVar] ?? '(not configured)', { ...env.vars, ...process.env });
      for (const e of c.entries) {
        const got = this.results.get(e.id);
        if (got) entries.push(entryFacts(c, e, got.result, got.tags));
      }
    }
    const apis: ConformanceReport['apis'] = {};
    for (const c of catalogs) {
      const mine = entries.filter((e) => e.api === c.api);
      if (mine.length) apis[c.api] = summarise(mine);
    }
    const report: ConformanceReport = {
      environment: env.name,
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      target,
      summary: summarise(entries),
      apis,
      entries,
      docFindings: catalogs.flatMap((c) => (c.docFindings ?? []).map((f) => ({ ...f, api: c.api }))),
    };
    mkdirSync(this.outputDir, { recursive: true });
    writeAtomic(join(this.outputDir, 'conformance.json'), JSON.stringify(report, null, 2) + '\n');
    writeAtomic(join(this.outputDir, 'index.html'), renderHtml(report));
    const s = report.summary;
    process.stdout.write(`faultline: ${s.entries} entries: ${s.conformant} conformant, ${s.violation} violation, ${s.error} error, ${s.unprovokable} unprovokable, ${s.notConfigured} not-configured, ${s.knownDeviation} known-deviation, ${s.unexpectedPass} unexpected-pass\n`);
    process.stdout.write(`faultline: report ${join(this.outputDir, 'index.html')}\n`);
  }
}

function writeAtomic(file: string, content: string): void {
  writeFileSync(file + '.tmp', content);
  renameSync(file + '.tmp', file);
}
