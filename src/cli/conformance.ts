/**
 * `faultline run [--baseline FILE] [--strict] [<playwright args>]` (`npm run conformance`): the main job. Validates the
 * catalogs, the env and its expectations first (a broken input stops the run before any request
 * is sent), then runs the Playwright suite, which writes every report under reports/.
 * Exit status: Playwright's, i.e. non-zero exactly when an entry has an unexpected violation or
 * error (known deviations and unexpected passes do not fail the run).
 *
 * Run from the build (bin/faultline.js), Playwright's runner runs in this process and the
 * embedded reference target with it; without a build (or with a `--config` of the command
 * line's own) the runner is a child process, as before. Either way src/cli/signals.ts supervises it.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from '../env.js';
import { notStartedMessage, preflight } from '../runner/preflight.js';
import { runSupervised, superviseInProcess } from './signals.js';
import { parseAllowNotConfigured, parseStrict } from '../report/verdict.js';
import { startReference, type RunningReference } from '../../reference/server.js';
import { parseDeviations } from '../../reference/deviations.js';

const args = process.argv.slice(2);
const passthrough: string[] = [];
const env: NodeJS.ProcessEnv = { ...process.env };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--baseline') {
    const file = args[++i];
    if (!file || !existsSync(file)) { process.stderr.write(`--baseline: no such file ${file ?? '(missing)'}\n`); process.exit(2); }
    env.FAULTLINE_BASELINE = resolve(file);
  } else if (args[i] === '--strict') {
    env.FAULTLINE_STRICT = 'true';
  } else if (args[i] === '--reporter' || args[i]!.startsWith('--reporter=')) {
    // Playwright's --reporter would replace every reporter of the config, faultline's reports
    // included; here it names the console (and extra) reporters only (src/report/reporters.ts).
    env.FAULTLINE_CONSOLE_REPORTER = args[i] === '--reporter' ? args[++i] ?? '' : args[i]!.slice('--reporter='.length);
  } else passthrough.push(args[i]!);
}

let embedded = false;
try {
  const selected = loadEnv();
  embedded = selected.embeddedReference;
  const catalogs = preflight(selected.name);
  const entries = catalogs.reduce((n, c) => n + c.entries.length, 0);
  // The verdict's settings are refused now, not after the run.
  const vars = { ...selected.vars, ...env };
  parseStrict(vars.FAULTLINE_STRICT);
  parseAllowNotConfigured(vars.FAULTLINE_ALLOW_NOT_CONFIGURED, new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id))));
  process.stdout.write(`faultline: env ${selected.name} (${selected.file}), ${catalogs.length} catalogs, ${entries} entries\n`);
} catch (err) {
  process.stderr.write(`${notStartedMessage(err)}\n`);
  process.exit(2);
}

// The embedded reference target is served from this process, started while Playwright starts,
// rather than by Playwright's webServer after its own start-up: that was a Node process and a
// TypeScript transform of its own (about 95 MB and 0.5 s of the inner loop) that nothing else
// waited for. The runner then finds REFERENCE_PORT set and starts no webServer.
let reference: RunningReference | undefined;
if (embedded) {
  try {
    const lag = env.REFERENCE_LAG_MS;
    reference = await startReference({ port: 0, ...(lag !== undefined && lag !== '' ? { lagMs: Number(lag) } : {}), deviations: parseDeviations(env.REFERENCE_DEVIATIONS) });
  } catch (err) {
    process.stderr.write(`faultline: not started: the embedded reference target: ${(err as Error).message}\n`);
    process.exit(2);
  }
  env.REFERENCE_PORT = String(reference.port);
  env.FAULTLINE_REFERENCE = 'none';
  process.stdout.write(`faultline: embedded reference target on http://127.0.0.1:${reference.port}\n`);
}

const PLAYWRIGHT_CLI = fileURLToPath(new URL('../../node_modules/@playwright/test/cli.js', import.meta.url));
// The run's scratch folder is named here, so it is removed however the run ends (src/cli/signals.ts).
const runDir = env.FAULTLINE_RUN_DIR || join(tmpdir(), `faultline-run-${randomUUID()}`);
env.FAULTLINE_RUN_DIR = runDir;
const cleanup = (): void => rmSync(runDir, { recursive: true, force: true });
// The run's build (bin/build.js), unless the command line names a config of its own: Playwright's
// runner then runs in this process (no Node start, no second copy of the settings and catalogs, the
// reference target served from the runner's process) and loads the built config and specs as
// plain JavaScript, without its TypeScript loader (a loader thread in the runner and in every
// worker, about 0.2 s and 20 MB each).
const build = env.FAULTLINE_BUILD;
const ownConfig = passthrough.some((a) => a === '--config' || a === '-c' || a.startsWith('--config='));
if (build && !ownConfig) {
  env.PW_DISABLE_TS_ESM = '1';
  for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v;
  superviseInProcess({
    cleanup,
    start: () => {
      process.argv = [process.execPath, PLAYWRIGHT_CLI, 'test', '--config', join(build, 'playwright.config.js'), ...passthrough];
      const { program } = createRequire(import.meta.url)('playwright/lib/program') as { program: { parse(argv: string[]): void } };
      program.parse(process.argv);
    },
  });
} else {
  process.exitCode = await runSupervised({
    command: process.execPath,
    args: [PLAYWRIGHT_CLI, 'test', ...passthrough],
    options: { stdio: 'inherit', env },
    cleanup,
  });
  await reference?.close();
}
