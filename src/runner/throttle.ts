/**
 * Politeness towards a shared deployment, for the whole run: at most FAULTLINE_RATE_LIMIT
 * requests per base URL and at most FAULTLINE_CONCURRENCY in flight per base URL, counted over
 * every worker process together (see ./run-settings.ts).
 *
 * Workers are separate processes, so the shared state lives in the run's scratch folder
 * (FAULTLINE_RUN_DIR, removed by the global teardown): per base URL, one small file holding the
 * earliest time the next request may start (read and advanced under a mkdir lock, which is
 * atomic on every file system), and one file per occupied concurrency slot holding its owner's pid (a
 * worker that died holding one frees it: its pid is gone). A sharded run limits each shard on
 * its own. Hand-written rather than a library: the npm rate limiters (bottleneck, p-limit,
 * p-throttle) coordinate within one process or through Redis; a run's workers share only a
 * folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Sender } from '../target/sender.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A lock older than this was left by a process that died inside the (microseconds long) critical section. */
const STALE_LOCK_MS = 2_000;

export interface ThrottleOptions {
  /** shared folder of the run */
  dir: string;
  /** minimum interval between two request starts per key, ms; 0 = none */
  intervalMs: number;
  /** most requests in flight per key; undefined = no cap */
  concurrency?: number;
}

export class Throttle {
  constructor(private readonly o: ThrottleOptions) {
    mkdirSync(o.dir, { recursive: true });
  }

  get active(): boolean { return this.o.intervalMs > 0 || this.o.concurrency !== undefined; }

  private file(kind: string, key: string): string {
    return join(this.o.dir, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  }

  private async locked<T>(key: string, fn: () => T): Promise<T> {
    const lock = this.file('lock', key);
    for (;;) {
      try { mkdirSync(lock); break; } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        try { if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true }); } catch { /* released meanwhile */ }
        await sleep(1 + Math.random() * 3);
      }
    }
    try { return fn(); } finally { rmSync(lock, { recursive: true, force: true }); }
  }

  /**
   * Waits until this key's last request started at least one interval ago (run-wide), and
   * records this one as started: the time is taken under the lock, so starts are spaced even
   * when a process wakes late.
   */
  private async rateSlot(key: string): Promise<void> {
    if (!(this.o.intervalMs > 0)) return;
    const file = this.file('rate', key);
    for (;;) {
      const wait = await this.locked(key, () => {
        let next = 0;
        try { next = Number(readFileSync(file, 'utf8')) || 0; } catch { /* first request */ }
        const now = Date.now();
        if (now < next) return next - now;
        writeFileSync(file, String(now + this.o.intervalMs));
        return 0;
      });
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  /** Takes one of this key's concurrency slots (run-wide); returns its release. */
  private async concurrencySlot(key: string): Promise<() => void> {
    const cap = this.o.concurrency;
    if (cap === undefined) return () => undefined;
    const files = Array.from({ length: cap }, (_, i) => `${this.file('busy', key)}-${i}`);
    for (;;) {
      for (const f of files) {
        try {
          const fd = openSync(f, 'wx');
          writeSync(fd, String(process.pid));
          closeSync(fd);
          return () => { try { unlinkSync(f); } catch { /* already freed */ } };
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          freeIfOwnerDied(f);
        }
      }
      await sleep(2 + Math.random() * 5);
    }
  }

  /** Waits until a request to `key` may start; call the returned function when it has finished. */
  async acquire(key: string): Promise<() => void> {
    await this.rateSlot(key);
    return this.concurrencySlot(key);
  }
}

function freeIfOwnerDied(file: string): void {
  let pid: number;
  try { pid = Number(readFileSync(file, 'utf8')); } catch { return; }
  if (!pid) return; // being written right now
  try { process.kill(pid, 0); } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') { try { unlinkSync(file); } catch { /* someone else did */ } }
  }
}

/** The base URL a request belongs to: the longest configured base that prefixes it, else its origin. */
export function baseKeyOf(bases: string[]): (url: string) => string {
  const sorted = [...new Set(bases.filter(Boolean))].sort((a, b) => b.length - a.length);
  return (url) => sorted.find((b) => url.startsWith(b)) ?? new URL(url).origin;
}

/** A sender whose every request (setup, provoking, polling, teardown) passes the throttle first. */
export function throttledSender(inner: Sender, throttle: Throttle, keyOf: (url: string) => string): Sender {
  if (!throttle.active) return inner;
  return {
    ...(inner.reset ? { reset: () => inner.reset!() } : {}),
    async send(req, redirects) {
      const release = await throttle.acquire(keyOf(req.url));
      try { return await inner.send(req, redirects); } finally { release(); }
    },
  };
}
