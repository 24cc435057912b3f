/**
 * Runs the Playwright runner under supervision, so that every way of stopping a run ends it
 * promptly, stops every process it started and leaves nothing behind:
 *
 * - SIGINT, SIGTERM and SIGHUP, whether sent to this process alone (what npm forwards, what
 *   `timeout` and CI runners send) or to the whole process group (Ctrl-C, `kill -- -PGID`), and the
 *   death of the parent (npm killed), all become one interrupt: the runner gets SIGINT, its own
 *   graceful stop (tests end, the embedded reference target is shut down, reporters are told the
 *   run was interrupted).
 * - The runner leads its own process group, so a group signal reaches it only through here, once.
 * - If the runner has not exited within the grace period, or a second signal comes (not the echo
 *   of the first: npm forwards what the group already got), every process it started is killed.
 *   Descendants are found through /proc (Linux); elsewhere the runner's process group is killed.
 * - After the runner exits, for whatever reason, any descendant still alive (a reference target
 *   orphaned by a killed runner) is killed and `cleanup` runs (the run's scratch folder).
 *
 * Exit status: the runner's, or 128 + the signal's number when interrupted (130 for SIGINT, 143
 * for SIGTERM, 129 when the parent died).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';

export const GRACE_MS = 10_000;
/** A signal within this long after the first is the same interrupt delivered twice (group + npm). */
const ECHO_MS = 1_500;

interface Proc { pid: number; ppid: number; start: string }

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), start: rest[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** Every process below `root` (not `root` itself), through /proc; empty where /proc is missing. */
export function descendants(root: number): Proc[] {
  let all: Proc[];
  try { all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readProc(Number(d))).filter((p): p is Proc => p !== undefined); }
  catch { return []; }
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: Proc[] = [];
  const walk = (pid: number): void => { for (const c of children.get(pid) ?? []) { out.push(c); walk(c.pid); } };
  walk(root);
  return out;
}

function alive(p: Proc): boolean {
  const now = readProc(p.pid);
  return now !== undefined ? now.start === p.start : false;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(pid, signal); } catch { /* already gone */ }
}

export interface SupervisedRun {
  command: string;
  args: string[];
  options: Omit<SpawnOptions, 'detached'>;
  /** runs once the runner and everything it started are gone */
  cleanup(): void;
  graceMs?: number;
  /** what to say on stderr when interrupted */
  log?(line: string): void;
}

export function runSupervised(run: SupervisedRun): Promise<number> {
  const graceMs = run.graceMs ?? GRACE_MS;
  const log = run.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const child = spawn(run.command, run.args, { ...run.options, detached: true });
  const rootPid = child.pid;
  // processes seen below the runner when the run is interrupted (and again before killing), so
  // that those a killed runner leaves behind are still found; /proc is not scanned otherwise
  const known = new Map<string, Proc>();
  const remember = (): void => { if (rootPid) for (const p of descendants(rootPid)) known.set(`${p.pid}:${p.start}`, p); };
  let interrupted: { signal: NodeJS.Signals; at: number } | undefined;
  let escalated = false;
  let graceTimer: NodeJS.Timeout | undefined;

  const killAll = (): void => {
    if (escalated) return;
    escalated = true;
    remember();
    if (rootPid) { kill(-rootPid, 'SIGKILL'); kill(rootPid, 'SIGKILL'); }
    for (const p of known.values()) if (alive(p)) kill(p.pid, 'SIGKILL');
  };

  const interrupt = (signal: NodeJS.Signals, why: string): void => {
    const now = Date.now();
    if (interrupted) {
      if (now - interrupted.at < ECHO_MS) return;
      log(`faultline: ${why} again: killing the run's processes`);
      killAll();
      return;
    }
    interrupted = { signal, at: now };
    log(`faultline: ${why}: stopping the run (the runner stops its tests and the reference target; everything is killed after ${Math.round(graceMs / 1000)} s)`);
    remember();
    child.kill('SIGINT');
    graceTimer = setTimeout(() => { log(`faultline: the run did not stop within ${Math.round(graceMs / 1000)} s: killing its processes`); killAll(); }, graceMs);
  };

  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = (): void => interrupt(signal, signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  // npm killed (or any parent gone): this process is re-parented; treat it as a hang-up
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch); // once: the parent stays gone, that is not a second signal
    interrupt('SIGHUP', `the parent process (${parent}) exited`);
  }, 500);

  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (graceTimer) clearTimeout(graceTimer);
      for (const [s, h] of handlers) process.off(s, h);
      // whatever the runner left behind (a reference target of a killed runner) goes too
      for (const p of known.values()) if (alive(p)) kill(p.pid, 'SIGKILL');
      if (rootPid) kill(-rootPid, 'SIGKILL');
      try { run.cleanup(); } catch (err) { log(`faultline: cleanup failed: ${(err as Error).message}`); }
      if (interrupted) resolve(128 + (constants.signals[interrupted.signal] ?? 1));
      else resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 1) : 1));
    });
  });
}
