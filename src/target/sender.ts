/**
 * Sends one request through Playwright's APIRequestContext and returns the normalised Exchange.
 * Transport failures become TargetError (outcome `error`); every request has a timeout.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Exchange } from '../checks/types.js';
import { classifyTransportError } from './errors.js';
import { toExchange } from './exchange.js';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Sender {
  send(req: SentRequest): Promise<Exchange>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function playwrightSender(ctx: APIRequestContext, timeoutMs = DEFAULT_TIMEOUT_MS): Sender {
  return {
    async send(req) {
      try {
        const res = await ctx.fetch(req.url, {
          method: req.method,
          headers: req.headers,
          ...(req.body !== undefined ? { data: Buffer.from(req.body, 'utf8') } : {}),
          timeout: timeoutMs,
          maxRedirects: 10,
          failOnStatusCode: false,
        });
        try {
          return toExchange(res.status(), res.headers(), await res.body());
        } finally {
          // The context keeps every response body until it is disposed, and it lives as long as
          // the worker: release each one now, or a worker holds every body it ever fetched
          // (8 bodies of 50 MB kept 350 MB). Best effort: a failed release must not hide the answer.
          await res.dispose().catch(() => undefined);
        }
      } catch (err) {
        throw classifyTransportError(err, req.url, timeoutMs);
      }
    },
  };
}
