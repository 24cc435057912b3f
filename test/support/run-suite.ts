/**
 * Runs the Playwright suite in a child process with a given environment and reports folder, as
 * faultline's self-tests need: against deviating, hostile or fake targets.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogs } from '../../src/load.js';
import type { ConformanceReport } from '../../src/report/collect.js';
import { latestReportFile } from '../../src/report/placement.js';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface SuiteRun { code: number; stdout: string; stderr: string; reportsDir: string; report: ConformanceReport; ms: number }

/**
 * Reports folders this process created: removed when it exits, unless a test failed (then they
 * stay, to look at; the failing assertion names the folder where it matters).
 */
const created: string[] = [];
process.on('exit', (code) => {
  if (code === 0 && !process.exitCode) for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function runSuite(env: Record<string, string>, args: string[] = [], timeoutMs = 300_000): Promise<SuiteRun> {
  const reportsDir = env.FAULTLINE_REPORTS_DIR ?? mkdtempSync(join(tmpdir(), 'fl-reports-'));
  if (!env.FAULTLINE_REPORTS_DIR) created.push(reportsDir);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', FAULTLINE_REPORTS_DIR: reportsDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`suite run exceeded ${timeoutMs} ms\n${stdout}\n${stderr}`)); }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        // A selection writes conformance-partial/ beside conformance/: read what this run wrote.
        const report = JSON.parse(readFileSync(latestReportFile(join(reportsDir, 'conformance')) ?? join(reportsDir, 'conformance', 'conformance.json'), 'utf8')) as ConformanceReport;
        resolve({ code: code ?? 1, stdout, stderr, reportsDir, report, ms: Date.now() - started });
      } catch (err) {
        reject(new Error(`no conformance.json after the run (exit ${code}): ${(err as Error).message}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
      }
    });
  });
}

/** Env pointing every catalog's base URL at `url`, every identity at `token(envName)`, every fixture at `fixture`. */
export function envFor(url: string, token: (envName: string) => string, fixture = 'fixture-1'): Record<string, string> {
  const env: Record<string, string> = { CONFORMANCE_ENV: 'selftest', FAULTLINE_ALLOW_DESTRUCTIVE: 'true' };
  for (const c of loadCatalogs()) {
    env[c.baseUrlVar] = url;
    for (const id of Object.values(c.identities)) env[id.env] = token(id.env);
    for (const f of Object.keys(c.fixtures ?? {})) env[f] = fixture;
  }
  return env;
}
