/**
 * A circuit breaker per base URL, shared by every worker of a run through a folder of small
 * files: once `threshold` requests in a row to a base URL failed in transport (refused, timed
 * out, reset, not HTTP), the remaining entries of that API are reported `error` at once instead
 * of each waiting for its own timeout. Without it a catalog of 10,000 entries against a target
 * that hangs would take 10,000 timeouts. Any answer from the target closes the breaker again.
 * FAULTLINE_BREAKER_THRESHOLD=0 turns it off.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_BREAKER_THRESHOLD = 3;

export class Breaker {
  constructor(private readonly dir: string | undefined, private readonly threshold = DEFAULT_BREAKER_THRESHOLD) {}

  private file(base: string): string | undefined {
    if (!this.dir || this.threshold <= 0) return undefined;
    return join(this.dir, createHash('sha256').update(base).digest('hex').slice(0, 24));
  }

  /** Why the entry is not tried, when the breaker for `base` is open. */
  open(base: string): string | undefined {
    const f = this.file(base);
    if (!f || !existsSync(f)) return undefined;
    const failures = readFileSync(f, 'utf8').split('\n').filter(Boolean);
    if (failures.length < this.threshold) return undefined;
    return `not tried: the last ${failures.length} requests to ${base} failed in transport, the target looks down; last: ${failures[failures.length - 1]} (FAULTLINE_BREAKER_THRESHOLD=${this.threshold}; 0 turns this off)`;
  }

  failure(base: string, cause: string): void {
    const f = this.file(base);
    if (!f) return;
    mkdirSync(this.dir!, { recursive: true }); // only a run that meets a failure needs the folder
    appendFileSync(f, `${cause.replace(/\s+/g, ' ')}\n`);
  }

  success(base: string): void {
    const f = this.file(base);
    if (f && existsSync(f)) rmSync(f, { force: true });
  }
}
