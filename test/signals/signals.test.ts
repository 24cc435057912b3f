/**
 * Interrupting the main job: `npm run conformance` against the embedded reference target gets
 * SIGINT or SIGTERM, either to its whole process group (Ctrl-C, `kill -- -PGID`) or to npm alone
 * (what `timeout` and CI runners send), or npm is killed outright. Each time the run must end
 * promptly, every process it started (runner, workers) must be gone, the reference target it
 * serves must no longer listen, and its scratch folder must be removed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { descendants } from '../../src/cli/signals.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** generous: the machine may be loaded; the runner's own grace period is 10 s */
const STOP_BUDGET_MS = 45_000;

const cmdline = (pid: number): string => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { return ''; } };
const running = (pid: number, start: string): boolean => {
  try { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); return s.slice(s.lastIndexOf(')') + 2).split(' ')[19] === start; } catch { return false; }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const listening = (port: number): Promise<boolean> => new Promise((r) => {
  const s = connect(port, '127.0.0.1', () => { s.destroy(); r(true); });
  s.on('error', () => r(false));
});

async function interruptRun(signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL', to: 'group' | 'npm'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fl-signal-'));
  const runDir = join(dir, 'run');
  mkdirSync(runDir);
  writeFileSync(join(runDir, 'breaker-state'), 'x'); // the scratch folder exists and holds something
  const npm = spawn('npm', ['run', '-s', 'conformance'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1', CONFORMANCE_ENV: 'reference', FAULTLINE_REPORTS_DIR: join(dir, 'reports'), FAULTLINE_RUN_DIR: runDir, FAULTLINE_WORKERS: '1', REFERENCE_LAG_MS: '1500' },
  });
  let out = '';
  npm.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  npm.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => npm.on('exit', (code, sig) => r({ code, signal: sig })));
  const seen = new Map<number, { start: string; cmd: string }>();
  try {
    // wait until the reference target listens and tests run
    const deadline = Date.now() + 150_000;
    for (;;) {
      for (const p of descendants(npm.pid!)) if (!seen.has(p.pid)) seen.set(p.pid, { start: p.start, cmd: cmdline(p.pid) });
      if (/embedded reference target on http:\/\/127\.0\.0\.1:\d+/.test(out) && /Running \d+ tests?/.test(out)) break;
      assert.ok(Date.now() < deadline, `the run did not start:\n${out}`);
      assert.equal(npm.exitCode, null, `the run ended before it could be interrupted:\n${out}`);
      await sleep(250);
    }
    await sleep(1000);
    for (const p of descendants(npm.pid!)) if (!seen.has(p.pid)) seen.set(p.pid, { start: p.start, cmd: cmdline(p.pid) });
    const sent = Date.now();
    process.kill(to === 'group' ? -npm.pid! : npm.pid!, signal);
    const timer = sleep(STOP_BUDGET_MS).then(() => undefined);
    const result = await Promise.race([exited, timer]);
    assert.ok(result, `npm had not exited ${STOP_BUDGET_MS} ms after ${signal} to ${to}:\n${out.slice(-2000)}`);
    // every process the run started is gone, within the same budget (npm killed outright exits at
    // once, while faultline is still stopping the run)
    let left: string[] = [];
    for (;;) {
      left = [...seen.entries()].filter(([pid, p]) => running(pid, p.start)).map(([pid, p]) => `${pid} ${p.cmd}`);
      if (!left.length || Date.now() - sent > STOP_BUDGET_MS) break;
      await sleep(250);
    }
    assert.deepEqual(left, [], `processes left after ${signal} to ${to}`);
    // the reference target (served by the faultline process) no longer listens
    const port = Number(/embedded reference target on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
    assert.equal(await listening(port), false, `the reference target on port ${port} is closed`);
    assert.ok(![...seen.values()].some((p) => p.cmd.includes('reference/main.ts')), 'served by the faultline process, not by a process of its own');
    assert.equal(existsSync(runDir), false, 'the scratch folder is removed');
    assert.ok(result.code !== 0 || result.signal !== null, `an interrupted run does not exit 0 (${JSON.stringify(result)})`);
    const took = Date.now() - sent;
    assert.ok(took < STOP_BUDGET_MS, `stopped in ${took} ms`);
    // the run was cut short, not allowed to finish: the runner reports tests interrupted or not run
    assert.match(out, /\binterrupted\b|did not run/i, `the runner was interrupted:\n${out.slice(-1500)}`);
  } finally {
    try { process.kill(-npm.pid!, 'SIGKILL'); } catch { /* gone */ }
    for (const [pid, p] of seen) if (running(pid, p.start)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('an interrupted main job stops everything and leaves nothing behind', { concurrency: 2 }, () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const to of ['group', 'npm'] as const) {
      test(`${signal} to ${to === 'group' ? 'the process group' : 'npm alone'}`, { timeout: 240_000 }, () => interruptRun(signal, to));
    }
  }
  // npm dies without forwarding anything: faultline notices it lost its parent
  test('SIGKILL to npm alone', { timeout: 240_000 }, () => interruptRun('SIGKILL', 'npm'));
});
