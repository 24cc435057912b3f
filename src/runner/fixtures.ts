/**
 * Worker-scoped state: catalogs parsed once, validators compiled once per entry, one
 * APIRequestContext (and connection pool) per worker. Nothing is set up per test.
 */
import { test as base, request as pwRequest } from '@playwright/test';
import type { LoadedCatalog } from '../catalog/types.js';
import { loadEnv } from '../env.js';
import { Validators } from '../schema/compile.js';
import { secretVariables } from '../recipes/requirements.js';
import { Redactor } from '../target/redact.js';
import { Breaker } from '../target/breaker.js';
import { playwrightSender, type Sender } from '../target/sender.js';
import { streamSender } from '../target/stream-sender.js';
import { loadSuiteCatalogs } from './suite.js';
import { loadExpectations, type Expectation } from './expectations.js';
import { runSettings } from '../run-settings.js';
import { baseKeyOf, Throttle, throttledSender } from './throttle.js';
import { transportTracker } from './keep-worker.js';

export interface WorkerState {
  env: Record<string, string | undefined>;
  envName: string;
  allowDestructive: boolean;
  catalogs: LoadedCatalog[];
  validators: Validators;
  redactor: Redactor;
  sender: Sender;
  expectations: Map<string, Expectation>;
  breaker: Breaker;
  /** longest wait on a setup/teardown step's Retry-After, ms */
  retryAfterMaxMs: number;
  /** false when a request of the current test timed out or broke mid-way (see keep-worker.ts) */
  leftNothingBehind: () => boolean;
}

/*
 * Playwright's two per-test auto fixtures exist for browser contexts and tracing: "trace
 * recording" turns every API call into a report step (capturing and source-mapping a 50-frame
 * stack each time) and "context configuration" sets browser timeouts. An API-only suite with
 * tracing off needs neither; replacing them with no-ops removes about a third of the per-test
 * cost (see README, Performance) and keeps request URLs out of the step log.
 * FAULTLINE_PLAYWRIGHT_STEPS=1 keeps Playwright's own fixtures (for debugging with traces).
 */
const lean = !loadEnv().settings.playwrightSteps;
const noop = async ({}, use: () => Promise<void>): Promise<void> => { await use(); };
const leanFixtures = lean
  ? {
      _setupArtifacts: [noop, { auto: 'all-hooks-included', box: true, timeout: 0 }],
      _setupContextOptions: [noop, { auto: 'all-hooks-included', box: true }],
    }
  : {};

export const test = base.extend<object, { faultline: WorkerState }>({
  // The override keys are Playwright internals, so they are not in its public fixture types.
  ...(leanFixtures as object),
  faultline: [async ({}, use) => {
    const env = loadEnv();
    const catalogs = loadSuiteCatalogs();
    const secrets = catalogs.flatMap((c) => secretVariables(c).map((v) => env.vars[v] ?? '')).filter(Boolean);
    const { settings: run } = env;
    const timeout = run.requestTimeoutMs;
    const ctx = await pwRequest.newContext({ timeout });
    const settings = runSettings(env.vars);
    const runDir = run.runDir;
    const sender = run.sender === 'stream' ? streamSender(timeout) : playwrightSender(ctx, timeout, { plainStacks: lean });
    // Run-wide request rate and concurrency per base URL (shared through the run's scratch folder).
    const throttle = runDir && (settings.rateIntervalMs > 0 || settings.concurrency !== undefined)
      ? new Throttle({ dir: `${runDir}/throttle`, intervalMs: settings.rateIntervalMs, ...(settings.concurrency ? { concurrency: settings.concurrency } : {}) })
      : undefined;
    const bases = catalogs.map((c) => env.vars[c.baseUrlVar] ?? '');
    const tracked = transportTracker(throttle ? throttledSender(sender, throttle, baseKeyOf(bases)) : sender);
    await use({
      env: env.vars,
      envName: env.name,
      allowDestructive: env.allowDestructive,
      catalogs,
      validators: new Validators(catalogs),
      redactor: new Redactor(env.vars, secrets),
      // FAULTLINE_SENDER=stream: bounded reads for targets that may not be trusted with memory.
      sender: tracked.sender,
      expectations: loadExpectations(env.name, new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id)))),
      breaker: new Breaker(runDir ? `${runDir}/breaker` : undefined, run.breakerThreshold),
      retryAfterMaxMs: settings.retryAfterMaxMs,
      leftNothingBehind: tracked.leftNothingBehind,
    });
    await ctx.dispose();
  }, { scope: 'worker' }],
});
