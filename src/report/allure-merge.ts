/**
 * faultline's Allure reporter: allure-playwright with three changes.
 * - Each run starts with an empty results folder: results of earlier runs never mix into this
 *   one (Allure would show them as retries and duplicates). History across runs is carried on
 *   purpose, by `npm run report:allure` (reports/allure-history.jsonl), not by stale results.
 * - Its Allure labels (epic = API, feature = status class, story = entry id, severity from the
 *   strength, basis = what the recipe rests on) come from the test's tags here, so the tests carry no `allure.label.*`
 *   annotations that the Playwright report would show to people.
 * - Its per-test files are written without an fsync each (src/report/allure-writer.ts).
 * - Under merge-reports its onConfigure would read `config.projects[0]`, which is empty there, and
 *   throw; the two fields it takes from it only locate screenshot diffs, which API tests never have.
 * - It names and identifies each result by the test's catalog location relative to the project's
 *   testDir and the config's rootDir; a run from the build (bin/build.js) has both in the build's
 *   folder. It is shown the sources' specs/ folder instead, so a result's full name, test case id
 *   and history id are the same whether the run loaded the built or the TypeScript specs, and do
 *   not change with the build.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import type { Suite, TestCase } from '@playwright/test/reporter';
import { AllureReporter } from 'allure-playwright';
import { BASIS_KINDS } from '../catalog/basis.js';

/** The sources' spec folder: the testDir of a run from TypeScript. */
const SPECS = fileURLToPath(new URL('../../specs', import.meta.url));
import { UnsyncedAllureWriter } from './allure-writer.js';

type Options = ConstructorParameters<typeof AllureReporter>[0] & { _mode?: string };

/** The Allure label annotations of a test, derived from its faultline tags and title. */
export function allureLabels(test: Pick<TestCase, 'tags' | 'title'>): { type: string; description: string }[] {
  const tag = (prefix: string): string | undefined => test.tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
  const status = tag('@status:');
  const labels = [
    { type: 'allure.label.story', description: test.title.split(' ')[0]! },
    { type: 'allure.label.severity', description: test.tags.includes('@must') ? 'critical' : 'normal' },
  ];
  const api = tag('@api:');
  if (api) labels.unshift({ type: 'allure.label.epic', description: api });
  if (status) labels.splice(api ? 1 : 0, 0, { type: 'allure.label.feature', description: /^\d{3}$/.test(status) ? `${status[0]}xx` : status });
  // what the recipe rests on (its @documented / @inferred / @assumed tag), as a label of its own
  const basis = BASIS_KINDS.find((k) => test.tags.includes(`@${k}`));
  if (basis) labels.push({ type: 'allure.label.basis', description: basis });
  return labels;
}

/** A view of a test's suite whose project has the sources' specs/ as its testDir (see above). */
export function fromSources(parent: Suite): Suite {
  const project = parent.project();
  if (!project) return parent;
  const view = { ...project, testDir: SPECS };
  return Object.create(parent, { project: { value: () => view } }) as Suite;
}

export default class FaultlineAllureReporter extends AllureReporter {
  private readonly resultsDir: string | undefined;
  private readonly listing: boolean;

  constructor(options: Options) {
    super(options);
    this.resultsDir = options?.resultsDir;
    this.listing = options?._mode === 'list';
  }

  override onConfigure(config: FullConfig): void {
    const rooted = { ...config, rootDir: SPECS };
    if (config.projects.length) super.onConfigure(rooted);
    else this.config = rooted;
  }

  override onBegin(suite: Suite): void {
    if (this.resultsDir && !this.listing) {
      rmSync(resolve(this.resultsDir), { recursive: true, force: true });
      mkdirSync(resolve(this.resultsDir), { recursive: true });
    }
    super.onBegin(suite);
    // per-test files without an fsync each (src/report/allure-writer.ts)
    const runtime = (this as unknown as { allureRuntime?: { writer: unknown } }).allureRuntime;
    if (runtime && !process.env.ALLURE_TEST_MODE) runtime.writer = new UnsyncedAllureWriter({ resultsDir: this.resultsDir ?? './allure-results' });
  }

  override onTestBegin(test: TestCase): void {
    // A view of the test with the labels added; the test itself (what other reporters see) is unchanged.
    const view = Object.create(test, { annotations: { value: [...test.annotations, ...allureLabels(test)] }, parent: { value: fromSources(test.parent) } }) as TestCase;
    super.onTestBegin(view);
  }
}
