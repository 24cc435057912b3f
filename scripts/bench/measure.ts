/**
 * Runs a command and measures its wall time, its CPU time and peak memory: the sum of the
 * resident sets of the command and all its descendants (Playwright's runner, workers, the
 * reference target), sampled from /proc every 100 ms. CPU time (user + system of the command and
 * every descendant it waited for, from GNU time when /usr/bin/time is installed) is what a run
 * costs the machine; on a shared machine it varies far less with the load than wall time does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured { ms: number; peakMB: number; code: number; stdout: string; stderr: string; cpuMs?: number }

const GNU_TIME = '/usr/bin/time';

function rssTreeKB(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(d), ppid);
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      rss.set(Number(d), Number(m?.[1] ?? 0));
    } catch { /* process ended while we looked */ }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    let p: number | undefined = pid;
    for (let depth = 0; p && depth < 20; depth++) { if (p === root) { total += kb; break; } p = parent.get(p); }
  }
  return total;
}

export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Measured> {
  const timed = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'fl-bench-time-')) : undefined;
  const cpuFile = timed && join(timed, 'cpu');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = cpuFile
      ? spawn(GNU_TIME, ['-q', '-f', '%U %S', '-o', cpuFile, cmd, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setInterval(() => { if (child.pid) peak = Math.max(peak, rssTreeKB(child.pid)); }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      let cpuMs: number | undefined;
      if (cpuFile) {
        // the last line: GNU time writes "Command exited with non-zero status N" before it
        const m = /([\d.]+) ([\d.]+)\s*$/.exec(existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8') : '');
        if (m) cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
        rmSync(timed!, { recursive: true, force: true });
      }
      resolve({ ms: performance.now() - started, peakMB: peak / 1024, code: code ?? 1, stdout, stderr, ...(cpuMs !== undefined ? { cpuMs } : {}) });
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
