/**
 * Hostile and broken loopback targets for the robustness self-tests. Each serves every path on
 * 127.0.0.1 and misbehaves in exactly one way; `close()` ends every socket it accepted, so a
 * test's `finally` leaves nothing running even when the client gave up mid-response.
 */
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface Hostile {
  url: string;
  /** requests (or raw connections) the target received */
  hits(): number;
  close(): Promise<void>;
}

/** Tracks sockets and timers so close() is prompt and complete. */
async function serve(server: Server, onSocket?: (s: Socket) => void): Promise<Hostile & { count: () => void; timer: (t: NodeJS.Timeout) => void }> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let hits = 0;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => { /* the client hanging up on a hostile target is expected */ });
    onSocket?.(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    count: () => { hits++; },
    timer: (t) => { timers.add(t); },
    close: () => new Promise<void>((r) => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

function httpTarget(handler: (res: ServerResponse, track: (t: NodeJS.Timeout) => void) => void): Promise<Hostile> {
  const server = createHttpServer();
  return serve(server).then((h) => {
    server.on('request', (req, res) => {
      h.count();
      req.resume(); // drain the request body so the client's write never stalls
      handler(res, h.timer);
    });
    return h;
  });
}

/** A port nobody listens on: bind an ephemeral port, then release it. */
export async function refusedTarget(): Promise<Hostile> {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return { url: `http://127.0.0.1:${port}`, hits: () => 0, close: async () => {} };
}

/** Accepts the TCP connection, reads the request, never answers. */
export async function silentTarget(): Promise<Hostile> {
  const h = await serve(createNetServer(), (s) => { h.count(); s.resume(); });
  return h;
}

/** Sends headers at once, then one byte of body every `everyMs`: the whole body never arrives in time. */
export function tricklingTarget(everyMs = 250): Promise<Hostile> {
  return httpTarget((res, track) => {
    res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
    res.write('{');
    track(setInterval(() => { if (!res.destroyed) res.write(' '); }, everyMs));
  });
}

/** Declares a body, sends part of it, then resets the TCP connection (RST, not FIN). */
export function resettingTarget(): Promise<Hostile> {
  return httpTarget((res) => {
    res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
    res.write('{"errorMessage": "half of a bo', () => {
      // a short pause so the client has received headers and part of the body before the reset
      setTimeout(() => res.socket?.resetAndDestroy(), 50);
    });
  });
}

/** A JSON content type over a body that is not JSON. */
export function invalidJsonTarget(): Promise<Hostile> {
  return httpTarget((res) => {
    res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end('{"errorMessage": "unterminated');
  });
}

/** A syntactically valid JSON body of `bytes` bytes, streamed with backpressure. */
export function hugeTarget(bytes = 50 * 1024 * 1024): Promise<Hostile> {
  const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: whitespace inside a JSON array
  return httpTarget((res) => {
    res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': String(bytes) });
    let left = bytes - 2;
    res.write('[');
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) { res.once('drain', pump); return; }
      }
      if (!res.destroyed) res.end(']');
    };
    pump();
  });
}

/** Redirects every path to itself, forever. */
export function redirectLoopTarget(): Promise<Hostile> {
  return httpTarget((res) => {
    res.writeHead(302, { Location: '/loop', 'Content-Length': '0' });
    res.end();
  });
}

/** Declares more bytes than it sends, then closes cleanly (FIN). */
export async function shortBodyTarget(): Promise<Hostile> {
  const h = await serve(createNetServer(), (s) => {
    s.once('data', () => {
      h.count();
      const body = '{"errorMessage": "short"}';
      s.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 1000}\r\nConnection: close\r\n\r\n${body}`);
    });
  });
  return h;
}

/** Answers every connection with bytes that are not HTTP (an SSH banner and binary junk). */
export async function notHttpTarget(): Promise<Hostile> {
  const h = await serve(createNetServer(), (s) => {
    s.once('data', () => {
      h.count();
      s.end(Buffer.concat([Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])]));
    });
  });
  return h;
}
