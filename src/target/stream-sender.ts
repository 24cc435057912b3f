/**
 * An alternative to the Playwright sender for targets that may not be trusted with memory:
 * `FAULTLINE_SENDER=stream`. It reads a body as a stream and stops after the 1 MiB faultline
 * keeps, decompressing with the same bound, so neither a huge body nor a compression bomb can
 * grow a worker. Playwright's request client, the default, reads whole bodies first. This one
 * keeps no cookie jar (recipes that log in with cookies need the default) and follows redirects
 * as the default does (src/target/redirects.ts).
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { classifyTransportError } from './errors.js';
import { MAX_BODY_BYTES, toExchange } from './exchange.js';
import { sendWithRedirects } from './redirects.js';
import type { Sender, SentRequest } from './sender.js';

function decoded(res: IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Reads at most `limit + 1` bytes (so the caller can tell the body was cut), then lets go. */
function readCapped(res: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = decoded(res);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: Buffer | Error): void => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    body.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size > limit) {
        // enough kept: settle first, then let go of the connection (its abort is not a failure)
        finish(Buffer.concat(chunks));
        body.removeAllListeners('data');
        res.destroy();
      }
    });
    body.on('end', () => finish(Buffer.concat(chunks)));
    body.on('error', (e: Error) => finish(e));
    if (body !== res) res.on('error', (e: Error) => finish(e));
    res.on('aborted', () => finish(new Error('aborted')));
  });
}

function once(req: SentRequest, agents: { http: http.Agent; https: https.Agent }, deadline: number): Promise<{ res: IncomingMessage; raw?: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(req.url);
    const lib = u.protocol === 'https:' ? https : http;
    const out = lib.request(u, { method: req.method, headers: { 'accept-encoding': 'gzip, deflate, br', ...req.headers }, agent: u.protocol === 'https:' ? agents.https : agents.http }, (res) => resolve({ res }));
    const left = deadline - Date.now();
    out.setTimeout(Math.max(1, left), () => out.destroy(new Error(`Timeout ${left}ms exceeded`)));
    out.on('error', reject);
    out.end(req.body);
  });
}

export function streamSender(timeoutMs: number, limit = MAX_BODY_BYTES): Sender {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    send: (first, redirects = 'none') => sendWithRedirects(first, redirects, async (req) => {
      const deadline = Date.now() + timeoutMs;
      try {
        const { res } = await once(req, agents, deadline);
        const timer = setTimeout(() => res.destroy(new Error(`Timeout ${timeoutMs}ms exceeded`)), Math.max(1, deadline - Date.now()));
        try {
          const raw = await readCapped(res, limit);
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          return toExchange(res.statusCode ?? 0, headers, raw);
        } finally {
          clearTimeout(timer);
        }
      } catch (err) {
        throw classifyTransportError(err, req.url, timeoutMs);
      }
    }),
  };
}
