/**
 * faultline's JUnit XML: one `<testsuite>` per API (not per spec file: the spec files are
 * arbitrary buckets), one `<testcase>` per entry with `classname="<api>.<status>"` so CI
 * dashboards group by API and status, `file`/`line` pointing at the catalog entry, a `<failure>`
 * for a violation that fails the run, an `<error>` for an entry that could not be checked, and
 * `<skipped>` with the reason for unprovokable and not-configured entries. A SHOULD-only
 * violation passes (unless strict) and says so in `<system-out>`. Playwright's own JUnit
 * reporter can only group by file, hence this one; it reads what tests recorded, so it works
 * under merge-reports too.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { recordedResult } from './collect.js';

interface Case { api: string; status: string; name: string; id: string; file?: string; line?: number; ms: number; kind: 'pass' | 'failure' | 'error' | 'skipped'; message: string; text: string; out: string }

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
// Characters XML 1.0 cannot carry at all.
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(s: string): string {
  return s.replace(ANSI, '').replace(INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const tag = (t: TestCase, prefix: string): string | undefined => t.tags.find((x) => x.startsWith(prefix))?.slice(prefix.length);

export function caseOf(test: TestCase, result: TestResult): Case {
  const id = test.title.split(' ')[0]!;
  const api = tag(test, '@api:') ?? id.slice(0, id.indexOf('/'));
  const status = tag(test, '@status:') ?? 'other';
  const where = test.annotations.find((a) => a.type === 'catalog')?.description ?? '';
  const m = /^(.*):(\d+)$/.exec(where);
  const recorded = recordedResult([...result.annotations, ...test.annotations]);
  const error = (result.error?.message ?? '').replace(ANSI, '');
  const first = error.split('\n').find((l) => l.trim() && !l.startsWith('expect(')) ?? error.split('\n')[0] ?? '';
  const should = result.annotations.find((a) => a.type === 'should-violation')?.description ?? '';
  let kind: Case['kind'] = 'pass';
  if (result.status === 'skipped') kind = 'skipped';
  else if (result.status !== 'passed') kind = recorded?.outcome === 'violation' ? 'failure' : 'error';
  const skipReason = result.annotations.find((a) => a.type === 'skip')?.description ?? recorded?.reason ?? '';
  return {
    api, status, id, name: test.title, ms: result.duration, kind,
    ...(m ? { file: m[1]!, line: Number(m[2]) } : where ? { file: where } : {}),
    message: kind === 'skipped' ? skipReason : first.trim(),
    text: kind === 'failure' || kind === 'error' ? error : '',
    out: should ? `SHOULD-only violation (reported, not failing the run):\n${should}` : recorded?.outcome === 'known-deviation' || recorded?.outcome === 'unexpected-pass' ? `${recorded.outcome}: ${recorded.reason ?? ''}` : '',
  };
}

export function junitXml(cases: Case[], seconds: number): string {
  const byApi = new Map<string, Case[]>();
  for (const c of cases) byApi.set(c.api, [...(byApi.get(c.api) ?? []), c]);
  const count = (cs: Case[], k: Case['kind']): number => cs.filter((c) => c.kind === k).length;
  const attrs = (cs: Case[]): string => `tests="${cs.length}" failures="${count(cs, 'failure')}" errors="${count(cs, 'error')}" skipped="${count(cs, 'skipped')}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="faultline conformance" ${attrs(cases)} time="${seconds.toFixed(3)}">`];
  for (const [api, cs] of [...byApi].sort(([a], [b]) => a.localeCompare(b))) {
    const time = cs.reduce((t, c) => t + c.ms, 0) / 1000;
    lines.push(`  <testsuite name="${xmlEscape(api)}" ${attrs(cs)} time="${time.toFixed(3)}">`);
    for (const c of cs) {
      const loc = `${c.file ? ` file="${xmlEscape(c.file)}"` : ''}${c.line ? ` line="${c.line}"` : ''}`;
      lines.push(`    <testcase name="${xmlEscape(c.name)}" classname="${xmlEscape(`${c.api}.${c.status}`)}"${loc} time="${(c.ms / 1000).toFixed(3)}">`);
      if (c.kind === 'failure') lines.push(`      <failure type="violation" message="${xmlEscape(c.message)}">${xmlEscape(c.text)}</failure>`);
      if (c.kind === 'error') lines.push(`      <error type="error" message="${xmlEscape(c.message)}">${xmlEscape(c.text)}</error>`);
      if (c.kind === 'skipped') lines.push(`      <skipped message="${xmlEscape(c.message)}"/>`);
      if (c.out) lines.push(`      <system-out>${xmlEscape(c.out)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

export default class JUnitReporter implements Reporter {
  private readonly outputFile: string;
  private readonly listing: boolean;
  private readonly cases = new Map<string, Case>();

  constructor(options: { outputFile?: string; _mode?: string } = {}) {
    this.outputFile = resolve(options.outputFile ?? 'reports/junit.xml');
    this.listing = options._mode === 'list';
  }

  printsToStdio(): boolean { return false; }

  onTestEnd(test: TestCase, result: TestResult): void {
    // With retries the last attempt wins, as in Playwright's own verdict.
    this.cases.set(test.id, caseOf(test, result));
  }

  onEnd(result: FullResult): void {
    if (this.listing) return;
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile + '.tmp', junitXml([...this.cases.values()], result.duration / 1000));
    renameSync(this.outputFile + '.tmp', this.outputFile);
  }
}
