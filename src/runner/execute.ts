/**
 * Runs one catalog entry against the target and decides its outcome. Pure orchestration: the
 * recipe runner sends, the checks judge, this module classifies and redacts.
 */
import type { Entry, LoadedCatalog } from '../catalog/types.js';
import { runChecks } from '../checks/index.js';
import type { Violation } from '../checks/types.js';
import type { Exchange } from '../target/exchange.js';
import type { Validators } from '../schema/compile.js';
import { runRecipe, SetupError } from '../recipes/run.js';
import { missingVariables } from '../recipes/requirements.js';
import { TargetError } from '../target/errors.js';
import type { Redactor } from '../target/redact.js';
import { curlCommand } from '../target/reproduce.js';
import type { Sender } from '../target/sender.js';
import { preview } from '../checks/schema-errors.js';
import type { Expectation } from './expectations.js';
import type { Breaker } from '../target/breaker.js';
import type { EntryResult } from './result.js';

export interface RunContext {
  env: Record<string, string | undefined>;
  allowDestructive: boolean;
  validators: Validators;
  redactor: Redactor;
  sender: Sender;
  expectations: Map<string, Expectation>;
  /** `{{unique}}` for this test */
  unique: string;
  breaker?: Breaker;
  /** longest wait on a setup/teardown step's Retry-After (429/503), ms */
  retryAfterMaxMs?: number;
}

/** Outcomes decided before any request: unprovokable, not-configured. */
export function outcomeBeforeRequest(c: LoadedCatalog, e: Entry, ctx: Pick<RunContext, 'env' | 'allowDestructive'>): EntryResult | undefined {
  if (e.unprovokable) return { id: e.id, outcome: 'unprovokable', reason: e.unprovokable };
  const missing = missingVariables(c, e, ctx.env);
  if (missing.length) return { id: e.id, outcome: 'not-configured', reason: `missing env variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
  if (e.destructive && !ctx.allowDestructive) return { id: e.id, outcome: 'not-configured', reason: `destructive (${e.destructive}); set FAULTLINE_ALLOW_DESTRUCTIVE=true to run it` };
  return undefined;
}

export async function executeEntry(c: LoadedCatalog, e: Entry, ctx: RunContext): Promise<EntryResult> {
  const started = performance.now();
  const early = outcomeBeforeRequest(c, e, ctx);
  if (early) return early;
  const base = ctx.env[c.baseUrlVar] ?? '';
  const down = ctx.breaker?.open(base);
  if (down) return { id: e.id, outcome: 'error', reason: ctx.redactor.text(down), durationMs: Math.round(performance.now() - started) };
  // Every cause is provoked and judged; the entry conforms when all do. The result shows the first
  // cause that deviates (or the last one), and every violation names its cause when there are several.
  const causes = e.recipes;
  let result: EntryResult = { id: e.id, outcome: 'conformant' };
  const all: Violation[] = [];
  for (const [k, recipe] of causes.entries()) {
    const label = causes.length > 1 ? `cause ${k + 1} of ${causes.length}: ` : '';
    try {
      const r = await runRecipe(c, e, ctx.sender, { env: ctx.env, captures: {}, unique: ctx.unique }, ctx.redactor, { retryAfterMaxMs: ctx.retryAfterMaxMs }, recipe);
      ctx.breaker?.success(base);
      const violations = judge(c, e, r.exchange, ctx.validators).map((v) => (label ? { ...v, message: label + v.message } : v));
      all.push(...violations);
      if (all.length && result.outcome === 'violation') continue; // keep the first deviating cause's exchange
      result = {
        id: e.id,
        outcome: all.length ? 'violation' : 'conformant',
        observed: observed(r.exchange),
        reproduce: curlCommand(r.request, ctx.redactor),
        attempts: r.attempts,
        ...(r.teardownProblems.length ? { teardownProblems: r.teardownProblems.map((p) => ctx.redactor.text(p)) } : {}),
      };
    } catch (err) {
      if (!(err instanceof TargetError) && !(err instanceof SetupError)) throw err;
      if (err instanceof TargetError) ctx.breaker?.failure(base, ctx.redactor.text(err.message));
      result = { id: e.id, outcome: 'error', reason: label + ctx.redactor.text(err.message) };
      // a failed setup step: its request, and its whole answer as an attachment, not in the message
      if (err instanceof SetupError && err.request) result.reproduce = curlCommand(err.request, ctx.redactor);
      if (err instanceof SetupError && err.response) {
        const r = err.response;
        const head = [`HTTP ${r.status}`, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`)].join('\n');
        result.attachments = [{ name: 'setup-response.txt', contentType: 'text/plain', body: `${head}\n\n${r.text}${r.truncated ? '\n…(cut at 1 MiB)' : ''}` }];
      }
      break;
    }
  }
  if (all.length && result.outcome === 'violation') result.violations = all;
  const known = ctx.expectations.get(e.id);
  if (known && result.outcome === 'violation') result = { ...result, outcome: 'known-deviation', reason: `${known.reason} (${known.link})` };
  else if (known && result.outcome === 'conformant') result = { ...result, outcome: 'unexpected-pass', reason: `listed as a known deviation (${known.reason}) but conforms now: remove it from the expectations` };
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/**
 * All violations of an exchange. A 5xx the entry does not document is also judged, once, against
 * the union of the API's contracts for that status (every entry whose status allows it): it
 * conforms when it keeps any one of them; otherwise the violations of the closest contract
 * (fewest violations, the first in catalog order on a tie) are added, each naming it, the
 * contracts it tied with and how many were tried. Judging each contract separately would list
 * contradictory expectations (one code from each) for one answer.
 */
export function judge(c: LoadedCatalog, e: Entry, x: Exchange, validators: Validators): Violation[] {
  const violations = runChecks(x, { entry: e, validate: validators.get(e.id) });
  if (x.status < 500 || e.status.allows(x.status)) return violations;
  return [...violations, ...againstDocumentedServerErrors(c, e, x, validators)];
}

function againstDocumentedServerErrors(c: LoadedCatalog, e: Entry, x: Exchange, validators: Validators): Violation[] {
  const union = c.entries.filter((o) => o.id !== e.id && o.status.allows(x.status));
  const judged = union.map((o) => ({ id: o.id, found: runChecks(x, { entry: o, validate: validators.get(o.id) }).filter((v) => v.check !== 'status_code_conformance') }));
  if (!judged.length || judged.some((j) => j.found.length === 0)) return [];
  const fewest = Math.min(...judged.map((j) => j.found.length));
  const [closest, ...tied] = judged.filter((j) => j.found.length === fewest);
  const n = union.length;
  const why = `(unexpected ${x.status}: it keeps none of the ${n} contract${n === 1 ? '' : 's'} of ${c.api} that allow${n === 1 ? 's' : ''} ${x.status}; closest: ${closest!.id}, ${fewest} violation${fewest === 1 ? '' : 's'}${tied.length ? `, tied with ${tied.map((t) => t.id).join(', ')}` : ''})`;
  return closest!.found.map((v) => ({ ...v, message: `${why} ${v.message}` }));
}

/** What came back, for the report: already redacted by the recipe runner; large bodies cut. */
function observed(x: Exchange): EntryResult['observed'] {
  return {
    status: x.status,
    headers: x.headers,
    body: preview(x.body),
    ...(x.truncated ? { truncated: true } : {}),
  };
}
