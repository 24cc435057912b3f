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

/**
 * Runs `call` (the synchronous start of one Playwright API call) with V8's own stack formatting.
 *
 * Every Playwright API call (`fetch`, `body`, `dispose`, `clearCookies`) captures a 50-frame
 * stack on entry, to name the call and to locate it in a report step. In a test worker,
 * Playwright has installed source-map-support as `Error.prepareStackTrace`, which maps each of
 * those frames through the source maps of every transformed file: at 10,000 entries that was
 * about 13% of a worker's CPU (profile in README, Performance, "Scale"). faultline never shows
 * those frames: with Playwright's per-test artifact fixtures replaced (src/runner/fixtures.ts)
 * no API call becomes a step, and a failed request becomes a TargetError that carries only its
 * message. So the capture, which happens synchronously when the call starts, is made with the
 * default formatting, the same way Playwright itself swaps `Error.prepareStackTrace` while it
 * locates a test declaration. The previous formatter is back before any other code runs.
 */
export function withPlainStacks<T>(call: () => T): T {
  // @types/node declares the hook as always present; unset is V8's (and Node's) default formatting
  const hook = Error as { prepareStackTrace?: unknown };
  const installed = hook.prepareStackTrace;
  if (installed === undefined) return call();
  hook.prepareStackTrace = undefined;
  try { return call(); } finally { hook.prepareStackTrace = installed; }
}

/**
 * `plainStacks` (the runner's default; off with FAULTLINE_PLAYWRIGHT_STEPS=1): each API call's
 * stack is captured with V8's own formatting instead of the source-mapped one (see above).
 */
export function playwrightSender(ctx: APIRequestContext, timeoutMs = DEFAULT_TIMEOUT_MS, opts: { plainStacks?: boolean } = {}): Sender {
  const api = opts.plainStacks ? withPlainStacks : <T>(call: () => T): T => call();
  // The worker's one context has one cookie jar: a Set-Cookie answered to one entry must not ride
  // along on the next entry's requests. Cookies stay within a test (setup steps may log in).
  let cookiesSet = false;
  return {
    async reset() {
      if (cookiesSet) { await api(() => ctx.clearCookies()); cookiesSet = false; }
    },
    send: (first, redirects = 'none') => sendWithRedirects(first, redirects, async (req) => {
      try {
        const res = await api(() => ctx.fetch(req.url, {
          method: req.method,
          headers: req.headers,
          ...(req.body !== undefined ? { data: Buffer.from(req.body, 'utf8') } : {}),
          timeout: timeoutMs,
          maxRedirects: 0, // never followed by Playwright: it would carry custom auth headers to any origin
          failOnStatusCode: false,
        }));
        const headers = res.headers();
        if (headers['set-cookie'] !== undefined) cookiesSet = true;
        const raw = await api(() => res.body());
        // The context keeps every response body until it is disposed, and it lives as long as
        // the worker: a large one is released now, or a worker holds every body it ever fetched
        // (8 bodies of 50 MB kept 350 MB). Small ones are not worth the extra call per request.
        // Best effort: a failed release must not hide the answer.
        if (raw.length > RELEASE_ABOVE_BYTES) await api(() => res.dispose()).catch(() => undefined);
        return toExchange(res.status(), headers, raw);
      } catch (err) {
        throw classifyTransportError(err, req.url, timeoutMs);
      }
    }),
  };
}
