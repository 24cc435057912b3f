/**
 * faultline's Playwright configuration (playwright.config.ts is a thin door to it): one project
 * per API (so `--project=cmix` and `--grep @status:401` select as people expect), API tests only
 * (no browser), the embedded reference target started by `webServer` when the selected env asks
 * for it (`faultline run` serves it itself), and the reports under reports/.
 *
 * Under `faultline run` the config, the specs' code and the reporters come from the run's build
 * (FAULTLINE_BUILD, bin/build.js): plain JavaScript that Node loads without a TypeScript
 * transform. A bare `npx playwright test` loads the TypeScript sources, as before.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig, type ReporterDescription } from '@playwright/test';
import { runReporters } from '../report/reporters.js';
import { loadEnv } from '../env.js';
import { notStartedMessage, passedPreflight, preflight } from '../runner/preflight.js';
import { loadSuiteCatalogs } from '../runner/suite.js';
import { runModule } from './run-code.js';

/** Where playwright.config.ts lives: Playwright resolves the config's relative paths from there. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The run's settings, validated (src/settings.ts), and the env with its variables expanded. Broken
// settings, env references, base URLs, catalogs or expectations stop the run here, before any
// worker starts or request is sent, with every problem listed (the same check `npm run
// conformance` makes first).
function checked<T>(load: () => T): T {
  try { return load(); }
  catch (err) {
    // faultline's own message and exit status 2, as `npm run conformance` gives, not a stack trace
    process.stderr.write(`${notStartedMessage(err)}\n`);
    process.exit(2);
  }
}

/**
 * Up to this many entries in the catalogs a run uses, one worker; above, two. A worker costs
 * about 150 MB and half a second to start; below the crossover (measured: README, Performance,
 * "The inner loop and the footprint") a second one saves no time and costs its memory and CPU.
 */
export const ONE_WORKER_UP_TO = 100;

/** The worker count when neither FAULTLINE_WORKERS nor `--workers` says. */
export function automaticWorkers(entries: number): number {
  return entries <= ONE_WORKER_UP_TO ? 1 : 2;
}

/**
 * Paths Playwright resolves from the config's folder, made absolute from the project root when
 * the config is the build's (Playwright's own reporters' output options; faultline's reporters
 * resolve theirs themselves).
 */
function fromRoot(reporter: ReporterDescription): ReporterDescription {
  const [name, options] = reporter;
  if (name.startsWith('.') || !options || typeof options !== 'object') return reporter;
  const fixed: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const key of ['outputFolder', 'outputFile', 'outputDir']) {
    const v = fixed[key];
    if (typeof v === 'string') fixed[key] = resolve(ROOT, v);
  }
  return [name, fixed] as ReporterDescription;
}

/**
 * `configDir`: the folder of the config file Playwright loaded: the project root (the
 * TypeScript config) or the build's folder (FAULTLINE_BUILD), where the built specs are.
 */
export function faultlineConfig(opts: { configDir?: string; argv?: string[] } = {}): PlaywrightTestConfig {
  const argv = opts.argv ?? process.argv;
  const built = opts.configDir !== undefined && resolve(opts.configDir) !== resolve(ROOT);
  // A scratch folder for state the workers of one run share (the per-target circuit breaker): named
  // once in the runner, inherited by the workers, created only if needed, removed by the teardown.
  process.env.FAULTLINE_RUN_DIR ||= join(tmpdir(), `faultline-run-${randomUUID()}`);

  // One project per API when the command line selects projects (`--project=cmix`); otherwise one
  // project for everything, because Playwright starts separate workers for every project and five
  // sets of workers cost more than the whole run of a small catalog. `--grep @api:cmix` works in
  // both. The choice is made once in the runner and handed to the workers through the environment,
  // so every process sees the same projects.
  process.env.FAULTLINE_PROJECTS ||= argv.some((a) => a === '--project' || a.startsWith('--project=')) ? 'per-api' : 'single';
  // A sharded run (`--shard=i/n`) splits each spec file into n test groups, so that Playwright,
  // which cuts shards at group boundaries, gives every shard the same number of entries.
  const shardArg = argv.find((a, i) => a.startsWith('--shard=') || argv[i - 1] === '--shard');
  process.env.FAULTLINE_SHARDS ||= shardArg ? (/\/(\d+)$/.exec(shardArg)?.[1] ?? '1') : '1';
  const env = checked(() => loadEnv());
  const { settings } = env;
  // Checked once per run: not again in a worker (one exists only after the runner loaded this
  // config and passed the check), nor in a runner that `faultline run` started in its own
  // process after checking.
  const inWorker = process.env.TEST_WORKER_INDEX !== undefined;
  const catalogs = inWorker ? undefined : passedPreflight(env.name) ?? checked(() => preflight(env.name));
  // one project per API the catalogs define (a catalog's `api`, whatever its file is called); a
  // worker reads them from the catalog cache its runner filled
  const apis = (catalogs ?? loadSuiteCatalogs()).map((c) => c.api).sort();
  const reportsDir = settings.reportsDir;
  // One spec file per worker (see partsInUse in src/runner/define.ts); `--workers` wins as usual.
  const workersArg = argv.find((a, i) => a.startsWith('--workers=') || ['--workers', '-j'].includes(argv[i - 1] ?? ''));
  // (a worker's own count is not used: it takes the runner's FAULTLINE_PARTS)
  const workers = settings.workers ?? automaticWorkers(catalogs?.reduce((n, c) => n + c.entries.length, 0) ?? 0);
  process.env.FAULTLINE_PARTS ??= String(Math.max(1, Number((workersArg ?? '').replace(/^--workers=/, '')) || (typeof workers === 'number' ? workers : 2)));
  const projects = settings.projects === 'per-api'
    ? apis.map((api) => ({ name: api, grep: new RegExp(`@api:${api}(\\s|$)`) }))
    : [{ name: 'conformance' }];
  const reporter: ReporterDescription[] = [...runReporters(env.name, reportsDir), ['./src/runner/worker-watch.ts'], ['./src/runner/plan.ts']]
    .map(([name, options]) => (options === undefined ? [runModule(name)] : [runModule(name), options]) as ReporterDescription);

  return defineConfig({
    testDir: join(built ? opts.configDir! : ROOT, 'specs'),
    testMatch: built ? /conformance\/part-\d+\.spec\.js$/ : /conformance\/part-\d+\.spec\.ts$/,
    outputDir: built ? resolve(ROOT, reportsDir, 'test-results') : `${reportsDir}/test-results`,
    // Serial within a file, parallel across files: see specs/conformance/part-1.spec.ts.
    fullyParallel: false,
    workers,
    retries: 0,
    timeout: 60_000,
    forbidOnly: Boolean(process.env.CI),
    // the worker watch warns when Playwright restarted a worker after a verdict (src/runner/keep-worker.ts)
    reporter: built ? reporter.map(fromRoot) : reporter,
    use: { trace: 'off' },
    globalTeardown: runModule('./src/runner/global-teardown.ts'),
    projects,
    ...(env.embeddedReference
      ? {
          webServer: {
            command: 'node --import tsx reference/main.ts --port 0',
            cwd: ROOT,
            wait: { stdout: /listening on port (?<reference_port>\d+)/ },
            timeout: 30_000,
            reuseExistingServer: false,
            gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
          },
        }
      : {}),
  });
}
