/**
 * A Sender over Node's own fetch, for code that runs outside Playwright: the reference target's
 * tests and the bare-loop benchmark. Test support only: a run sends through src/target/sender.ts
 * or stream-sender.ts. Redirects follow the same policy as those (src/target/redirects.ts).
 */
import { toExchange } from '../../src/target/exchange.js';
import { sendWithRedirects } from '../../src/target/redirects.js';
import type { Sender } from '../../src/target/sender.js';

export const fetchSender: Sender = {
  send: (first, redirects = 'none') => sendWithRedirects(first, redirects, async (req) => {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), redirect: 'manual' });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    return toExchange(res.status, headers, Buffer.from(await res.arrayBuffer()));
  }),
};
