/**
 * Redirects never carry a credential to another origin, and never replace the answer being
 * judged: the judged request follows no redirect (its 3xx is judged), setup steps follow only
 * same-origin ones, with both senders.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { request, type APIRequestContext } from '@playwright/test';
import type { Catalog, Entry, Recipe } from '../../src/catalog/types.js';
import { Status } from '../../src/catalog/status.js';
import { runRecipe, SetupError } from '../../src/recipes/run.js';
import { TargetError } from '../../src/target/errors.js';
import { Redactor } from '../../src/target/redact.js';
import { playwrightSender, type Sender } from '../../src/target/sender.js';
import { streamSender } from '../../src/target/stream-sender.js';

const TOKEN = 'redirect-canary-9f3e1a';
interface Server { url: string; seen: { url: string; headers: IncomingMessage['headers'] }[]; close(): void }

async function serve(handler: (req: IncomingMessage, res: ServerResponse, s: Server) => void): Promise<Server> {
  const s: Server = { url: '', seen: [], close: () => undefined };
  const server = createServer((req, res) => { s.seen.push({ url: req.url ?? '', headers: req.headers }); handler(req, res, s); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = () => server.close();
  return s;
}

const catalog = (): Catalog => ({
  api: 'demo', title: 'Demo', baseUrlVar: 'DEMO_BASE_URL', page: { url: 'https://example.test/', capture: 'x', title: 'x' },
  auth: { header: 'symbio-auth-token', format: '{token}' },
  identities: { admin: { env: 'DEMO_TOKEN', description: 'admin' } }, defaultIdentity: 'admin', envelopes: {}, entries: [],
});
const entry = (recipe: Recipe): Entry => ({
  id: 'demo/x', api: 'demo', position: { file: 'catalogs/demo.yaml', line: 1, col: 1 }, title: 'x', doc: { url: 'https://example.test/#x', quote: 'x' }, status: Status.of(404), strength: 'must', body: { kind: 'undocumented', basis: 'x' }, recipes: [recipe],
});

let ctx: APIRequestContext;
let foreign: Server;
let target: Server;
const senders: [string, () => Sender][] = [['playwright', () => playwrightSender(ctx, 3000)], ['stream', () => streamSender(3000)]];

before(async () => {
  ctx = await request.newContext();
  foreign = await serve((_req, res) => { res.writeHead(404, { 'Content-Type': 'application/json' }); res.end('{"from":"foreign"}'); });
  target = await serve((req, res, s) => {
    const to = (location: string) => { res.writeHead(302, { Location: location, 'Content-Length': '0' }); res.end(); };
    if (req.url === '/away') return to(`${foreign.url}/stolen`);
    if (req.url === '/here') return to('/final');
    if (req.url === '/loop') return to('/loop');
    if (req.method === 'POST' && req.url === '/things') return to('/things/created');
    res.writeHead(req.url === '/things/created' ? 201 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: 't1', method: req.method, host: s.url }));
  });
});
after(async () => { foreign.close(); target.close(); await ctx.dispose(); });

for (const [name, make] of senders) {
  describe(`${name} sender`, () => {
    test('the judged request follows no redirect: the 3xx is the answer', async () => {
      foreign.seen.length = 0;
      const x = await make().send({ method: 'GET', url: `${target.url}/away`, headers: { 'symbio-auth-token': TOKEN } });
      assert.equal(x.status, 302);
      assert.equal(x.headers.location, `${foreign.url}/stolen`);
      assert.deepEqual(foreign.seen, [], 'nothing reached the other origin');
    });

    test('same-origin policy: follows on the same origin, hands back a redirect elsewhere unfollowed', async () => {
      foreign.seen.length = 0;
      const here = await make().send({ method: 'GET', url: `${target.url}/here`, headers: { 'symbio-auth-token': TOKEN } }, 'same-origin');
      assert.equal(here.status, 404);
      const away = await make().send({ method: 'GET', url: `${target.url}/away`, headers: { 'symbio-auth-token': TOKEN } }, 'same-origin');
      assert.equal(away.status, 302);
      assert.deepEqual(foreign.seen, [], 'the identity header never reached the other origin');
    });

    test('a same-origin redirect loop is a transport error after a bounded number of hops', async () => {
      const hits = target.seen.length;
      await assert.rejects(make().send({ method: 'GET', url: `${target.url}/loop`, headers: {} }, 'same-origin'), (e: unknown) => e instanceof TargetError && /redirects in a loop/.test(e.message));
      assert.equal(target.seen.length - hits, 11, 'the first request and ten redirects');
    });

    test('a recipe: a setup step redirected to another origin fails there, the credential stays home', async () => {
      foreign.seen.length = 0;
      const env = { DEMO_BASE_URL: target.url, DEMO_TOKEN: TOKEN };
      const redactor = new Redactor(env, [TOKEN]);
      const away = entry({ setup: [{ request: { method: 'GET', path: '/away' }, expect: 200 }], request: { method: 'GET', path: '/x' } });
      await assert.rejects(runRecipe(catalog(), away, make(), { env, captures: {}, unique: 'u' }, redactor), (e: unknown) => e instanceof SetupError && /answered 302, expected 200/.test(e.message));
      // a same-origin redirect of a setup step is followed (POST then GET, as browsers do); the judged request's is not
      const ok = entry({ setup: [{ request: { method: 'POST', path: '/things', json: {} }, expect: 201, capture: { id: '/body/id' } }], request: { method: 'GET', path: '/away' } });
      const r = await runRecipe(catalog(), ok, make(), { env, captures: {}, unique: 'u' }, redactor);
      assert.equal(r.exchange.status, 302);
      assert.deepEqual(foreign.seen, [], 'nothing reached the other origin');
    });
  });
}
