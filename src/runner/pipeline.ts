/**
 * Requests in flight ahead of the test that judges them, within one worker.
 *
 * A worker runs its tests one after another, so with one request at a time it waits on the target
 * for every entry: on a quiet machine a worker spent 30% of its life idle, and against a staging
 * 50 ms away 10,000 entries on 2 workers would wait 250 s. The pipeline sends the next entries of
 * the worker's own test group while the current test runs, up to FAULTLINE_PIPELINE entries
 * started and not yet judged, and each test then takes its entry's finished run instead of
 * sending it. One Playwright test per entry stays, with its own verdict, attachments and
 * keep-worker decision; only the moment the request leaves changes.
 *
 * What may be sent ahead, and when:
 * - only tests in the run's plan (./plan.ts), in the group the current test belongs to, after it,
 *   in the order the worker will run them: an entry the selection left out is never sent, and a
 *   worker without a plan, or running a retry, sends nothing ahead;
 * - only stateless entries (see `sendsAhead`): one request per cause, no setup, no teardown, no
 *   repeat or polling, not destructive. Such an entry's answer does not depend on what else is in
 *   flight, and it leaves nothing on the target for another entry to meet;
 * - never past an entry that is not stateless: the pipeline stops there, that entry's test runs
 *   with nothing else of its worker in flight (as every test did before), and the pipeline starts
 *   again with the test after it.
 *
 * Nothing is sent ahead to a target that has not answered yet, or whose last request failed in
 * transport or answered a body larger than faultline keeps (`AheadGate`).
 *
 * Each entry sent ahead gets a lane: a sender of its own (for the default sender an
 * APIRequestContext of its own, so a Set-Cookie answered to one entry never rides on another's
 * request), cleared before each use, with its own record of whether a request timed out or broke
 * mid-way (keep-worker.ts lets the worker go after such an entry). The run-wide rate limit, the
 * concurrency cap and the circuit breaker see every request as before: lanes send through them.
 * A run stopped early (`--max-failures`, a crash) may have sent up to FAULTLINE_PIPELINE entries
 * whose tests never ran; a test started again in a new worker sends its request again.
 */
import type { Entry, LoadedCatalog } from '../catalog/types.js';
import type { Sender } from '../target/sender.js';
import type { PlanIndex } from './plan.js';
import { transportTracker } from './keep-worker.js';

/** Whether an entry's run may be started before its test: it is stateless (see the module comment). */
export function sendsAhead(e: Entry): boolean {
  if (e.destructive) return false;
  return e.recipes.every((r) => !r.setup?.length && !r.teardown?.length && !r.repeat && !r.poll);
}

/** One entry's finished run and whether its requests left nothing behind (for keep-worker.ts). */
export interface Ahead<R> {
  result: R;
  leftNothingBehind: boolean;
}

export interface PipelineOptions<R> {
  plan: PlanIndex;
  /** the entry a planned test title belongs to, if it is one of this worker's catalogs */
  entryOf: (title: string) => { c: LoadedCatalog; e: Entry } | undefined;
  /** most entries started and not yet taken by their test */
  depth: number;
  /** a new lane's sender (called about `depth` times: once per entry in flight at the same time) */
  newLane: () => Promise<Sender>;
  /** runs one entry with the given sender (the same code a test runs) */
  run: (c: LoadedCatalog, e: Entry, sender: Sender) => Promise<R>;
  /** whether an entry of this catalog may be sent ahead now (see `AheadGate`); default always */
  mayGoAhead?: (c: LoadedCatalog) => boolean;
}

/**
 * Which base URLs requests may be sent ahead to, from what this worker has seen of them: only one
 * whose last answer arrived, and was no larger than what faultline keeps of a body (1 MiB). So a
 * target is first met one request at a time, as before: one that does not answer, refuses or
 * breaks a connection gets no more requests than the circuit breaker lets through, and one that
 * answers huge bodies never has several of them in one worker's memory at once. Any transport
 * failure or oversized answer stops sending ahead to that base URL until it answers normally again.
 */
