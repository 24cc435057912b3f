/**
 * Sends one request through Playwright's APIRequestContext and returns the normalised Exchange.
 * Transport failures become TargetError (outcome `error`); every request has a timeout.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Exchange } from './exchange.js';
import { classifyTransportError } from './errors.js';
import { toExchange } from './exchange.js';
import { sendWithRedirects, type RedirectPolicy } from './redirects.js';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Sender {
  /** Sends one request; redirects are followed only as `redirects` allows (default: none, see redirects.ts). */
  send(req: SentRequest, redirects?: RedirectPolicy): Promise<Exchange>;
  /** Forget state carried between requests (cookies), at the start of each test. */
  reset?(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Bodies above this size are released as soon as they are read (see below). */
const RELEASE_ABOVE_BYTES = 64 * 1024;

export function playwrightSender(ctx: APIRequestContext, timeoutMs = DEFAULT_TIMEOUT_MS): Sender {
  // The worker's one context has one cookie jar: a Set-Cookie answered to one entry must not ride
  // along on the next entry's requests. Cookies stay within a test (setup steps may log in).
  let cookiesSet = false;
  return {
    async reset() {
      if (cookiesSet) { await ctx.clearCookies(); cookiesSet = false; }
    },
    send: (first, redirects = 'none') => sendWithRedirects(first, redirects, async (req) => {
      try {
        const res = await ctx.fetch(req.url, {
          method: req.method,
          headers: req.headers,
          ...(req.body !== undefined ? { data: Buffer.from(req.body, 'utf8') } : {}),
          timeout: timeoutMs,
          maxRedirects: 0, // never followed by Playwright: it would carry custom auth headers to any origin
          failOnStatusCode: false,
        });
        const headers = res.headers();
        if (headers['set-cookie'] !== undefined) cookiesSet = true;
        const raw = await res.body();
        // The context keeps every response body until it is disposed, and it lives as long as
        // the worker: a large one is released now, or a worker holds every body it ever fetched
        // (8 bodies of 50 MB kept 350 MB). Small ones are not worth the extra call per request.
        // Best effort: a failed release must not hide the answer.
        if (raw.length > RELEASE_ABOVE_BYTES) await res.dispose().catch(() => undefined);
        return toExchange(res.status(), headers, raw);
      } catch (err) {
        throw classifyTransportError(err, req.url, timeoutMs);
      }
    }),
  };
}
