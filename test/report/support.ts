/** Helpers for the report self-tests: run Playwright in a child process, normalise reports. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '../../src/report/collect.js';
import { latestReportFile } from '../../src/report/placement.js';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const PLAYWRIGHT = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

/** Two entries answered wrongly by the reference target, so runs have violations. */
export const DEVIATIONS = 'cmix/unauthorized=drop-header:WWW-Authenticate;cmix/not-found=status:400';

/** Temporary folders made here: removed when the test process exits, unless a test failed (then they stay, to look at). */
const made: string[] = [];
process.on('exit', (code) => {
  if (code === 0 && !process.exitCode) for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `faultline-${prefix}-`));
  made.push(dir);
  return dir;
}

/** `playwright <args>` from the repo root with a clean faultline environment plus `env`. */
export function playwright(args: string[], env: Record<string, string>): { status: number; output: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('FAULTLINE_') || k === 'REFERENCE_DEVIATIONS' || k === 'CONFORMANCE_ENV') delete clean[k];
  const r = spawnSync(process.execPath, [PLAYWRIGHT, ...args], { cwd: ROOT, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, output: `${r.stdout}\n${r.stderr}` };
}

/** What must agree between two runs of the same suite: everything but times, ports and request ids. */
export function essence(r: ConformanceReport): unknown {
  return {
    environment: r.environment,
    summary: r.summary,
    apis: r.apis,
    docFindings: r.docFindings,
    entries: r.entries.map((e) => ({
      id: e.id, api: e.api, outcome: e.outcome, reason: e.reason, status: e.status, strength: e.strength, tags: e.tags,
      violations: (e.violations ?? []).map((v) => ({ check: v.check, pointer: v.pointer, expected: v.expected, actual: v.actual, strength: v.strength })),
    })),
  };
}

/** The conformance.json a run under `reportsDir` wrote (complete, partial or interrupted). */
export function readReport(reportsDir: string): ConformanceReport {
  const file = latestReportFile(join(reportsDir, 'conformance'));
  if (!file) throw new Error(`no conformance report under ${reportsDir}`);
  const text = readFileSync(file, 'utf8');
  // written compact, one line (indenting made it about 1.6 times the size at 10,000 entries)
  if (text.indexOf('\n') !== text.length - 1) throw new Error(`${file} is not one line of compact JSON`);
  return JSON.parse(text) as ConformanceReport;
}
