/**
 * Reference target benchmarks: start-up time of `reference/main.ts` as a process, and requests per
 * second it serves for a mix of documented error responses (keep-alive, 16 in flight), with the
 * load generator in this process and the target in its own.
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import type { LoadedCatalog } from '../../src/catalog/types.js';
import { buildRequest } from '../../src/recipes/build.js';
import type { SentRequest } from '../../src/target/sender.js';

export async function startReferenceProcess(root: string, env: Record<string, string> = {}): Promise<{ port: number; ms: number; stop: () => void }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'reference/main.ts', '--port', '0'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /listening on port (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    child.on('exit', (code) => reject(new Error(`reference exited with ${code}`)));
  });
  return { port, ms: performance.now() - started, stop: () => child.kill('SIGTERM') };
}

/** The provoking requests of every simple entry (one request, no setup, not destructive). */
export function errorMix(catalogs: LoadedCatalog[], env: Record<string, string | undefined>): SentRequest[] {
  const out: SentRequest[] = [];
  for (const c of catalogs) for (const e of c.entries) {
    const r = e.recipes[0];
    if (!r || r.setup?.length || r.repeat || r.poll || e.destructive) continue;
    out.push(buildRequest(c, r.request, { env, captures: {}, unique: 'fl-bench' }));
  }
  return out;
}

export async function loadTest(mix: SentRequest[], total: number, concurrency = 16): Promise<{ rps: number; errors: number; byStatus: Record<number, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const byStatus: Record<number, number> = {};
  let next = 0;
  let errors = 0;
  const one = (req: SentRequest): Promise<void> => new Promise((resolve) => {
    const u = new URL(req.url);
    const r = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: req.method, headers: req.headers, agent }, (res) => {
      byStatus[res.statusCode ?? 0] = (byStatus[res.statusCode ?? 0] ?? 0) + 1;
      res.resume();
      res.on('end', resolve);
    });
    r.on('error', () => { errors++; resolve(); });
    r.end(req.body);
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) { const i = next++; await one(mix[i % mix.length]!); }
  }));
  const s = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: Math.round(total / s), errors, byStatus };
}
