/**
 * Per-identity token buckets. Every response carries the bucket's state as Celonis documents it:
 * x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset (seconds until the bucket is full).
 */
import type { Rate } from './fixtures.js';

export interface Verdict { allowed: boolean; headers: Record<string, string> }

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  take(key: string, rate: Rate): Verdict {
    const perMs = rate.limit / (rate.windowSec * 1000);
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: rate.limit, at: t };
    b.tokens = Math.min(rate.limit, b.tokens + (t - b.at) * perMs);
    b.at = t;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.buckets.set(key, b);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(rate.limit),
      'x-ratelimit-remaining': String(Math.floor(b.tokens)),
      'x-ratelimit-reset': String(Math.ceil((rate.limit - b.tokens) / perMs / 1000)),
    };
    if (!allowed) headers['Retry-After'] = String(Math.ceil((1 - b.tokens) / perMs / 1000));
    return { allowed, headers };
  }
}
