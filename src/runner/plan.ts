/**
 * The run's plan: which tests the runner selected, in the order each test group runs them.
 *
 * A worker may send an entry's request before that entry's test starts (./pipeline.ts), but only
 * for a test the runner will hand to that same worker next: never an entry that `--grep`,
 * `--shard`, `--last-failed`, `--project` or `test.only` left out, nor one of another group.
 * Only the runner knows the selection, so this runner-side reporter writes it into the run's
 * scratch folder (FAULTLINE_RUN_DIR) in `onBegin`, which Playwright calls after filtering and
 * before it starts any worker. A worker that finds no plan sends each request in its own test,
 * as before.
 *
 * A group is what Playwright schedules on one worker, in order: a spec file of one project and
 * one repeat, or, in a parallel file (the sharded layout of src/runner/define.ts), one of its
 * top-level describe blocks.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase } from '@playwright/test/reporter';

/** One group's tests in run order: [test id, test title]. */
export type PlannedGroup = [string, string][];

export interface Plan {
  groups: PlannedGroup[];
}

export const PLAN_FILE = 'plan.json';

/** The suite whose tests one worker runs in a row (see the module comment); also the worker watch's group. */
export function testGroup(test: TestCase): Suite {
  let s: Suite = test.parent;
  while (s.type !== 'file' && s.parent && s.parent.type !== 'file') s = s.parent;
  // `s` is the file suite or one of its top-level describes; only the sharded layout's are untitled
  if (s.type === 'describe' && s.title === '') return s;
  return s.type === 'file' || !s.parent ? s : s.parent;
}

/** The selected tests grouped as the runner will schedule them, each group in run order. */
export function planOf(suite: Suite): Plan {
  // a group per suite and repeat (a repeat of a file is scheduled as a group of its own)
  const groups = new Map<Suite, Map<number, PlannedGroup>>();
  const all: PlannedGroup[] = [];
  for (const t of suite.allTests()) {
    const g = testGroup(t);
    const repeats = groups.get(g) ?? groups.set(g, new Map()).get(g)!;
    let tests = repeats.get(t.repeatEachIndex);
    if (!tests) { repeats.set(t.repeatEachIndex, (tests = [])); all.push(tests); }
    tests.push([t.id, t.title]);
  }
  return { groups: all };
}

export function writePlan(dir: string, plan: Plan): void {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${PLAN_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(plan));
  renameSync(tmp, join(dir, PLAN_FILE)); // a worker reads a whole plan or none
}

/** Where each planned test is: its group and its place in it. */
export interface PlanIndex {
  groups: PlannedGroup[];
  at: Map<string, { group: number; index: number }>;
}

/** The run's plan as written by the runner, or undefined (no run folder, no plan, unreadable). */
export function readPlan(dir: string | undefined): PlanIndex | undefined {
  if (!dir) return undefined;
  let plan: Plan;
  try { plan = JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as Plan; } catch { return undefined; }
  if (!Array.isArray(plan.groups)) return undefined;
  const at = new Map<string, { group: number; index: number }>();
  plan.groups.forEach((g, group) => g.forEach(([id], index) => at.set(id, { group, index })));
  return { groups: plan.groups, at };
}

/** The runner-side reporter that writes the plan (listed in the config by src/cli/playwright-config.ts). */
export default class PlanWriter implements Reporter {
  /** Playwright's reporter mode: only a run (`test`) has workers; `--list` and a merge run none, and no teardown removes their folder */
  private readonly mode: string;

  constructor(options: { _mode?: string } = {}) {
    this.mode = options._mode ?? 'test';
  }

  printsToStdio(): boolean { return false; }

  onBegin(_config: FullConfig, suite: Suite): void {
    const dir = process.env.FAULTLINE_RUN_DIR;
    if (!dir || this.mode !== 'test') return;
    try { writePlan(dir, planOf(suite)); } catch (err) {
      // without a plan every request is sent in its own test: slower, never wrong
      process.stderr.write(`faultline: could not write the run's plan to ${dir} (${(err as Error).message}); requests are sent one at a time per worker\n`);
    }
  }
}
