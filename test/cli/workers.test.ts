/**
 * The worker count: automatic by the size of the catalogs a run uses (one worker up to the
 * measured crossover, two above), FAULTLINE_WORKERS or `--workers` when given.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { automaticWorkers, ONE_WORKER_UP_TO } from '../../src/cli/playwright-config.js';
import { loadCatalogs } from '../../src/load.js';
import { DEFINITIONS } from '../../src/settings.js';
import { runFaultline } from '../support/faultline-cli.js';

/** The worker count Playwright's runner resolved, from a listing's JSON report. */
function resolvedWorkers(args: string[], env: Record<string, string> = {}): number {
  const r = runFaultline(['run', '--list', '--reporter=json', ...args], env);
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { config: { workers: number } }).config.workers;
}

describe('the worker count', () => {
  test('one worker up to the crossover, two above it; the setting says where the crossover is', () => {
    assert.equal(automaticWorkers(1), 1);
    assert.equal(automaticWorkers(ONE_WORKER_UP_TO), 1);
    assert.equal(automaticWorkers(ONE_WORKER_UP_TO + 1), 2);
    assert.match(DEFINITIONS.workers.default, new RegExp(`\\b${ONE_WORKER_UP_TO} entries\\b`));
  });

  test('unset, it follows the catalogs\' size; FAULTLINE_WORKERS and --workers win', () => {
    const entries = loadCatalogs().reduce((n, c) => n + c.entries.length, 0);
    assert.equal(resolvedWorkers([]), automaticWorkers(entries));
    assert.equal(resolvedWorkers([], { FAULTLINE_WORKERS: '3' }), 3);
    assert.equal(resolvedWorkers(['--workers=3']), 3);
  });
});
