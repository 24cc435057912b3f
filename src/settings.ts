/**
 * faultline's run settings: every `FAULTLINE_*` variable (and `CONFORMANCE_ENV`) is defined here
 * once, with its default, what it accepts and what it does. `readSettings` builds the one settings
 * object of a process from the loaded env (the env file, overridden by the process environment)
 * and refuses every bad value at once, before any request, naming where the value came from. The
 * README's settings table is generated from these definitions (`npm run schemas`) and
 * drift-checked (`npm run schemas:check`).
 */

import { runSettings, SettingError as RunSettingError } from './run-settings.js';

/** How many complete runs the trend history keeps when FAULTLINE_HISTORY_RUNS is unset. */
export const DEFAULT_HISTORY_RUNS = 30;

/** A value a definition refuses: the message says what it accepts. */
export class SettingError extends Error {}

export type SettingGroup = 'run' | 'reports' | 'tools';

interface Definition<T> {
  /** the variable's name */
  name: string;
  group: SettingGroup;
  /** the default as a person reads it in the table */
  default: string;
  /** what the variable accepts, for the table */
  accepts: string;
  /** what it does, for the table (Markdown) */
  doc: string;
  /** the value when unset */
  unset: T;
  /** parses a set value; throws SettingError saying what is accepted */
  parse(raw: string): T;
}

const def = <T>(d: Definition<T>): Definition<T> => d;

function integer(raw: string, min: number, what: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) throw new SettingError(`must be ${what}`);
  return Number(raw);
}

function oneOf<const V extends string>(...values: V[]): (raw: string) => V {
  return (raw) => {
    if (!(values as string[]).includes(raw)) throw new SettingError(`must be one of ${values.map((v) => `'${v}'`).join(', ')}`);
    return raw as V;
  };
}

function flag(on: string, off: string): (raw: string) => boolean {
  const parse = oneOf(on, off);
  return (raw) => parse(raw) === on;
}

function path(raw: string): string {
  if (raw.trim() === '') throw new SettingError('must name a path');
  return raw;
}

/** The runner's politeness settings keep their own parser (src/run-settings.ts); its message, without the name. */
function viaRunSettings(name: string, raw: string): string {
  try { runSettings({ [name]: raw }); }
  catch (err) { if (err instanceof RunSettingError) throw new SettingError(err.message.replace(/^[A-Z_]+=[^:]*: /, '')); throw err; }
  return raw;
}

/** A JSON object, kept as its text (its reader parses it). */
function jsonObject(raw: string): string {
  let v: unknown;
  try { v = JSON.parse(raw); } catch { throw new SettingError('must be a JSON object'); }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SettingError('must be a JSON object');
  return raw;
}

/** Playwright's own `workers` syntax: a positive number of processes, or a percentage of the cores. */
function workers(raw: string): number | string {
  const pct = /^(\d+)%$/.exec(raw.trim());
  if (pct) {
    const n = Number(pct[1]);
    if (n >= 1 && n <= 100) return `${n}%`;
  } else if (/^\d+$/.test(raw.trim()) && Number(raw) >= 1 && Number(raw) <= 1000) return Number(raw);
  throw new SettingError('must be a number of worker processes (1 or more) or a percentage of the cores such as 50%');
}

