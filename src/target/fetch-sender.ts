/**
 * A Sender over Node's own fetch, for code that runs outside Playwright: the bare-loop benchmark
 * and the reference target's tests. Redirects are not followed, so what the target said is seen.
 */
import { toExchange } from './exchange.js';
import type { Sender } from './sender.js';

export const fetchSender: Sender = {
  async send(req) {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), redirect: 'manual' });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    return toExchange(res.status, headers, Buffer.from(await res.arrayBuffer()));
  },
};