export class AheadGate {
  private readonly ok = new Set<string>();
  constructor(private readonly keyOf: (url: string) => string) {}

  /** The base URL a URL belongs to; undefined for one that is empty or not a URL (its own send reports that). */
  private key(url: string): string | undefined {
    try { return url ? this.keyOf(url) : undefined; } catch { return undefined; }
  }

  /** A sender that reports every answer and transport failure to the gate. */
  watch(inner: Sender): Sender {
    return {
      ...(inner.reset ? { reset: () => inner.reset!() } : {}),
      send: async (req, redirects) => {
        const key = this.key(req.url);
        try {
          const x = await inner.send(req, redirects);
          if (key !== undefined) { if (x.truncated) this.ok.delete(key); else this.ok.add(key); }
          return x;
        } catch (err) {
          if (key !== undefined) this.ok.delete(key);
          throw err;
        }
      },
    };
  }

  open(base: string): boolean {
    const key = this.key(base);
    return key !== undefined && this.ok.has(key);
  }
}

export class Pipeline<R> {
  private readonly started = new Map<string, Promise<Ahead<R>>>();
  private readonly free: Sender[] = [];
  /** the group being run and the first of its tests not yet started or passed */
  private group = -1;
  private frontier = 0;
  /** entries sent ahead and taken by their tests */
  taken = 0;

  constructor(private readonly opts: PipelineOptions<R>) {}

  /**
   * Called as a test starts. Returns the entry's run when it was sent ahead (the test judges that
   * instead of sending); undefined when the test sends its request itself. Before returning it
   * starts the entries after this one that may go ahead.
   */
  async take(testId: string, retry: number): Promise<Ahead<R> | undefined> {
    const at = this.opts.plan.at.get(testId);
    const mine = this.started.get(testId);
    this.started.delete(testId);
    if (!at || retry > 0) {
      // not planned, or a retry in a group of its own: nothing is sent ahead around it
      await this.settle();
      this.group = -1;
      return mine;
    }
    if (at.group !== this.group) {
      // a new group: whatever the last one left unstarted is not this worker's any more
      await this.settle();
      this.started.clear();
      this.group = at.group;
      this.frontier = at.index + 1;
    } else {
      this.frontier = Math.max(this.frontier, at.index + 1);
    }
    const current = this.opts.entryOf(this.opts.plan.groups[at.group]![at.index]![1]);
    if (!current || !sendsAhead(current.e)) {
      // a stateful entry runs with nothing else of this worker in flight
      await this.settle();
      return mine;
    }
    this.fill();
    if (!mine) return undefined;
    this.taken++;
    return mine;
  }

  /** Starts the next stateless entries of the group, up to the depth. */
  private fill(): void {
    const tests = this.opts.plan.groups[this.group] ?? [];
    while (this.started.size < this.opts.depth && this.frontier < tests.length) {
      const [id, title] = tests[this.frontier]!;
      const found = this.opts.entryOf(title);
      if (!found || !sendsAhead(found.e)) return; // the pipeline stops before it
      if (this.opts.mayGoAhead && !this.opts.mayGoAhead(found.c)) return; // and waits for its target to answer
      this.frontier++;
      const run = this.runOnLane(found.c, found.e);
      run.catch(() => undefined); // taken (and thrown) by its test; never an unhandled rejection
      this.started.set(id, run);
    }
  }

  private async runOnLane(c: LoadedCatalog, e: Entry): Promise<Ahead<R>> {
    const lane = await this.lane();
    try {
      const tracked = transportTracker(lane);
      await tracked.sender.reset?.(); // the lane's cookies and its timeout record start empty
      const result = await this.opts.run(c, e, tracked.sender);
      return { result, leftNothingBehind: tracked.leftNothingBehind() };
    } finally {
      this.free.push(lane);
    }
  }

  private async lane(): Promise<Sender> {
    return this.free.pop() ?? this.opts.newLane();
  }

  /** Waits until nothing sent ahead is in flight (their results stay for their tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.started.values()]);
  }

  /** Entries started and not taken yet. */
  get inFlight(): number { return this.started.size; }
}
