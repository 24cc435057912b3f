/**
 * A small server that conforms to test/fixtures/openapi/kennel.openapi.yaml (node:http on
 * loopback), so each derived recipe can be shown to provoke its documented status. Tokens:
 * `Bearer kennel-user` may do everything, `Bearer kennel-limited` may only read. Dog 1 exists.
 * GET /dogs answers 429 (Retry-After) on every 20th request that would otherwise succeed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const KENNEL_TOKENS = { user: 'kennel-user', limited: 'kennel-limited' };

interface Problem { status: number; title: string; errors?: { pointer: string; detail: string }[]; headers?: Record<string, string> }

function send(res: ServerResponse, p: Problem): void {
  const body = JSON.stringify({ type: `https://kennel.example/problems/${p.status}`, title: p.title, status: p.status, ...(p.errors ? { errors: p.errors } : {}) });
  res.writeHead(p.status, { 'Content-Type': 'application/problem+json', ...p.headers });
  res.end(body);
}

function accepts(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept) return true;
  return accept.split(',').some((t) => /^\s*(\*\/\*|application\/\*|application\/json|application\/problem\+json)\s*(;.*)?$/.test(t));
}

async function readBody(req: IncomingMessage, max: number): Promise<{ text: string; tooLarge: boolean }> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) { size += (c as Buffer).length; if (size <= max) chunks.push(c as Buffer); }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > max };
}

function validateDog(v: unknown): { pointer: string; detail: string }[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [{ pointer: '', detail: 'must be an object' }];
  const d = v as Record<string, unknown>;
  const errors: { pointer: string; detail: string }[] = [];
  if (typeof d.name !== 'string' || d.name.length < 1 || d.name.length > 40) errors.push({ pointer: '/name', detail: 'a string of 1-40 characters is required' });
  if (!['beagle', 'collie', 'poodle'].includes(d.breed as string)) errors.push({ pointer: '/breed', detail: 'one of beagle, collie, poodle' });
  if (d.age !== undefined && (!Number.isInteger(d.age) || (d.age as number) < 0 || (d.age as number) > 30)) errors.push({ pointer: '/age', detail: 'an integer 0-30' });
  for (const k of Object.keys(d)) if (!['name', 'breed', 'age'].includes(k)) errors.push({ pointer: `/${k}`, detail: 'not allowed' });
  return errors;
}

export async function startKennel(): Promise<{ server: Server; baseUrl: string; close(): Promise<void> }> {
  let served = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname.replace(/^\/v1/, '');
      const auth = req.headers.authorization;
      const who = auth === `Bearer ${KENNEL_TOKENS.user}` ? 'user' : auth === `Bearer ${KENNEL_TOKENS.limited}` ? 'limited' : undefined;
      const dog = /^\/dogs\/([^/]+)(\/photo)?$/.exec(path);
      if (path !== '/dogs' && !dog) return send(res, { status: 404, title: 'No such route' });
      if (!who) return send(res, { status: 401, title: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer realm="kennel"' } });
      if (path === '/dogs' && req.method === 'GET') {
        if (!accepts(req)) return send(res, { status: 406, title: 'Not Acceptable' });
        const limit = url.searchParams.get('limit');
        if (limit === null || !/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) return send(res, { status: 400, title: 'Bad Request', errors: [{ pointer: 'limit', detail: 'an integer 1-100 is required' }] });
        if (++served % 20 === 0) return send(res, { status: 429, title: 'Too Many Requests', headers: { 'Retry-After': '1' } });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify([{ id: 1, name: 'Rex', breed: 'beagle' }]));
      }
      if (path === '/dogs' && req.method === 'POST') {
        if (who !== 'user') return send(res, { status: 403, title: 'Forbidden' });
        if (!/^application\/json\s*(;.*)?$/.test(req.headers['content-type'] ?? '')) return send(res, { status: 415, title: 'Unsupported Media Type' });
        const { text } = await readBody(req, 65536);
        let parsed: unknown;
        try { parsed = JSON.parse(text); } catch { return send(res, { status: 422, title: 'Unprocessable', errors: [{ pointer: '', detail: 'not JSON' }] }); }
        const errors = validateDog(parsed);
        if (errors.length) return send(res, { status: 422, title: 'Invalid dog', errors });
        res.writeHead(201, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ id: 2, ...(parsed as object) }));
      }
      if (dog && !dog[2]) {
        if (req.method !== 'GET' && req.method !== 'DELETE') return send(res, { status: 405, title: 'Method Not Allowed', headers: { Allow: 'GET, DELETE' } });
        if (!/^\d+$/.test(dog[1]!) || dog[1] !== '1') return send(res, { status: 404, title: 'Not Found' });
        if (req.method === 'DELETE') return send(res, { status: 409, title: 'Checked in' });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ id: 1, name: 'Rex', breed: 'beagle' }));
      }
      if (dog && dog[2] && req.method === 'PUT') {
        const { tooLarge } = await readBody(req, 4096);
        if (tooLarge) return send(res, { status: 413, title: 'Content Too Large' });
        res.writeHead(204);
        return res.end();
      }
      return send(res, { status: 405, title: 'Method Not Allowed', headers: { Allow: 'PUT' } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
