/**
 * The runner's own settings, read and validated in one place (the preflight checks them before
 * any worker starts, so a typo stops the run with a message naming the variable):
 *
 *   FAULTLINE_RATE_LIMIT         requests per base URL for the whole run, all workers together:
 *                                `5/s`, `120/min`, `0.5/s`; unset = no limit
 *   FAULTLINE_CONCURRENCY        requests in flight per base URL, all workers together; unset = no cap
 *   FAULTLINE_RETRY_AFTER_MAX_MS the longest a setup or teardown step waits on a 429/503 answer's
 *                                Retry-After before it retries (default 10000; 0 = never wait)
 *   FAULTLINE_KEEP_WORKER        0 = let Playwright restart a worker after every failing entry
 *                                (see keep-worker.ts); default on
 */
/** The longest total wait on a setup or teardown step's Retry-After (429/503), ms, unless the run says otherwise. */
export const DEFAULT_RETRY_AFTER_MAX_MS = 10_000;

export interface RunSettings {
  /** minimum interval between two requests to one base URL, ms (0 = no limit) */
  rateIntervalMs: number;
  /** the limit as written, for messages */
  rateLimit?: string;
  concurrency?: number;
  retryAfterMaxMs: number;
  keepWorker: boolean;
}

export class SettingError extends Error {}

function parseRate(raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|second|m|min|minute)\s*$/i.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!m || !(n > 0)) throw new SettingError(`FAULTLINE_RATE_LIMIT=${raw}: expected requests per second or minute, e.g. 5/s or 120/min`);
  const perMs = /^m/i.test(m[2]!) ? n / 60_000 : n / 1000;
  return 1 / perMs;
}

function positiveInt(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < min) throw new SettingError(`${name}=${raw}: expected a whole number ≥ ${min}`);
  return n;
}

export function runSettings(env: Record<string, string | undefined> = process.env): RunSettings {
  const rate = env.FAULTLINE_RATE_LIMIT?.trim();
  const cap = env.FAULTLINE_CONCURRENCY?.trim();
  const retry = env.FAULTLINE_RETRY_AFTER_MAX_MS?.trim();
  return {
    rateIntervalMs: rate ? parseRate(rate) : 0,
    ...(rate ? { rateLimit: rate } : {}),
    ...(cap ? { concurrency: positiveInt('FAULTLINE_CONCURRENCY', cap, 1) } : {}),
    retryAfterMaxMs: retry ? positiveInt('FAULTLINE_RETRY_AFTER_MAX_MS', retry, 0) : DEFAULT_RETRY_AFTER_MAX_MS,
    keepWorker: env.FAULTLINE_KEEP_WORKER !== '0',
  };
}
