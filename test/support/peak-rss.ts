/**
 * Measures the peak resident memory of this process's descendants (the Playwright runner and its
 * workers) from outside, by polling /proc/<pid>/status VmHWM: the kernel's own high-water mark,
 * so a sample taken any time after the peak still sees it. Linux only; elsewhere it reports
 * `supported: false` and the caller skips its assertion.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface PeakRss {
  supported: boolean;
  /** per descendant pid: its parent, peak RSS in MiB and the end of its command line */
  processes: { pid: number; ppid: number; peakMiB: number; cmd: string }[];
  /** largest single peak, MiB */
  maxMiB: number;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return undefined; // exited between listing and reading
  }
}

function descendants(root: number): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== undefined) parents.set(Number(name), ppid);
  }
  const out = new Map<number, number>();
  for (const [pid, ppid] of parents) {
    // bounded walk up the tree: process trees here are a few levels deep
    let cur: number | undefined = ppid;
    for (let depth = 0; cur !== undefined && cur > 1 && depth < 64; depth++) {
      if (cur === root) { out.set(pid, ppid); break; }
      cur = parents.get(cur);
    }
  }
  return out;
}

function hwmKiB(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function cmdOf(pid: number): string {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1).join(' ').slice(-120); } catch { return '?'; }
}

/** Starts polling; `stop()` takes a last sample and returns the peaks seen. */
export function watchPeakRss(intervalMs = 50): { stop(): PeakRss } {
  const supported = existsSync('/proc/self/status');
  const peaks = new Map<number, { ppid: number; kib: number; cmd: string }>();
  const sample = (): void => {
    if (!supported) return;
    for (const [pid, ppid] of descendants(process.pid)) {
      const kib = hwmKiB(pid);
      if (kib === undefined) continue;
      // re-read the command line: a forked worker shows its parent's until it has exec'd
      const cmd = cmdOf(pid);
      const prev = peaks.get(pid);
      if (!prev) peaks.set(pid, { ppid, kib, cmd });
      else { prev.kib = Math.max(prev.kib, kib); if (cmd !== '?') prev.cmd = cmd; }
    }
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const processes = [...peaks].map(([pid, p]) => ({ pid, ppid: p.ppid, peakMiB: Math.round(p.kib / 1024), cmd: p.cmd }));
      return { supported, processes, maxMiB: Math.max(0, ...processes.map((p) => p.peakMiB)) };
    },
  };
}
