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
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';
import type { Suite, TestCase } from '@playwright/test/reporter';
import { AllureReporter } from 'allure-playwright';
import { BASIS_KINDS } from '../catalog/basis.js';
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

export default class FaultlineAllureReporter extends AllureReporter {
  private readonly resultsDir: string | undefined;
  private readonly listing: boolean;

  constructor(options: Options) {
    super(options);
    this.resultsDir = options?.resultsDir;
    this.listing = options?._mode === 'list';
  }

  override onConfigure(config: FullConfig): void {
    if (config.projects.length) super.onConfigure(config);
    else this.config = config;
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
    const view = Object.create(test, { annotations: { value: [...test.annotations, ...allureLabels(test)] } }) as TestCase;
    super.onTestBegin(view);
  }
}
