/**
 * Configuration for `npx playwright merge-reports --config merge.config.ts <dir of blob zips>`:
 * the reporters of playwright.config.ts, replayed over the shards' blob reports, so a sharded
 * run yields the same reports/ as an unsharded one. Reporter paths resolve relative to this file.
 */
import { defineConfig } from '@playwright/test';
import { runReporters } from './src/report/reporters.js';
import { loadEnv } from './src/env.js';

const env = loadEnv();
export default defineConfig({ testDir: 'specs', reporter: runReporters(env.name, env.settings.reportsDir) });
