/**
 * Red nights against green ones, side by side: the same catalogs run green (the reference
 * target), with every entry violating (the reference target deviating on every entry's status),
 * and with the target down (every base URL refused; the breaker reports the rest), interleaved
 * so that the machine's load hits all three alike; medians. With FAULTLINE_KEEP_WORKER=0 the
 * all-violating run shows what a failure cost before (a worker start-up each).
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, summaryCount, type Measured } from './measure.js';

export interface RedCase { label: string; catalogs?: string; entries: number }
export interface RedResult { label: string; entries: number; kind: string; ms: number; cpuMs?: number; peakMB: number; passed: number; failed: number; code: number }

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMedian = (ms: Measured[]): number | undefined => ms.every((m) => m.cpuMs !== undefined) ? median(ms.map((m) => m.cpuMs!)) : undefined;

export async function redRuns(root: string, cases: RedCase[], ports: { green: number; violating: number; down: number }, opts: { repeats: number; keepOffAt?: string }): Promise<RedResult[]> {
  const pw = join(root, 'node_modules/@playwright/test/cli.js');
  const kinds: { kind: string; port: number; env?: Record<string, string> }[] = [
    { kind: 'green', port: ports.green },
    { kind: 'all violating', port: ports.violating },
    { kind: 'target down', port: ports.down },
  ];
  const out: RedResult[] = [];
  for (const c of cases) {
    const ks = [...kinds, ...(opts.keepOffAt === c.label ? [{ kind: 'all violating, worker restarted per failure', port: ports.violating, env: { FAULTLINE_KEEP_WORKER: '0' } }] : [])];
    const runs = new Map<string, Measured[]>(ks.map((k) => [k.kind, []]));
    for (let r = 0; r < opts.repeats; r++) {
      // rotate the order each round, so no kind always runs first on a warm or cold machine
      const order = ks.map((_, i) => ks[(i + r) % ks.length]!);
      for (const k of order) {
        if (k.env?.FAULTLINE_KEEP_WORKER === '0' && r > 0) continue; // slow: once is enough
        const reports = mkdtempSync(join(tmpdir(), 'fl-bench-red-'));
        const m = await measure(process.execPath, [pw, 'test'], {
          ...process.env, CI: '1', CONFORMANCE_ENV: 'reference', FAULTLINE_REFERENCE: 'none', REFERENCE_PORT: String(k.port),
          FAULTLINE_REPORTS_DIR: reports, ...(c.catalogs ? { FAULTLINE_CATALOGS: c.catalogs } : {}), ...(k.env ?? {}),
        }, root);
        rmSync(reports, { recursive: true, force: true });
        runs.get(k.kind)!.push(m);
        process.stderr.write(`  red ${c.label} ${k.kind}: ${(m.ms / 1000).toFixed(1)} s${m.cpuMs !== undefined ? `, cpu ${(m.cpuMs / 1000).toFixed(1)} s` : ''}\n`);
      }
    }
    for (const k of ks) {
      const ms = runs.get(k.kind)!;
      const mid = ms.find((m) => m.ms === median(ms.map((x) => x.ms)))!;
      out.push({
        label: c.label, entries: c.entries, kind: k.kind, ms: mid.ms, ...(cpuMedian(ms) !== undefined ? { cpuMs: cpuMedian(ms) } : {}), peakMB: mid.peakMB, code: mid.code,
        passed: summaryCount(mid.stdout, 'passed'), failed: summaryCount(mid.stdout, 'failed'),
      });
    }
  }
  return out;
}
