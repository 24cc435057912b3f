/**
 * The reporters of a run, shared by playwright.config.ts and merge.config.ts so that a sharded
 * run, merged, writes exactly the reports an unsharded one does. Paths resolve from the project
 * root, where both configs live. FAULTLINE_REPORTERS=minimal keeps only the console and the
 * conformance reporter (benchmarks, self-tests).
 */
import type { ReporterDescription } from '@playwright/test';
import { loadEnv } from '../env.js';

export function runReporters(envName: string, reportsDir: string): ReporterDescription[] {
  const reporter: ReporterDescription[] = [
    [process.env.CI ? 'dot' : 'list'],
    ['./src/report/reporter.ts', { outputDir: `${reportsDir}/conformance` }],
  ];
  if (loadEnv().settings.reporters !== 'minimal') {
    reporter.push(
      ['html', { outputFolder: `${reportsDir}/html`, open: 'never' }],
      ['junit', { outputFile: `${reportsDir}/junit.xml` }],
      ['./src/report/allure-merge.ts', { resultsDir: `${reportsDir}/allure-results`, environmentInfo: { environment: envName }, detail: false, suiteTitle: false }],
    );
  }
  return reporter;
}
