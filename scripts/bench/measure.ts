/**
 * Runs a command and measures its wall time, its CPU time and peak memory: the sum of the
 * resident sets of the command and all its descendants (Playwright's runner, workers, the
 * reference target), sampled from /proc every 100 ms (or as often as asked; with `timeline`, each
 * process's start and peak too). CPU time (user + system of the command and every descendant it
 * waited for, from GNU time when /usr/bin/time is installed) is what a run costs the machine; on a
 * shared machine it varies far less with the load than wall time does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  ms: number; peakMB: number; code: number; stdout: string; stderr: string; cpuMs?: number;
  /** with `timeline`: every process of the run, in the order they started */
  processes?: ProcessSpan[];
  /** with `notCounted`: the peak summed over the other processes */
  peakCountedMB?: number;
  /** with `firstRequest`: when the first request arrived at a server of the run (the embedded reference target), from the spawn */
  firstRequestMs?: number;
}

/** One process of a measured run: when it started (from the first process's start), its peak resident set. */
export interface ProcessSpan { pid: number; ppid: number; startMs: number; lastSeenMs: number; peakMB: number; command: string }

export interface MeasureOptions {
  /** how often /proc is read, in ms (default 100) */
  sampleMs?: number;
  /** keep each process's start and peak (`processes`) */
  timeline?: boolean;
  /** processes left out of `peakCountedMB` (matched against their command lines; npm itself, say) */
  notCounted?: RegExp;
  /** time the first request any server of the run serves (`firstRequestMs`; scripts/bench/first-request.mjs) */
  firstRequest?: boolean;
}

const GNU_TIME = '/usr/bin/time';
const FIRST_REQUEST = new URL('./first-request.mjs', import.meta.url).pathname;
/** clock ticks per second of /proc/<pid>/stat's start time (USER_HZ, 100 on Linux) */
const TICKS_PER_S = 100;

interface ProcInfo { ppid: number; startTicks: number; rssKB: number }

function procTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      table.set(Number(d), { ppid: Number(fields[1]), startTicks: Number(fields[19]), rssKB: Number(m?.[1] ?? 0) });
    } catch { /* process ended while we looked */ }
  }
  return table;
}

/** `root` and every process below it. */
function tree(root: number, table: Map<number, ProcInfo>): number[] {
  const out: number[] = [];
  for (const pid of table.keys()) {
    let p: number | undefined = pid;
    for (let depth = 0; p && depth < 20; depth++) { if (p === root) { out.push(pid); break; } p = table.get(p)?.ppid; }
  }
  return out;
}

function commandLine(pid: number): string {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' '); } catch { return ''; }
}

export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, opts: MeasureOptions = {}): Promise<Measured> {
  const timed = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'fl-bench-time-')) : undefined;
  const cpuFile = timed && join(timed, 'cpu');
  const firstDir = opts.firstRequest ? mkdtempSync(join(tmpdir(), 'fl-bench-first-')) : undefined;
  const firstFile = firstDir && join(firstDir, 'at');
  // every Node process of the run preloads the probe (npm, the command, Playwright's processes); only a server's first request writes the file
  const childEnv = firstFile ? { ...env, BENCH_FIRST_REQUEST_FILE: firstFile, NODE_OPTIONS: [env.NODE_OPTIONS, `--import=${FIRST_REQUEST}`].filter(Boolean).join(' ') } : env;
  const argv = args;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = cpuFile
      ? spawn(GNU_TIME, ['-q', '-f', '%U %S', '-o', cpuFile, cmd, ...argv], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let peakCounted = 0;
    const spans = new Map<string, ProcessSpan & { startTicks: number }>();
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const sample = (): void => {
      if (!child.pid) return;
      const table = procTable();
      const pids = tree(child.pid, table);
      peak = Math.max(peak, pids.reduce((n, p) => n + table.get(p)!.rssKB, 0));
      const notCounted = opts.notCounted;
      if (notCounted) peakCounted = Math.max(peakCounted, pids.filter((p) => !notCounted.test(commandLine(p))).reduce((n, p) => n + table.get(p)!.rssKB, 0));
      if (!opts.timeline) return;
      const now = Date.now() - started;
      for (const pid of pids) {
        const info = table.get(pid)!;
        const key = `${pid}:${info.startTicks}`;
        const span = spans.get(key) ?? { pid, ppid: info.ppid, startMs: 0, startTicks: info.startTicks, lastSeenMs: now, peakMB: 0, command: '' };
        // read every time: a process that execs (npm's `exec node ...`) keeps its pid and changes its command
        span.command = commandLine(pid) || span.command;
        span.lastSeenMs = now;
        span.peakMB = Math.max(span.peakMB, info.rssKB / 1024);
        spans.set(key, span);
      }
    };
    const timer = setInterval(sample, opts.sampleMs ?? 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = Date.now() - started;
      let cpuMs: number | undefined;
      if (cpuFile) {
        // the last line: GNU time writes "Command exited with non-zero status N" before it
        const m = /([\d.]+) ([\d.]+)\s*$/.exec(existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8') : '');
        if (m) cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
        rmSync(timed!, { recursive: true, force: true });
      }
      let firstRequestMs: number | undefined;
      if (firstDir) {
        if (existsSync(firstFile!)) firstRequestMs = Number(readFileSync(firstFile!, 'utf8')) - started;
        rmSync(firstDir, { recursive: true, force: true });
      }
      // start times from /proc (10 ms ticks), counted from the first process's (the command, or GNU time)
      const list = [...spans.values()].sort((a, b) => a.startTicks - b.startTicks);
      const t0 = list[0]?.startTicks ?? 0;
      const processes = opts.timeline
        ? list.map(({ startTicks, ...p }) => ({ ...p, startMs: Math.round(((startTicks - t0) * 1000) / TICKS_PER_S) }))
        : undefined;
      resolve({ ms, peakMB: peak / 1024, code: code ?? 1, stdout, stderr, ...(cpuMs !== undefined ? { cpuMs } : {}), ...(opts.notCounted ? { peakCountedMB: peakCounted / 1024 } : {}), ...(processes ? { processes } : {}), ...(firstRequestMs !== undefined ? { firstRequestMs } : {}) });
    });
  });
}

/**
 * A count from Playwright's closing summary (`  70 failed`, `  3 passed (2.1s)`): the last line
 * that starts with the number. Error messages quoted above it ("the last 4 requests ... failed")
 * start with other words, so they are never read as the count.
 */
export function summaryCount(stdout: string, word: 'passed' | 'failed' | 'skipped' | 'flaky'): number {
  return Number([...stdout.matchAll(new RegExp(`^ *(\\d+) ${word}\\b`, 'gm'))].pop()?.[1] ?? 0);
}
