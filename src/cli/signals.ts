/**
 * Runs the Playwright runner under supervision, as a child process (runSupervised) or in this
 * process (superviseInProcess), so that every way of stopping a run ends it promptly, stops every
 * process it started and leaves nothing behind:
 *
 * - SIGINT, SIGTERM and SIGHUP, whether sent to this process alone (what npm forwards, what
 *   `timeout` and CI runners send) or to the whole process group (Ctrl-C, `kill -- -PGID`), and the
 *   death of the parent (npm killed), all become one interrupt: the runner gets SIGINT, its own
 *   graceful stop (tests end, the embedded reference target is shut down, reporters are told the
 *   run was interrupted).
 * - A child runner leads its own process group, so a group signal reaches it only through here,
 *   once. In this process, the runner's own SIGINT handler takes the echo of a group signal as
 *   the same one, and its workers ignore SIGINT and SIGTERM (the runner stops them); a SIGHUP to
 *   the whole group ends them at once, so a test in flight at that instant can end as failed
 *   rather than interrupted.
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
  let escalated = false;

  const killAll = (): void => {
    if (escalated) return;
    escalated = true;
    remember();
    if (rootPid) { kill(-rootPid, 'SIGKILL'); kill(rootPid, 'SIGKILL'); }
    for (const p of known.values()) if (alive(p)) kill(p.pid, 'SIGKILL');
  };
  const interrupts = onInterrupts({ graceMs, log, stop: () => { remember(); child.kill('SIGINT'); }, kill: killAll });

  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      const interrupted = interrupts.stop();
      // whatever the runner left behind (a reference target of a killed runner) goes too
      for (const p of known.values()) if (alive(p)) kill(p.pid, 'SIGKILL');
      if (rootPid) kill(-rootPid, 'SIGKILL');
      try { run.cleanup(); } catch (err) { log(`faultline: cleanup failed: ${(err as Error).message}`); }
      if (interrupted) resolve(128 + (constants.signals[interrupted.signal] ?? 1));
      else resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 1) : 1));
    });
  });
}

export interface InProcessRun {
  /** starts the runner in this process; it ends the process itself (process.exit) */
  start(): void;
  /** runs once when the process exits, however it ends (the run's scratch folder) */
  cleanup(): void;
  graceMs?: number;
  log?(line: string): void;
}

/**
 * The same supervision for a runner that runs in this process (Playwright's runner started by
 * `faultline run` itself): every signal, and the parent's death, becomes one interrupt: SIGINT to
 * the runner's own handler (its graceful stop), which Playwright's workers do not get from a
 * signal (they ignore SIGINT and SIGTERM and stop when the runner tells them). A signal that is
 * not the echo of the first, or a run still going after the grace period, kills every process
 * below this one and exits. Exit status: the runner's, or 128 + the first signal's number.
 */
export function superviseInProcess(run: InProcessRun): void {
  const graceMs = run.graceMs ?? GRACE_MS;
  const log = run.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const known = new Map<string, Proc>();
  const remember = (): void => { for (const p of descendants(process.pid)) known.set(`${p.pid}:${p.start}`, p); };
  const killAll = (): void => { remember(); for (const p of known.values()) if (alive(p)) kill(p.pid, 'SIGKILL'); };
  const status = (): number => 128 + (constants.signals[interrupts.interrupted()!.signal] ?? 1);
  const interrupts = onInterrupts({
    graceMs,
    log,
    stop: (signal) => {
      remember();
      // only this process's own handler listens: the runner has not started its run, nothing is left to stop
      if (process.listenerCount('SIGINT') <= 1) process.exit(status());
      // the runner stops on SIGINT: a SIGTERM, a SIGHUP or the parent's death is handed to it as one
      if (signal !== 'SIGINT') process.emit('SIGINT', 'SIGINT');
    },
    kill: () => { killAll(); process.exit(status()); },
  });
  process.on('exit', () => {
    const interrupted = interrupts.stop();
    // whatever the runner left behind goes too
    if (interrupted) killAll();
    try { run.cleanup(); } catch (err) { log(`faultline: cleanup failed: ${(err as Error).message}`); }
    if (interrupted) process.exitCode = status();
  });
  run.start();
}

interface Interrupted { signal: NodeJS.Signals; at: number }

/**
 * SIGINT, SIGTERM and SIGHUP, and the parent's death, as one interrupt: the first calls `stop`,
 * its echo within ECHO_MS is ignored, a later one or the end of the grace period calls `kill`.
 * `stop()` of the result ends the watching and says whether (and by what) the run was interrupted.
 */
function onInterrupts(o: { graceMs: number; log(line: string): void; stop(signal: NodeJS.Signals): void; kill(): void }): { interrupted(): Interrupted | undefined; stop(): Interrupted | undefined } {
  let interrupted: Interrupted | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  const interrupt = (signal: NodeJS.Signals, why: string): void => {
    const now = Date.now();
    if (interrupted) {
      if (now - interrupted.at < ECHO_MS) return;
      o.log(`faultline: ${why} again: killing the run's processes`);
      o.kill();
      return;
    }
    interrupted = { signal, at: now };
    o.log(`faultline: ${why}: stopping the run (the runner stops its tests and the reference target; everything is killed after ${Math.round(o.graceMs / 1000)} s)`);
    o.stop(signal);
    graceTimer = setTimeout(() => { o.log(`faultline: the run did not stop within ${Math.round(o.graceMs / 1000)} s: killing its processes`); o.kill(); }, o.graceMs);
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
  watch.unref();
  return {
    interrupted: () => interrupted,
    stop: () => {
      clearInterval(watch);
      if (graceTimer) clearTimeout(graceTimer);
      for (const [s, h] of handlers) process.off(s, h);
      return interrupted;
    },
  };
}
