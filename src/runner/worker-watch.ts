/**
 * A runner-side reporter that checks the keep-worker hook (./keep-worker.ts) did its job: when
 * a group moves to a new worker right after one of its tests failed with a verdict and asked to
 * keep its worker, Playwright restarted the worker anyway (a Playwright version whose internals changed): the results are still right,
 * but a red run costs a worker start-up per failure again, so the run ends with a warning
 * saying so. Prints nothing otherwise.
 */
import type { Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { keepWorkerEnabled, wasKept } from './keep-worker.js';
import { testGroup } from './plan.js';

/** A test that failed with its verdict and asked to keep its worker (noted in the run folder). */
function keptAfterVerdict(test: TestCase, result: TestResult): boolean {
  return result.status === 'failed' && wasKept(test.id);
}

export default class WorkerWatch implements Reporter {
  /** per test group (the same groups the run's plan has, ./plan.ts): its last test's worker and verdict */
  private readonly last = new Map<Suite, { worker: number; verdict: boolean }>();
  restartsAfterVerdict = 0;

  printsToStdio(): boolean { return false; }

  onTestBegin(test: TestCase, result: TestResult): void {
    const prev = this.last.get(testGroup(test));
    if (prev && prev.verdict && prev.worker !== result.workerIndex) this.restartsAfterVerdict++;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.last.set(testGroup(test), { worker: result.workerIndex, verdict: keptAfterVerdict(test, result) });
  }

  onEnd(): void {
    if (!this.restartsAfterVerdict || !keepWorkerEnabled()) return;
    process.stderr.write(
      `faultline: warning: Playwright restarted a worker after ${this.restartsAfterVerdict} failing entr${this.restartsAfterVerdict === 1 ? 'y' : 'ies'} ` +
      'although faultline asked it to keep the worker (its internal TestInfo._isFailure() no longer decides this). ' +
      'The results are right; a failing run only costs a worker start-up per failure again. See README, Performance.\n',
    );
  }
}
