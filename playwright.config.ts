/**
 * faultline's Playwright configuration: one project per API (so `--project=cmix` and
 * `--grep @status:401` select as people expect), API tests only (no browser), the embedded
 * reference target started by `webServer` when the selected env asks for it, and the reports
 * under reports/.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { runReporters } from './src/report/reporters.js';
import { loadEnv } from './src/env.js';
import { preflight } from './src/runner/preflight.js';

// A scratch folder for state the workers of one run share (the per-target circuit breaker): named
// once in the runner, inherited by the workers, created only if needed, removed by the teardown.
process.env.FAULTLINE_RUN_DIR ||= join(tmpdir(), `faultline-run-${randomUUID()}`);

// One project per API when the command line selects projects (`--project=cmix`); otherwise one
// project for everything, because Playwright starts separate workers for every project and five
// sets of workers cost more than the whole run of a small catalog. `--grep @api:cmix` works in
// both. The choice is made once in the runner and handed to the workers through the environment,
// so every process sees the same projects.
process.env.FAULTLINE_PROJECTS ||= process.argv.some((a) => a === '--project' || a.startsWith('--project=')) ? 'per-api' : 'single';
// A sharded run (`--shard=i/n`) splits each spec file into n test groups, so that Playwright,
// which cuts shards at group boundaries, gives every shard the same number of entries.
const shardArg = process.argv.find((a, i) => a.startsWith('--shard=') || process.argv[i - 1] === '--shard');
process.env.FAULTLINE_SHARDS ||= shardArg ? (/\/(\d+)$/.exec(shardArg)?.[1] ?? '1') : '1';
// The run's settings, validated (src/settings.ts), and the env with its variables expanded. Broken
// settings, env references, base URLs, catalogs or expectations stop the run here, before any
// worker starts or request is sent, with every problem listed (the same check `npm run
// conformance` makes first).
function checked<T>(load: () => T): T {
  try { return load(); }
  catch (err) {
    // faultline's own message and exit status 2, as `npm run conformance` gives, not a stack trace
    const message = (err as Error).message;
    process.stderr.write(message.startsWith('faultline: not started') ? `${message}\n` : `faultline: not started:\n${message}\n`);
    process.exit(2);
  }
}
const env = checked(() => loadEnv());
const { settings } = env;
checked(() => preflight(env.name));
const apis = readdirSync(settings.catalogsDir ?? resolve('catalogs')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
const reportsDir = settings.reportsDir;
// One spec file per worker (see partsInUse in src/runner/define.ts); `--workers` wins as usual.
const workersArg = process.argv.find((a, i) => a.startsWith('--workers=') || ['--workers', '-j'].includes(process.argv[i - 1] ?? ''));
const workers = settings.workers;
process.env.FAULTLINE_PARTS ??= String(Math.max(1, Number((workersArg ?? '').replace(/^--workers=/, '')) || (typeof workers === 'number' ? workers : 2)));
const projects = settings.projects === 'per-api'
  ? apis.map((api) => ({ name: api, grep: new RegExp(`@api:${api}(\\s|$)`) }))
  : [{ name: 'conformance' }];

export default defineConfig({
  testDir: 'specs',
  testMatch: /conformance\/part-\d+\.spec\.ts$/,
  outputDir: `${reportsDir}/test-results`,
  // Serial within a file, parallel across files: see specs/conformance/part-1.spec.ts.
  fullyParallel: false,
  workers: settings.workers,
  retries: 0,
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  // the worker watch warns when Playwright restarted a worker after a verdict (src/runner/keep-worker.ts)
  reporter: [...runReporters(env.name, reportsDir), ['./src/runner/worker-watch.ts']],
  use: { trace: 'off' },
  globalTeardown: './src/runner/global-teardown.ts',
  projects,
  ...(env.embeddedReference
    ? {
        webServer: {
          command: 'node --import tsx reference/main.ts --port 0',
          wait: { stdout: /listening on port (?<reference_port>\d+)/ },
          timeout: 30_000,
          reuseExistingServer: false,
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
      }
    : {}),
});
