/** Runs the `faultline` bin as a user starts it, with a clean faultline environment. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../report/support.js';

const BIN = join(ROOT, 'bin', 'faultline.js');

/** The process environment without any faultline setting, plus `env`. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('FAULTLINE_') || k === 'CONFORMANCE_ENV' || k === 'REFERENCE_DEVIATIONS') delete clean[k];
  return { ...clean, ...env };
}

/** The bin started in the background (stdout and stderr piped), for tests that signal it. */
export function startFaultline(args: string[], env: Record<string, string> = {}, cwd = ROOT): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runFaultline(args: string[], env: Record<string, string> = {}, cwd = ROOT): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

