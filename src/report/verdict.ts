/**
 * The verdict of a run, decided once from the entries' outcomes and the run's settings, and used
 * alike by a live run (the conformance reporter turns it into Playwright's exit status), a merge
 * of sharded blobs (`faultline report merge` exits with it) and every report that shows it.
 *
 * A run fails on:
 * - an error (the entry could not be checked);
 * - an unexpected violation of a MUST requirement; a SHOULD-only violation is reported and counted
 *   apart, and fails the run only with `--strict` (FAULTLINE_STRICT=true), as h2spec and Autobahn do;
 * - a not-configured entry the environment does not allow to be skipped (FAULTLINE_ALLOW_NOT_CONFIGURED:
 *   entry ids and `<api>/*` patterns, a largest number, or `all`). An entry skipped because it is
 *   destructive and FAULTLINE_ALLOW_DESTRUCTIVE is not `true` was skipped on purpose and does not count;
 * - an error outside any test (a worker that crashed, a broken configuration);
 * - an interrupted run.
 * A partial run (a selection, a shard) is judged on what it ran, and says that it covers only part.
 */
import type { ReportOutcome } from './collect.js';

export interface VerdictSettings {
  strict: boolean;
  allowNotConfigured: AllowNotConfigured;
}

/** Which not-configured entries a run may skip. */
export type AllowNotConfigured = { kind: 'none' } | { kind: 'all' } | { kind: 'count'; max: number } | { kind: 'ids'; patterns: string[] };

export interface VerdictEntry { id: string; outcome: ReportOutcome; destructiveSkip?: boolean }

export interface Verdict {
  /** `passed` only when nothing below fails the run */
  result: 'passed' | 'failed' | 'interrupted';
  strict: boolean;
  /** why the run fails, one line each (empty when it passes) */
  reasons: string[];
  /** not-configured entries that the environment allowed to be skipped */
  allowedNotConfigured: number;
}

export class SettingsError extends Error {}

/** FAULTLINE_ALLOW_NOT_CONFIGURED: unset/`none`, `all`, a whole number, or a comma-separated list of ids and `<api>/*`. */
export function parseAllowNotConfigured(raw: string | undefined, knownIds: ReadonlySet<string>): AllowNotConfigured {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'none') return { kind: 'none' };
  if (value === 'all') return { kind: 'all' };
  if (/^\d+$/.test(value)) return { kind: 'count', max: Number(value) };
  const patterns = value.split(',').map((s) => s.trim()).filter(Boolean);
  const apis = new Set([...knownIds].map((id) => id.slice(0, id.indexOf('/'))));
  const unknown = patterns.filter((p) => (p.endsWith('/*') ? !apis.has(p.slice(0, -2)) : !knownIds.has(p)));
  if (unknown.length) {
    throw new SettingsError(`FAULTLINE_ALLOW_NOT_CONFIGURED: ${unknown.join(', ')}: no such entry or API (accepts none, all, a whole number, or entry ids and <api>/* separated by commas)`);
  }
  return { kind: 'ids', patterns };
}

export function parseStrict(raw: string | undefined): boolean {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new SettingsError(`FAULTLINE_STRICT=${JSON.stringify(raw)}: must be true or false`);
}

function allowed(rule: AllowNotConfigured, id: string): boolean {
  if (rule.kind === 'all') return true;
  if (rule.kind !== 'ids') return false;
  return rule.patterns.some((p) => (p.endsWith('/*') ? id.startsWith(p.slice(0, -1)) : p === id));
}

const list = (ids: string[]): string => (ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', '));

export function decideVerdict(entries: VerdictEntry[], settings: VerdictSettings, run: { interrupted?: boolean; globalErrors?: number } = {}): Verdict {
  const reasons: string[] = [];
  const of = (o: ReportOutcome): string[] => entries.filter((e) => e.outcome === o).map((e) => e.id);
  const errors = of('error');
  const must = of('violation');
  const should = of('should-violation');
  if (errors.length) reasons.push(`${errors.length} error${errors.length === 1 ? '' : 's'} (could not be checked): ${list(errors)}`);
  if (must.length) reasons.push(`${must.length} MUST violation${must.length === 1 ? '' : 's'}: ${list(must)}`);
  if (should.length && settings.strict) reasons.push(`${should.length} SHOULD violation${should.length === 1 ? '' : 's'} (--strict): ${list(should)}`);

  const skipped = entries.filter((e) => e.outcome === 'not-configured' && !e.destructiveSkip);
  const rule = settings.allowNotConfigured;
  const refused = rule.kind === 'count' ? (skipped.length > rule.max ? skipped : []) : skipped.filter((e) => !allowed(rule, e.id));
  if (refused.length) {
    const how = rule.kind === 'count' ? `more than the ${rule.max} FAULTLINE_ALLOW_NOT_CONFIGURED allows` : 'not allowed by FAULTLINE_ALLOW_NOT_CONFIGURED';
    reasons.push(`${refused.length} not-configured entr${refused.length === 1 ? 'y' : 'ies'} (${how}; set the missing variables or allow them): ${list(refused.map((e) => e.id))}`);
  }
  if (run.globalErrors) reasons.push(`${run.globalErrors} error${run.globalErrors === 1 ? '' : 's'} outside any test (see the console)`);
  if (run.interrupted) reasons.unshift('the run was interrupted before every selected entry finished');
  return {
    result: run.interrupted ? 'interrupted' : reasons.length ? 'failed' : 'passed',
    strict: settings.strict,
    reasons,
    allowedNotConfigured: skipped.length - refused.length,
  };
}
