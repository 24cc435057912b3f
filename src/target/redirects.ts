/**
 * Redirects. An error contract is judged on the answer the target gave, so the judged request
 * follows none: a 3xx is what is judged. Setup and teardown steps follow redirects on the same
 * origin only (scheme, host and port), so no identity header (the catalog's `auth.header`, a
 * cookie, anything the recipe sends) ever reaches another origin; a redirect elsewhere is handed
 * back to the step as the 3xx it is.
 */
import type { Exchange } from './exchange.js';
import { TargetError } from './errors.js';
import type { SentRequest } from './sender.js';

export type RedirectPolicy = 'none' | 'same-origin';

export const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where a 3xx answer points, resolved against the request URL; undefined for anything else. */
export function redirectTarget(x: Pick<Exchange, 'status' | 'headers'>, from: string): URL | undefined {
  const location = x.headers.location;
  if (!REDIRECTS.has(x.status) || !location) return undefined;
  try { return new URL(location, from); } catch { return undefined; }
}

/** `once` sends one request and never follows; this applies `policy` on top of it. */
export async function sendWithRedirects(first: SentRequest, policy: RedirectPolicy, once: (req: SentRequest) => Promise<Exchange>): Promise<Exchange> {
  let req = first;
  for (let hop = 0; ; hop++) {
    const x = await once(req);
    if (policy === 'none') return x;
    const next = redirectTarget(x, req.url);
    if (!next || next.origin !== new URL(req.url).origin) return x;
    if (hop >= MAX_REDIRECTS) throw new TargetError('target redirects in a loop (too many redirects)', first.url, `Max redirect count exceeded (${MAX_REDIRECTS} redirects)`);
    // 303, and 301/302 after a POST, continue as GET without a body (as browsers and fetch do)
    const asGet = x.status === 303 || ((x.status === 301 || x.status === 302) && req.method === 'POST');
    const headers = asGet ? Object.fromEntries(Object.entries(req.headers).filter(([k]) => !/^content-(type|length)$/i.test(k))) : req.headers;
    req = asGet ? { method: 'GET', url: next.toString(), headers } : { ...req, url: next.toString() };
  }
}
