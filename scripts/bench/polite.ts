/**
 * The run-wide rate limit and concurrency cap, measured where they matter: at the target. A
 * loopback server stands in for every API (base URL http://127.0.0.1:<port>/<api>), answers each
 * request with a 404 after a short delay, and records when each request arrived and how many
 * were in flight per base URL; faultline runs the given catalogs against it with 2 workers.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { measure } from './measure.js';

export interface PoliteResult { label: string; requests: number; ms: number; busiestBase: string; maxPerSecond: number; meanPerSecond: number; maxInFlight: number }

export async function politeRun(root: string, catalogs: LoadedCatalog[], label: string, settings: Record<string, string>): Promise<PoliteResult> {
  const arrivals = new Map<string, number[]>();
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const server = createServer((req, res) => {
    const base = `/${(req.url ?? '/').split('/')[1]}`;
    (arrivals.get(base) ?? arrivals.set(base, []).get(base)!).push(performance.now());
    const n = (inFlight.get(base) ?? 0) + 1;
    inFlight.set(base, n);
    maxInFlight.set(base, Math.max(maxInFlight.get(base) ?? 0, n));
    req.resume();
    setTimeout(() => {
      inFlight.set(base, (inFlight.get(base) ?? 1) - 1);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"bench"}');
    }, 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const env: Record<string, string> = { CONFORMANCE_ENV: 'selftest', FAULTLINE_ALLOW_DESTRUCTIVE: 'true', FAULTLINE_BREAKER_THRESHOLD: '0', FAULTLINE_REPORTERS: 'minimal' };
  for (const c of catalogs) {
    env[c.baseUrlVar] = `http://127.0.0.1:${port}/${c.api}`;
    for (const id of Object.values(c.identities)) env[id.env] = `bench-${id.env.toLowerCase()}`;
    for (const f of Object.keys(c.fixtures ?? {})) env[f] = 'fixture-1';
  }
  const reports = mkdtempSync(join(tmpdir(), 'fl-bench-polite-'));
  const m = await measure(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { ...process.env, CI: '1', FAULTLINE_REPORTS_DIR: reports, ...env, ...settings }, root);
  rmSync(reports, { recursive: true, force: true });
  await new Promise<void>((r) => server.close(() => r()));
  // the busiest base URL: most requests in any one-second window
  let best = { base: '', maxPerSecond: 0, meanPerSecond: 0 };
  for (const [base, times] of arrivals) {
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i++) { while (times[i]! - times[j]! >= 1000) j++; most = Math.max(most, i - j + 1); }
    const span = (times.at(-1)! - times[0]!) / 1000;
    if (most > best.maxPerSecond) best = { base, maxPerSecond: most, meanPerSecond: span > 0 ? (times.length - 1) / span : 0 };
  }
  return {
    label, requests: [...arrivals.values()].reduce((n, t) => n + t.length, 0), ms: m.ms,
    busiestBase: best.base, maxPerSecond: best.maxPerSecond, meanPerSecond: best.meanPerSecond, maxInFlight: Math.max(0, ...maxInFlight.values()),
  };
}
