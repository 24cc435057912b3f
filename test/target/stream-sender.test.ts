/**
 * The stream sender: bodies and compression bombs are cut at the cap while being read, redirects
 * and transport failures are handled like the default sender's.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createGzip } from 'node:zlib';
import { MAX_BODY_BYTES } from '../../src/target/exchange.js';
import { TargetError } from '../../src/target/errors.js';
import { streamSender } from '../../src/target/stream-sender.js';

async function serve(handler: RequestListener): Promise<{ url: string; close: () => void }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

const get = (url: string) => ({ method: 'GET', url, headers: {} });

test('an ordinary JSON answer', async () => {
  const s = await serve((_req, res) => { res.writeHead(404, { 'Content-Type': 'application/json' }); res.end('{"status":404}'); });
  try {
    const x = await streamSender(2000).send(get(`${s.url}/x`));
    assert.deepEqual([x.status, x.body, x.truncated], [404, { status: 404 }, false]);
  } finally { s.close(); }
});

test('an endless gzip stream (a compression bomb) is cut at the cap, quickly and in bounded memory', async () => {
  const zeros = Buffer.alloc(64 * 1024);
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    // an endless source: only the client's cap can end this
    Readable.from((function* () { for (;;) yield zeros; })()).pipe(createGzip()).pipe(res);
  });
  try {
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const x = await streamSender(10_000).send(get(`${s.url}/bomb`));
    assert.equal(x.truncated, true);
    assert.ok(x.text.length <= MAX_BODY_BYTES);
    assert.match(x.parseError ?? '', /larger than/);
    // generous for a loaded machine; without the cut an endless stream never ends at all
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory stayed bounded');
  } finally { s.close(); }
});

test('same-origin redirects of a step are followed up to ten times, then reported as a loop', async () => {
  let hits = 0;
  const s = await serve((req, res) => {
    hits++;
    if (req.url === '/once') { res.writeHead(302, { Location: '/done' }); res.end(); return; }
    if (req.url === '/done') { res.writeHead(400, { 'Content-Type': 'application/json' }); res.end('{}'); return; }
    res.writeHead(302, { Location: '/loop' }); res.end();
  });
  try {
    assert.equal((await streamSender(2000).send(get(`${s.url}/once`), 'same-origin')).status, 400);
    assert.equal((await streamSender(2000).send(get(`${s.url}/once`))).status, 302, 'the judged request follows none');
    hits = 0;
    await assert.rejects(streamSender(2000).send(get(`${s.url}/loop`), 'same-origin'), (e: unknown) => e instanceof TargetError && /redirects in a loop/.test(e.message));
    assert.equal(hits, 11);
  } finally { s.close(); }
});

test('silence, refusal and a short body become clear transport errors', async () => {
  const silent = await serve(() => undefined);
  const short = await serve((_req, res) => { res.writeHead(200, { 'Content-Length': '100' }); res.write('{"a":'); setTimeout(() => res.socket?.destroy(), 20); });
  try {
    await assert.rejects(streamSender(300).send(get(`${silent.url}/`)), /did not answer within 300 ms/);
    await assert.rejects(streamSender(2000).send(get(`${short.url}/`)), /closed the connection|reset the connection/);
    await assert.rejects(streamSender(2000).send(get('http://127.0.0.1:1/')), /connection refused/);
  } finally { silent.close(); short.close(); }
});
