/** The Playwright sender: cookies never cross from one test to the next; within a test they do. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { request } from '@playwright/test';
import { playwrightSender } from '../../src/target/sender.js';

test('a cookie set for one test is kept within it and dropped at the next reset', async () => {
  const server = createServer((req, res) => {
    if (req.url === '/login') res.setHeader('Set-Cookie', 'session=abc; Path=/');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx = await request.newContext();
  try {
    const sender = playwrightSender(ctx, 2000);
    const get = async (path: string): Promise<unknown> => (await sender.send({ method: 'GET', url: base + path, headers: {} })).body;
    await sender.reset!();
    await get('/login');
    assert.deepEqual(await get('/x'), { cookie: 'session=abc' }, 'within a test the session cookie is sent');
    await sender.reset!();
    assert.deepEqual(await get('/x'), { cookie: null }, 'the next test starts without it');
  } finally {
    await ctx.dispose();
    server.close();
  }
});

test('with plain stacks, an API call does not run the installed stack formatter, and the formatter is back after it', async () => {
  const server = createServer((_req, res) => { res.setHeader('Content-Type', 'application/json'); res.end('{"ok":true}'); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  const ctx = await request.newContext();
  const hook = Error as { prepareStackTrace?: unknown };
  const before = hook.prepareStackTrace;
  let formatted = 0;
  // what source-map-support does in a Playwright worker: a formatter every captured stack goes through
  const counting = (err: Error, frames: NodeJS.CallSite[]): string => { formatted++; return `${err.name}: ${err.message}\n${frames.map((f) => `    at ${f.toString()}`).join('\n')}`; };
  hook.prepareStackTrace = counting;
  try {
    const send = async (plainStacks: boolean): Promise<number> => {
      formatted = 0;
      const x = await playwrightSender(ctx, 2000, { plainStacks }).send({ method: 'GET', url, headers: {} });
      assert.deepEqual(x.body, { ok: true });
      return formatted;
    };
    assert.ok(await send(false) > 0, 'Playwright formats a stack for its API calls');
    assert.equal(await send(true), 0, 'with plain stacks none goes through the installed formatter');
    assert.equal(hook.prepareStackTrace, counting, 'the installed formatter is restored');
  } finally {
    hook.prepareStackTrace = before;
    await ctx.dispose();
    server.close();
  }
});
