/**
 * A failing entry costs what a passing one does: the worker that ran it runs the next one.
 *
 * Playwright ends a worker after any test whose status differs from its expected status and
 * starts a new process for the rest of the group (its worker loop: `if (testInfo._isFailure())
 * this._isStopped = true`). A worker start-up is mostly Playwright's own (process, its bundles,
 * the config and spec files again), so every violation cost about as much as hundreds of passing
 * entries. A faultline verdict is not a crash: the request finished, the checks ran, the worker's
 * state (catalogs, validators, request context, breaker) is as good as before. So when a test
 * fails with exactly its own verdict and nothing else, faultline tells Playwright's worker loop
 * that this failure needs no fresh process, by shadowing the internal `_isFailure()` on that one
 * test's TestInfo. The status stays `failed` (reporters, JUnit and the exit code see a failure:
 * they read `status`, never `_isFailure()`), and at the end of the test group Playwright still
 * retires the worker because the group had failures.
 *
 * Guarded three ways: the hook is installed only if `_isFailure` is a method of TestInfo with the
 * shape it had (checked once, otherwise a warning and Playwright's normal behaviour); the shadow
 * answers "no failure" only while the test's errors are exactly the verdict (a timeout, a fixture
 * teardown error or anything else added later gives Playwright's own answer); and the run's
 * worker watch (./worker-watch.ts) warns when Playwright restarted a worker after a verdict
 * anyway. FAULTLINE_KEEP_WORKER=0 turns it off.
 *
 * Only a verdict that left nothing behind keeps the worker: a request that timed out may still
 * have a live socket whose late error would land on the next test, so such a test lets
 * Playwright start a fresh worker as before (`transportTracker` below tracks this per test). An
 * answer that breaks the contract, a refused or broken connection, and an entry the breaker
 * skipped keep it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { TargetError } from '../target/errors.js';
import type { Sender } from '../target/sender.js';
import { runSettings } from '../run-settings.js';
import { loadEnv } from '../env.js';

/** The internal member this module relies on; see the module comment. */
interface InternalTestInfo { _isFailure?: unknown }

let warned = false;

/** Whether this Playwright exposes the member the hook needs, with the shape it had when written. */
export function keepWorkerSupported(testInfo: TestInfo): boolean {
  const fn = (testInfo as TestInfo & InternalTestInfo)._isFailure;
  return typeof fn === 'function' && fn.length === 0 && !Object.prototype.hasOwnProperty.call(testInfo, '_isFailure');
}

export function keepWorkerEnabled(env: Record<string, string | undefined> = loadEnv().vars): boolean {
  return runSettings(env).keepWorker;
}

/**
 * Called by a test just before it fails with its verdict (`message` is the failure message the
 * error carries). Returns whether the hook was installed.
 */
export function keepWorkerAfterVerdict(testInfo: TestInfo, message: string): boolean {
  if (!keepWorkerEnabled()) return false;
  if (!keepWorkerSupported(testInfo)) {
    if (!warned) {
      warned = true;
      process.stderr.write('faultline: this Playwright version has no TestInfo._isFailure(); each failing entry restarts its worker (correct, only slower). See README, Performance.\n');
    }
    return false;
  }
  const info = testInfo as TestInfo & { _isFailure: () => boolean };
  const original = info._isFailure;
  const firstLine = message.split('\n')[0]!;
  const onlyTheVerdict = (): boolean =>
    info.status === 'failed' && info.errors.length === 1 && (info.errors[0]?.message ?? '').includes(firstLine);
  Object.defineProperty(info, '_isFailure', {
    configurable: true,
    value: () => (onlyTheVerdict() ? false : original.call(info)),
  });
  markKept(testInfo.testId);
  return true;
}

/** Where the worker notes, for the runner's worker watch, the tests it asked to keep their worker. */
function keptMarker(testId: string): string | undefined {
  const dir = process.env.FAULTLINE_RUN_DIR;
  return dir ? join(dir, 'kept', testId.replace(/[^A-Za-z0-9_-]/g, '_')) : undefined;
}

function markKept(testId: string): void {
  const file = keptMarker(testId);
  if (!file) return;
  try { mkdirSync(join(file, '..'), { recursive: true }); writeFileSync(file, ''); } catch { /* the watch only loses a warning */ }
}

/** Whether the worker asked Playwright to keep its worker after this test (read by the runner). */
export function wasKept(testId: string): boolean {
  const file = keptMarker(testId);
  return file !== undefined && existsSync(file);
}

/**
 * Wraps the worker's sender to remember whether a request of the current test failed in a way
 * that may leave a connection behind: a timeout (the target may still be sending) or a failure
 * faultline cannot classify. A refused, reset or closed connection, a redirect loop and an answer
 * that is not HTTP are over when the error arrives. `reset()`, called at the start of every
 * test, forgets it.
 */
export function transportTracker(inner: Sender): { sender: Sender; leftNothingBehind: () => boolean } {
  let dirty = false;
  return {
    leftNothingBehind: () => !dirty,
    sender: {
      async reset() { dirty = false; await inner.reset?.(); },
      async send(req, redirects) {
        try { return await inner.send(req, redirects); } catch (err) {
          if (!(err instanceof TargetError) || /did not answer within/.test(err.cause_)) dirty = true;
          throw err;
        }
      },
    },
  };
}
