/**
 * The reporters of a run, shared by playwright.config.ts and merge.config.ts so that a sharded
 * run, merged, writes exactly the reports an unsharded one does. Paths resolve from the project
 * root, where both configs live. FAULTLINE_REPORTERS=minimal keeps only the console and the
 * conformance reporter (benchmarks, self-tests).
 *
 * `faultline run --reporter=line,blob` does not replace this list (Playwright's `--reporter`
 * would drop every faultline report): it arrives here as FAULTLINE_CONSOLE_REPORTER and replaces
 * only the console reporter, or adds reporters such as `blob`.
 */
import type { ReporterDescription } from '@playwright/test';
import { loadEnv } from '../env.js';

/** Reporters faultline always configures itself; naming them again in --reporter adds nothing. */
const OWN = new Set(['html', 'junit']);

export function consoleReporters(requested: string | undefined, ci: boolean): ReporterDescription[] {
  const names = (requested ?? '').split(',').map((s) => s.trim()).filter((s) => s && !OWN.has(s));
  return names.length ? names.map((n) => [n] as ReporterDescription) : [[ci ? 'dot' : 'list']];
}

export function runReporters(envName: string, reportsDir: string): ReporterDescription[] {
  const reporter: ReporterDescription[] = [
    ...consoleReporters(process.env.FAULTLINE_CONSOLE_REPORTER, Boolean(process.env.CI)),
    ['./src/report/reporter.ts', { outputDir: `${reportsDir}/conformance` }],
  ];
  if (loadEnv().settings.reporters !== 'minimal') {
    reporter.push(
      ['html', { outputFolder: `${reportsDir}/html`, open: 'never' }],
      // faultline's JUnit: one testsuite per API (Playwright's can only group by spec file).
      ['./src/report/junit.ts', { outputFile: `${reportsDir}/junit.xml` }],
      ['./src/report/allure-merge.ts', { resultsDir: `${reportsDir}/allure-results`, environmentInfo: { environment: envName }, detail: false, suiteTitle: false }],
    );
  }
  return reporter;
}