export const DEFINITIONS = {
  envName: def({
    name: 'CONFORMANCE_ENV', group: 'run', default: '`reference`', accepts: 'a name: letters, digits, `.`, `_`, `-`', unset: 'reference',
    doc: 'which `env/<name>.env` a run loads (process environment only)',
    parse: (raw) => { if (!/^[A-Za-z0-9_.-]+$/.test(raw)) throw new SettingError("an env name may hold only letters, digits, '.', '_' and '-'"); return raw; },
  }),
  envDir: def<string | undefined>({
    name: 'FAULTLINE_ENV_DIR', group: 'run', default: '`env/`', accepts: 'a folder', unset: undefined,
    doc: 'where `<name>.env` and `<name>.expectations.yaml` are read from (process environment only)',
    parse: path,
  }),
  reference: def({
    name: 'FAULTLINE_REFERENCE', group: 'run', default: '`none`', accepts: '`embedded`, `none`', unset: 'none' as 'embedded' | 'none',
    doc: '`embedded` starts the reference target for the run and fills in `REFERENCE_PORT` (`npm run conformance` serves it from its own process; a bare `npx playwright test` starts it as Playwright `webServer`)',
    parse: oneOf('embedded', 'none'),
  }),
  allowDestructive: def({
    name: 'FAULTLINE_ALLOW_DESTRUCTIVE', group: 'run', default: '`false`', accepts: '`true`, `false`', unset: false,
    doc: 'run entries marked `destructive` (they use up a shared budget such as a rate limit)',
    parse: flag('true', 'false'),
  }),
  requestTimeoutMs: def({
    name: 'FAULTLINE_REQUEST_TIMEOUT_MS', group: 'run', default: '10000', accepts: 'an integer ≥ 1 (milliseconds)', unset: 10_000,
    doc: 'how long one request may take before the entry is an `error` ("target did not answer")',
    parse: (raw) => integer(raw, 1, 'a whole number of milliseconds, at least 1'),
  }),
  breakerThreshold: def({
    name: 'FAULTLINE_BREAKER_THRESHOLD', group: 'run', default: '3', accepts: 'an integer ≥ 0', unset: 3,
    doc: "transport failures in a row to one base URL after which that API's remaining entries are `error` at once; 0 turns the breaker off",
    parse: (raw) => integer(raw, 0, 'a whole number, 0 or more (0 turns the breaker off)'),
  }),
  sender: def({
    name: 'FAULTLINE_SENDER', group: 'run', default: '`playwright`', accepts: '`playwright`, `stream`', unset: 'playwright' as 'playwright' | 'stream',
    doc: "`stream` sends through Node's own client and stops reading a body at 1 MiB (no cookie jar)",
    parse: oneOf('playwright', 'stream'),
  }),
  workers: def<number | string | undefined>({
    name: 'FAULTLINE_WORKERS', group: 'run', default: 'by the catalogs\' size: 1 up to 100 entries, else 2', accepts: 'an integer ≥ 1, or a percentage of the cores (`50%`)', unset: undefined,
    doc: 'Playwright worker processes (`--workers` wins); the crossover is measured under Performance, "The inner loop and the footprint"',
    parse: workers,
  }),
  catalogsDir: def<string | undefined>({
    name: 'FAULTLINE_CATALOGS', group: 'run', default: '`catalogs/`', accepts: 'a folder of `<api>.yaml` catalogs', unset: undefined,
    doc: 'the catalogs a run uses',
    parse: path,
  }),
  projects: def<'single' | 'per-api' | undefined>({
    name: 'FAULTLINE_PROJECTS', group: 'run', default: 'from the command line', accepts: '`single`, `per-api`', unset: undefined,
    doc: 'one Playwright project, or one per API; chosen by the runner (`per-api` when `--project` is given) and handed to the workers',
    parse: oneOf('single', 'per-api'),
  }),
  runDir: def<string | undefined>({
    name: 'FAULTLINE_RUN_DIR', group: 'run', default: 'a new folder under the system temp folder', accepts: 'a path', unset: undefined,
    doc: "the run's scratch folder, shared by its workers (circuit breaker state); created only when needed and removed when the run ends",
    parse: path,
  }),
  playwrightSteps: def({
    name: 'FAULTLINE_PLAYWRIGHT_STEPS', group: 'run', default: '`0`', accepts: '`0`, `1`', unset: false,
    doc: "`1` keeps Playwright's per-test trace and context fixtures (for debugging with traces; slower)",
    parse: flag('1', '0'),
  }),
  noCache: def({
    name: 'FAULTLINE_NO_CACHE', group: 'run', default: '`0`', accepts: '`0`, `1`', unset: false,
    doc: '`1` parses the catalogs and compiles the validators every time instead of reading them from the cache',
    parse: flag('1', '0'),
  }),
  cacheDir: def({
    name: 'FAULTLINE_CACHE_DIR', group: 'run', default: '`node_modules/.cache/faultline/`', accepts: 'a folder', unset: new URL('../node_modules/.cache/faultline/', import.meta.url).pathname,
    doc: 'where the parsed catalogs and the compiled validators are kept between runs (safe to delete; `FAULTLINE_NO_CACHE=1` uses neither)',
    parse: path,
  }),
  build: def<string | undefined>({
    name: 'FAULTLINE_BUILD', group: 'run', default: 'set by `faultline run`', accepts: 'a folder', unset: undefined,
    doc: "the run's JavaScript, bundled from the sources (bin/build.js) and handed to the runner and the workers; unset, they load the TypeScript sources",
    parse: path,
  }),
  rateLimit: def<string | undefined>({
    name: 'FAULTLINE_RATE_LIMIT', group: 'run', default: 'no limit', accepts: 'requests per second or minute: `5/s`, `120/min`', unset: undefined,
    doc: 'requests per base URL for the whole run, all workers together (src/run-settings.ts)',
    parse: (raw) => viaRunSettings('FAULTLINE_RATE_LIMIT', raw),
  }),
  concurrency: def<string | undefined>({
    name: 'FAULTLINE_CONCURRENCY', group: 'run', default: 'no cap', accepts: 'an integer ≥ 1', unset: undefined,
    doc: 'requests in flight per base URL, all workers together',
    parse: (raw) => viaRunSettings('FAULTLINE_CONCURRENCY', raw),
  }),
  retryAfterMaxMs: def<string | undefined>({
    name: 'FAULTLINE_RETRY_AFTER_MAX_MS', group: 'run', default: '10000', accepts: 'an integer ≥ 0 (milliseconds)', unset: undefined,
    doc: "the longest a setup or teardown step waits on a 429/503 answer's Retry-After before it retries; 0 = never wait",
    parse: (raw) => viaRunSettings('FAULTLINE_RETRY_AFTER_MAX_MS', raw),
  }),
  keepWorker: def({
    name: 'FAULTLINE_KEEP_WORKER', group: 'run', default: '`1`', accepts: '`0`, `1`', unset: true,
    doc: '`0` lets Playwright restart a worker after every failing entry (src/runner/keep-worker.ts)',
    parse: flag('1', '0'),
  }),
  pipeline: def({
    name: 'FAULTLINE_PIPELINE', group: 'run', default: '`8`', accepts: 'an integer ≥ 1', unset: 8,
    doc: 'stateless entries each worker keeps in flight ahead of the test that judges them; `1` sends every request in its own test (src/runner/pipeline.ts)',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  shards: def({
    name: 'FAULTLINE_SHARDS', group: 'run', default: 'from `--shard`', accepts: 'an integer ≥ 1', unset: 1,
    doc: 'test groups per spec file, one per shard; set by the runner from `--shard=i/n` and handed to the workers',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  parts: def<number | undefined>({
    name: 'FAULTLINE_PARTS', group: 'run', default: 'the worker count', accepts: 'an integer ≥ 1', unset: undefined,
    doc: 'spec files in use, one per worker; set by the runner and handed to the workers (src/runner/define.ts)',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  consoleReporter: def<string | undefined>({
    name: 'FAULTLINE_CONSOLE_REPORTER', group: 'reports', default: '`list` (`dot` under CI)', accepts: 'Playwright reporter names, comma-separated', unset: undefined,
    doc: "the console reporter(s); `faultline run --reporter` sets it, faultline's own reports are written whatever it says",
    parse: (raw) => raw,
  }),
  reportsDir: def({
    name: 'FAULTLINE_REPORTS_DIR', group: 'reports', default: '`reports`', accepts: 'a folder', unset: 'reports',
    doc: 'where a run (and `report:allure`, `report:merge`) writes its reports',
    parse: path,
  }),
  reporters: def({
    name: 'FAULTLINE_REPORTERS', group: 'reports', default: '`all`', accepts: '`all`, `minimal`', unset: 'all' as 'all' | 'minimal',
    doc: '`minimal` writes only the console summary and the conformance report (benchmarks, self-tests)',
    parse: oneOf('all', 'minimal'),
  }),
  baseline: def<string | undefined>({
    name: 'FAULTLINE_BASELINE', group: 'reports', default: 'none', accepts: 'a conformance.json file', unset: undefined,
    doc: 'an earlier conformance.json: the report lists newly failing and newly fixed entries (`--baseline FILE` sets it)',
    parse: path,
  }),
  ciVars: def<string | undefined>({
    name: 'FAULTLINE_CI_VARS', group: 'tools', default: 'none', accepts: 'a JSON object of names to values', unset: undefined,
    doc: "`npm run ci:env`: the CI's repository variables (`${{ toJSON(vars) }}`)",
    parse: jsonObject,
  }),
  ciSecrets: def<string | undefined>({
    name: 'FAULTLINE_CI_SECRETS', group: 'tools', default: 'none', accepts: 'a JSON object of names to values', unset: undefined,
    doc: "`npm run ci:env`: the CI's secrets (`${{ toJSON(secrets) }}`); identity tokens are taken only from here",
    parse: jsonObject,
  }),
  strict: def<string | undefined>({
    name: 'FAULTLINE_STRICT', group: 'reports', default: '`false`', accepts: '`true`, `false`', unset: undefined,
    doc: '`true` (`--strict`): a violation of SHOULD requirements only fails the run (src/report/verdict.ts)',
    parse: (raw) => raw,
  }),
  allowNotConfigured: def<string | undefined>({
    name: 'FAULTLINE_ALLOW_NOT_CONFIGURED', group: 'reports', default: 'none', accepts: '`all`, a largest number, or entry ids and `api/*`', unset: undefined,
    doc: 'not-configured entries that do not fail the run (src/report/verdict.ts; unknown ids are refused before the run)',
    parse: (raw) => raw,
  }),
  history: def<string | undefined>({
    name: 'FAULTLINE_HISTORY', group: 'reports', default: '`reports/conformance/history.json`', accepts: 'a file', unset: undefined,
    doc: 'earlier complete runs, for the trend and "since when"',
    parse: path,
  }),
  historyRuns: def<number>({
    name: 'FAULTLINE_HISTORY_RUNS', group: 'reports', default: String(DEFAULT_HISTORY_RUNS), accepts: 'an integer ≥ 1', unset: DEFAULT_HISTORY_RUNS,
    doc: 'how many complete runs the history keeps',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  allureHistory: def<string | undefined>({
    name: 'FAULTLINE_ALLURE_HISTORY', group: 'reports', default: '`reports/allure-history.jsonl`', accepts: 'a file', unset: undefined,
    doc: "Allure's history, read and appended to by `npm run report:allure`",
    parse: path,
  }),
  verdictFile: def<string | undefined>({
    name: 'FAULTLINE_VERDICT_FILE', group: 'tools', default: 'none', accepts: 'a file', unset: undefined,
    doc: 'where the reporter also writes the verdict as JSON (used by `faultline report merge`)',
    parse: path,
  }),
  screenshots: def<string | undefined>({
    name: 'FAULTLINE_SCREENSHOTS', group: 'tools', default: 'a temporary folder', accepts: 'a folder', unset: undefined,
    doc: "where faultline's browser test keeps its screenshots of the report, for a person to judge",
    parse: path,
  }),
  schemasDir: def<string | undefined>({
    name: 'FAULTLINE_SCHEMAS_DIR', group: 'tools', default: '`schemas/`', accepts: 'a folder', unset: undefined,
    doc: 'the folder `npm run schemas` writes and `schemas:check` compares',
    parse: path,
  }),
  chromium: def({
    name: 'FAULTLINE_CHROMIUM', group: 'tools', default: '`/usr/bin/chromium`', accepts: 'an executable', unset: '/usr/bin/chromium',
    doc: "the browser of faultline's own browser test and page benchmark",
    parse: path,
  }),
  testConcurrency: def({
    name: 'FAULTLINE_TEST_CONCURRENCY', group: 'tools', default: '2', accepts: 'an integer ≥ 1', unset: 2,
    doc: '`npm test`: test files run at once',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  fuzzSeed: def<number | undefined>({
    name: 'FAULTLINE_FUZZ_SEED', group: 'tools', default: 'random (printed)', accepts: 'an integer ≥ 0', unset: undefined,
    doc: 'the seed of the catalog fuzz test, to repeat a run',
    parse: (raw) => integer(raw, 0, 'a whole number, 0 or more'),
  }),
  fuzzMutants: def({
    name: 'FAULTLINE_FUZZ_MUTANTS', group: 'tools', default: '300', accepts: 'an integer ≥ 1', unset: 300,
    doc: 'how many mutated catalog sets the fuzz test tries',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  benchRed: def({
    name: 'FAULTLINE_BENCH_RED', group: 'tools', default: '1000', accepts: 'an integer ≥ 1', unset: 1000,
    doc: '`npm run bench`: entries of the red-run measurements',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  benchRepeats: def({
    name: 'FAULTLINE_BENCH_REPEATS', group: 'tools', default: '3', accepts: 'an integer ≥ 1', unset: 3,
    doc: '`npm run bench`: interleaved rounds of the red-run and scale measurements (medians)',
    parse: (raw) => integer(raw, 1, 'a whole number, at least 1'),
  }),
  benchDistinct: def<string | undefined>({
    name: 'FAULTLINE_BENCH_DISTINCT', group: 'tools', default: '`1000,10000`', accepts: 'comma-separated integers ≥ 1', unset: undefined,
    doc: '`npm run bench`: sizes of the distinct-contract measurements',
    parse: (raw) => { raw.split(',').forEach((n) => integer(n, 1, 'comma-separated whole numbers, each at least 1')); return raw; },
  }),
  benchSections: def<string | undefined>({
    name: 'FAULTLINE_BENCH_SECTIONS', group: 'tools', default: 'all', accepts: 'comma-separated: catalogs, full, inner, red, polite, scale, latency', unset: undefined,
    doc: '`npm run bench`: which sections run',
    parse: (raw) => raw,
  }),
  benchKeepOff: def<string | undefined>({
    name: 'FAULTLINE_BENCH_KEEP_OFF', group: 'tools', default: '`1`', accepts: '`0`, `1`', unset: undefined,
    doc: '`npm run bench`: `0` skips the red run with worker keeping off',
    parse: (raw) => { flag('1', '0')(raw); return raw; },
  }),
  benchRedReal: def<string | undefined>({
    name: 'FAULTLINE_BENCH_RED_REAL', group: 'tools', default: '`1`', accepts: '`0`, `1`', unset: undefined,
    doc: '`npm run bench`: `0` skips the red runs of the real catalogs',
    parse: (raw) => { flag('1', '0')(raw); return raw; },
  }),
  benchBefore: def<string | undefined>({
    name: 'FAULTLINE_BENCH_BEFORE', group: 'tools', default: 'none', accepts: 'a path', unset: undefined,
    doc: '`npm run bench`: an earlier checkout of faultline (with node_modules) whose runs join the scale rounds, for before/after ratios',
    parse: path,
  }),
  benchSizes: def({
    name: 'FAULTLINE_BENCH_SIZES', group: 'tools', default: '`100,1000,10000`', accepts: 'comma-separated integers ≥ 1', unset: [100, 1000, 10_000],
    doc: '`npm run bench`: the synthetic catalog sizes measured',
    parse: (raw) => raw.split(',').map((s) => integer(s, 1, 'comma-separated whole numbers, each at least 1')),
  }),
};

export type SettingKey = keyof typeof DEFINITIONS;
export type Settings = { readonly [K in SettingKey]: (typeof DEFINITIONS)[K]['unset'] };

/** Where a variable's value came from, for messages: `env/staging.env:12` or `the process environment`. */
export type Origin = (name: string) => string;

const fromProcess: Origin = () => 'the process environment';

function problem(name: string, raw: string, origin: Origin, why: string): string {
  return `${name}=${JSON.stringify(raw)} (${origin(name)}): ${why}`;
}

/**
 * The settings of this process from `vars` (the env loader's: file values overridden by the
 * process environment). Every invalid value is listed in one SettingError.
 */
export function readSettings(vars: Record<string, string | undefined>, origin: Origin = fromProcess): Settings {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, d] of Object.entries(DEFINITIONS) as [SettingKey, Definition<unknown>][]) {
    const raw = vars[d.name];
    if (raw === undefined || raw === '') { out[key] = d.unset; continue; }
    try { out[key] = d.parse(raw); }
    catch (err) {
      if (!(err instanceof SettingError)) throw err;
      problems.push(problem(d.name, raw, origin, err.message));
    }
  }
  if (problems.length) throw new SettingError(problems.join('\n'));
  return out as Settings;
}

/**
 * One setting read from a source at call time, for the few readers outside a run's settings
 * object (the test runner, the fuzz test, the catalog cache, which tests toggle in-process).
 */
export function setting<K extends SettingKey>(key: K, source: Record<string, string | undefined> = process.env): Settings[K] {
  const d = DEFINITIONS[key] as Definition<Settings[K]>;
  const raw = source[d.name];
  if (raw === undefined || raw === '') return d.unset;
  try { return d.parse(raw); }
  catch (err) {
    if (err instanceof SettingError) throw new SettingError(problem(d.name, raw, fromProcess, err.message));
    throw err;
  }
}

const GROUPS: Record<SettingGroup, string> = { run: 'run', reports: 'reports', tools: "faultline's own tools and tests" };

/** The README's settings table, generated from DEFINITIONS. */
export function settingsTable(): string {
  const rows = ['| variable | default | accepts | for | what it does |', '|---|---|---|---|---|'];
  for (const d of Object.values(DEFINITIONS) as Definition<unknown>[]) {
    rows.push(`| \`${d.name}\` | ${d.default} | ${d.accepts} | ${GROUPS[d.group]} | ${d.doc.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n') + '\n';
}

export const README_TABLE_BEGIN = '<!-- settings table: generated from src/settings.ts by `npm run schemas`; do not edit -->';
export const README_TABLE_END = '<!-- end of settings table -->';

/** `readme` with its settings table replaced by the generated one; throws when the markers are missing. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_BEGIN);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the settings table markers are missing (${README_TABLE_BEGIN} … ${README_TABLE_END})`);
  return `${readme.slice(0, start + README_TABLE_BEGIN.length)}\n${settingsTable()}${readme.slice(end)}`;
}
