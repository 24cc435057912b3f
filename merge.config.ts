/**
 * Configuration for `npx playwright merge-reports --config merge.config.ts <dir of blob zips>`:
 * the reporters of playwright.config.ts, replayed over the shards' blob reports, so a sharded
 * run yields the same reports/ as an unsharded one. Reporter paths resolve relative to this file.
 */
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { loadEnv } from './src/env.js';

const env = loadEnv();
const reportsDir = process.env.FAULTLINE_REPORTS_DIR || 'reports';
const minimal = process.env.FAULTLINE_REPORTERS === 'minimal';

const reporter: ReporterDescription[] = [
  [process.env.CI ? 'dot' : 'list'],
  ['./src/report/reporter.ts', { outputDir: `${reportsDir}/conformance` }],
];
if (!minimal) {
  reporter.push(
    ['html', { outputFolder: `${reportsDir}/html`, open: 'never' }],
    ['junit', { outputFile: `${reportsDir}/junit.xml` }],
    ['./src/report/allure-merge.ts', { resultsDir: `${reportsDir}/allure-results`, environmentInfo: { environment: env.name }, detail: false, suiteTitle: false }],
  );
}

export default defineConfig({ testDir: 'specs', reporter });
