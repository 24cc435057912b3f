/**
 * Worker-scoped state: catalogs parsed once, validators compiled once per entry, one
 * APIRequestContext (and connection pool) for the tests' own requests and one per pipeline lane
 * (./pipeline.ts), made as first needed. Nothing is set up per test.
 */
import { test as base, request as pwRequest, type APIRequestContext } from '@playwright/test';
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
import { executeEntry } from './execute.js';
import { AheadGate, Pipeline } from './pipeline.js';
import { readPlan } from './plan.js';
import { entryTitle } from './title.js';

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
  /** entries sent ahead of their tests (./pipeline.ts); absent without a plan or with FAULTLINE_PIPELINE=1 */
  pipeline?: Pipeline<Executed>;
  /** a new `{{unique}}` value */
  unique: () => string;
}

/** What a test takes from the pipeline: the entry's run, as executeEntry returned it. */
export type Executed = Awaited<ReturnType<typeof executeEntry>>;

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
  faultline: [async ({}, use, workerInfo) => {
    const env = loadEnv();
    const catalogs = loadSuiteCatalogs();
    const secrets = catalogs.flatMap((c) => secretVariables(c).map((v) => env.vars[v] ?? '')).filter(Boolean);
    const { settings: run } = env;
    const timeout = run.requestTimeoutMs;
    // one APIRequestContext (a connection pool and a cookie jar) per sender: the tests' own, and one per pipeline lane
    const contexts: APIRequestContext[] = [];
    const settings = runSettings(env.vars);
    const runDir = run.runDir;
    // FAULTLINE_SENDER=stream: bounded reads for targets that may not be trusted with memory.
    const newSender = async (): Promise<Sender> => {
      if (run.sender === 'stream') return streamSender(timeout);
      const ctx = await pwRequest.newContext({ timeout });
      contexts.push(ctx);
      return playwrightSender(ctx, timeout, { plainStacks: lean });
    };
    // Run-wide request rate and concurrency per base URL (shared through the run's scratch folder).
    const throttle = runDir && (settings.rateIntervalMs > 0 || settings.concurrency !== undefined)
      ? new Throttle({ dir: `${runDir}/throttle`, intervalMs: settings.rateIntervalMs, ...(settings.concurrency ? { concurrency: settings.concurrency } : {}) })
      : undefined;
    const bases = catalogs.map((c) => env.vars[c.baseUrlVar] ?? '');
    const keyOf = baseKeyOf(bases);
    // what each base URL has answered lately decides whether requests may go ahead to it (./pipeline.ts)
    const gate = new AheadGate(keyOf);
    const polite = (s: Sender): Sender => gate.watch(throttle ? throttledSender(s, throttle, keyOf) : s);
    const tracked = transportTracker(polite(await newSender()));
    let n = 0;
    const unique = (): string => `fl-${workerInfo.workerIndex}-${(n++).toString(36)}-${Date.now().toString(36).slice(-5)}`;
    const state: WorkerState = {
      env: env.vars,
      envName: env.name,
      allowDestructive: env.allowDestructive,
      catalogs,
      validators: new Validators(catalogs),
      redactor: new Redactor(env.vars, secrets),
      sender: tracked.sender,
      expectations: loadExpectations(env.name, new Set(catalogs.flatMap((c) => c.entries.map((e) => e.id)))),
      breaker: new Breaker(runDir ? `${runDir}/breaker` : undefined, run.breakerThreshold),
      retryAfterMaxMs: settings.retryAfterMaxMs,
      leftNothingBehind: tracked.leftNothingBehind,
      unique,
    };
    const plan = run.pipeline > 1 ? readPlan(runDir) : undefined;
    if (plan) {
      const byTitle = new Map(catalogs.flatMap((c) => c.entries.map((e) => [entryTitle(e), { c, e }] as const)));
      state.pipeline = new Pipeline<Executed>({
        plan,
        depth: run.pipeline,
        entryOf: (title) => byTitle.get(title),
        newLane: async () => polite(await newSender()),
        run: (c, e, sender) => executeEntry(c, e, { ...state, sender, unique: unique() }),
        mayGoAhead: (c) => gate.open(env.vars[c.baseUrlVar] ?? ''),
      });
    }
    await use(state);
    await state.pipeline?.settle();
    for (const ctx of contexts) await ctx.dispose();
  }, { scope: 'worker' }],
});
