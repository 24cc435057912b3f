/**
 * `faultline run [--baseline FILE] [--strict] [<playwright args>]` (`npm run conformance`): the main job. Validates the
 * catalogs, the env and its expectations first (a broken input stops the run before any request
 * is sent), then runs the Playwright suite, which writes every report under reports/.
 * Exit status: Playwright's, i.e. non-zero exactly when an entry has an unexpected violation or
 * error (known deviations and unexpected passes do not fail the run).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnv } from '../env.js';
import { preflight } from '../runner/preflight.js';
import { runSupervised } from './signals.js';
import { parseAllowNotConfigured, parseStrict } from '../report/verdict.js';

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

try {
  const selected = loadEnv();
  const catalogs = preflight(selected.name);
  const entries = catalogs.reduce((n, c) => n + c.entries.length, 0);
  // The verdict's settings are refused now, not after the run.
  const vars = { ...selected.vars, ...env };
  parseStrict(vars.FAULTLINE_STRICT);
  parseAllowNotConfigured(vars.FAULTLINE_ALLOW_NOT_CONFIGURED, new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id))));
  process.stdout.write(`faultline: env ${selected.name} (${selected.file}), ${catalogs.length} catalogs, ${entries} entries${selected.embeddedReference ? ', embedded reference target' : ''}\n`);
} catch (err) {
  const message = (err as Error).message;
  process.stderr.write(message.startsWith('faultline: not started') ? `${message}\n` : `faultline: not started: ${message}\n`);
  process.exit(2);
}

const PLAYWRIGHT_CLI = fileURLToPath(new URL('../../node_modules/@playwright/test/cli.js', import.meta.url));
// The run's scratch folder is named here, so it is removed however the run ends (src/cli/signals.ts).
const runDir = env.FAULTLINE_RUN_DIR || join(tmpdir(), `faultline-run-${randomUUID()}`);
env.FAULTLINE_RUN_DIR = runDir;
process.exitCode = await runSupervised({
  command: process.execPath,
  args: [PLAYWRIGHT_CLI, 'test', ...passthrough],
  options: { stdio: 'inherit', env },
  cleanup: () => rmSync(runDir, { recursive: true, force: true }),
});
