/** Runs the `faultline` bin as a user starts it, with a clean faultline environment. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../report/support.js';

const BIN = join(ROOT, 'bin', 'faultline.js');

export function runFaultline(args: string[], env: Record<string, string> = {}, cwd = ROOT): { status: number; stdout: string; stderr: string } {
  const clean: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('FAULTLINE_') || k === 'CONFORMANCE_ENV' || k === 'REFERENCE_DEVIATIONS') delete clean[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

