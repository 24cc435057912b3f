/**
 * The inner loop and the main job as a user starts them (`npm run conformance`), with the embedded
 * reference target: wall time from the command's start to its exit, the first request's arrival
 * at the target (scripts/bench/measure.ts), CPU, the peak summed over every process, and
 * a timeline of the processes (when each started, its own peak), /proc read every 20 ms.
 * Interleaved rounds, medians. Used by scripts/bench.ts (sections `inner` and `full`); also a
 * command of its own that compares two checkouts side by side:
 *   npx tsx scripts/bench/inner.ts [--rounds N] [--full] [ROOT ...]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, summaryCount, type Measured, type ProcessSpan } from './measure.js';

export interface Case {
  label: string;
  /** the checkout to run in */
  root: string;
  /** arguments after `npm run -s conformance --` */
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface CaseResult {
  label: string;
  ms: number;
  firstRequestMs?: number;
  /** the fastest round's (the quietest moment's) exit and first request */
  bestMs: number;
  bestFirstRequestMs?: number;
  cpuMs?: number;
  peakMB: number;
  /** the peak summed over faultline's processes (npm's own left out) */
  peakFaultlineMB: number;
  passed: number;
  failed: number;
  code: number;
  /** the median round's processes */
  processes: ProcessSpan[];
  rounds: number;
}

/** npm's own process (not the command it execs): `node .../npm-cli.js run ...` or `npm run ...`. */
const NPM = /(^|\/)npm(-cli\.js)?( |$)/;

/** What a process of a run is, from its command line. */
export function processKind(command: string): string {
  if (command.includes('workerProcessEntry')) return 'worker';
  if (command.includes('@playwright/test/cli.js') || command.includes('playwright/cli.js')) return 'runner';
  if (command.includes('esbuild')) return 'esbuild';
  if (/^\S*\/time\b/.test(command)) return 'time';
  if (NPM.test(command)) return 'npm';
  if (/^(\/bin\/)?sh\b/.test(command)) return 'sh';
  if (command.includes('faultline')) return 'command';
  return command.split(' ')[0]?.split('/').pop() ?? '?';
}

/** `runner @0.31 s 160 MB, worker @1.10 s 135 MB`: each process of the timeline but GNU time's and the shell's. */
export function describeTimeline(processes: ProcessSpan[]): string {
  return processes
    .filter((p) => !['time', 'sh'].includes(processKind(p.command)))
    .map((p) => `${processKind(p.command)} @${(p.startMs / 1000).toFixed(2)} s ${Math.round(p.peakMB)} MB`)
    .join(', ');
}

/** First request, CPU, peaks, exit status and the timeline of a case, for a bench row's note. */
export function describeRun(r: CaseResult): string {
  const s = (ms: number | undefined): string => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
  return `first request ${s(r.firstRequestMs)} (fastest round: ${s(r.bestFirstRequestMs)} to the first request, ${s(r.bestMs)} to exit), cpu ${s(r.cpuMs)}, peak ${Math.round(r.peakFaultlineMB)} MB (${Math.round(r.peakMB)} MB with npm), exit ${r.code}; ${describeTimeline(r.processes)}`;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

function runOnce(c: Case): Promise<Measured> {
  return measure('npm', ['run', '-s', 'conformance', '--', ...c.args], { ...process.env, CI: '1', ...c.env }, c.root, { sampleMs: 20, timeline: true, firstRequest: true, notCounted: NPM });
}

/** Every case `rounds` times, interleaved (case 1, case 2, ..., case 1, ...); medians per case. */
export async function compare(cases: Case[], rounds: number): Promise<CaseResult[]> {
  // one round first, not counted: builds, caches and the file system's cache are warm for every counted one
  for (const c of cases) await runOnce(c);
  const runs = new Map<string, Measured[]>(cases.map((c) => [c.label, []]));
  for (let r = 0; r < rounds; r++) for (const c of cases) runs.get(c.label)!.push(await runOnce(c));
  return cases.map((c) => {
    const ms = runs.get(c.label)!;
    const mid = [...ms].sort((a, b) => a.ms - b.ms)[Math.floor((ms.length - 1) / 2)]!;
    const firsts = ms.map((m) => m.firstRequestMs).filter((x): x is number => x !== undefined);
    const cpus = ms.map((m) => m.cpuMs).filter((x): x is number => x !== undefined);
    return {
      label: c.label,
      ms: median(ms.map((m) => m.ms)),
      ...(firsts.length ? { firstRequestMs: median(firsts), bestFirstRequestMs: Math.min(...firsts) } : {}),
      bestMs: Math.min(...ms.map((m) => m.ms)),
      ...(cpus.length ? { cpuMs: median(cpus) } : {}),
      peakMB: median(ms.map((m) => m.peakMB)),
      peakFaultlineMB: median(ms.map((m) => m.peakCountedMB ?? m.peakMB)),
      passed: summaryCount(mid.stdout, 'passed'),
      failed: summaryCount(mid.stdout, 'failed'),
      code: mid.code,
      processes: mid.processes ?? [],
      rounds,
    };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => { const i = args.indexOf(flag); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
  const rounds = Number(take('--rounds') ?? 3);
  const full = args.includes('--full');
  const roots = args.filter((a) => a !== '--full');
  if (!roots.length) roots.push(join(fileURLToPath(new URL('../..', import.meta.url))));
  const cases = roots.flatMap((root): Case[] => full
    ? [{ label: `${root}: all entries, all reporters`, root, args: [], env: { FAULTLINE_REPORTS_DIR: join(root, 'reports', 'bench', 'full') } }]
    : [{ label: `${root}: --grep 'cmix/not-found '`, root, args: ['--grep', 'cmix/not-found '], env: { FAULTLINE_REPORTERS: 'minimal', FAULTLINE_REPORTS_DIR: join(root, 'reports', 'bench', 'inner') } }]);
  for (const r of await compare(cases, rounds)) {
    process.stdout.write(`${r.label}: exit after ${(r.ms / 1000).toFixed(2)} s, ${r.passed} passed, ${r.failed} failed; ${describeRun(r)}\n`);
  }
}
