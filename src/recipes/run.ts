/**
 * Executes an entry's recipe: setup steps (with polling and captures), the provoking request
 * (with repeat/poll), and teardown, which always runs. Returns the exchange to judge and the
 * requests sent, for the reproduction command.
 */
import type { Catalog, Entry, Json, Recipe, Step } from '../catalog/types.js';
import { documentOf, type Exchange } from '../target/exchange.js';
import type { Redactor } from '../target/redact.js';
import type { RedirectPolicy } from '../target/redirects.js';
import type { SentRequest, Sender } from '../target/sender.js';
import { buildRequest, type Scope } from './build.js';
import { DEFAULT_RETRY_AFTER_MAX_MS } from '../run-settings.js';

/** A setup step that did not get what it needs; `response` is the step's answer (redacted), for the report's attachment. */
export class SetupError extends Error {
  constructor(message: string, readonly request?: SentRequest, readonly response?: Exchange) { super(message); }
}

/** One line about a body: its content type and its title (HTML) or first line, never the whole page. */
export function bodySummary(x: Exchange): string {
  const type = x.headers['content-type'] ?? 'no content type';
  if (x.text.trim() === '') return `${type}, empty body`;
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(x.text)?.[1]?.replace(/\s+/g, ' ').trim();
  const first = x.body !== null && typeof x.body === 'object' ? JSON.stringify(x.body) : x.text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
  const shown = title || first;
  return `${type}, ${title ? 'title' : 'first line'} "${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}"`;
}

export interface RecipeResult {
  exchange: Exchange;
  request: SentRequest;
  /** every request sent, in order (setup, provoking, teardown) */
  sent: SentRequest[];
  attempts: number;
  teardownProblems: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RecipeOptions {
  /**
   * A setup or teardown step answered 429 or 503 with Retry-After (and does not expect that
   * status): wait as the target asks and send it again, as long as the waits add up to at most
   * this many ms (default 10 s; 0 = never wait). The provoking request is never retried: its
   * answer is what is judged.
   */
  retryAfterMaxMs?: number;
}
export { DEFAULT_RETRY_AFTER_MAX_MS };

/** Retry-After as ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
const asList = (s: number | number[]): number[] => (Array.isArray(s) ? s : [s]);

/**
 * Captures read the raw responses (a setup step may need an id the target returned); everything
 * that leaves this function (the judged exchange, error messages) has passed `redactor`.
 */
export async function runRecipe(c: Catalog, e: Entry, sender: Sender, scope: Scope, redactor: Redactor, opts: RecipeOptions = {}, recipe: Recipe | undefined = e.recipes[0]): Promise<RecipeResult> {
  if (!recipe) throw new Error(`${e.id} has no recipe`);
  const sent: SentRequest[] = [];
  const teardownProblems: string[] = [];
  // The judged request follows no redirect (a 3xx is what is judged); steps follow same-origin ones.
  const send = async (req: SentRequest, redirects: RedirectPolicy = 'none'): Promise<Exchange> => { sent.push(req); return sender.send(req, redirects); };
  const stepSend = politeSend((req) => send(req, 'same-origin'), opts.retryAfterMaxMs ?? DEFAULT_RETRY_AFTER_MAX_MS);
  try {
    for (const [i, step] of (recipe.setup ?? []).entries()) await runStep(c, step, `setup step ${step.name ?? i + 1}`, stepSend, scope, redactor);
    const req = buildRequest(c, recipe.request, scope);
    let x = await send(req);
    let attempts = 1;
    if (recipe.repeat) {
      while (x.status !== recipe.repeat.until && attempts < recipe.repeat.max) { x = await send(req); attempts++; }
    }
    if (recipe.poll) {
      const until = Date.now() + (recipe.poll.timeoutMs ?? 5000);
      const wait = asList(recipe.poll.while);
      while (wait.includes(x.status) && Date.now() < until) { await sleep(recipe.poll.intervalMs ?? 100); x = await send(req); attempts++; }
    }
    return { exchange: redactor.exchange(x), request: req, sent, attempts, teardownProblems };
  } finally {
    for (const [i, step] of (recipe.teardown ?? []).entries()) {
      try { await runStep(c, step, `teardown step ${step.name ?? i + 1}`, stepSend, scope, redactor); }
      catch (err) { teardownProblems.push((err as Error).message); }
    }
  }
}

type StepSend = (r: SentRequest, expected: number[] | undefined) => Promise<Exchange>;

/** A step's sender that honours Retry-After on 429/503, within a total wait of `maxMs`. */
function politeSend(send: (r: SentRequest) => Promise<Exchange>, maxMs: number): StepSend {
  return async (req, expected) => {
    let waited = 0;
    for (;;) {
      const x = await send(req);
      if ((x.status !== 429 && x.status !== 503) || expected?.includes(x.status)) return x;
      const wait = retryAfterMs(x.headers['retry-after']);
      if (wait === undefined || waited + wait > maxMs) return x;
      await sleep(wait);
      waited += wait;
    }
  };
}

async function runStep(c: Catalog, step: Step, label: string, send: StepSend, scope: Scope, redactor: Redactor): Promise<void> {
  const req = buildRequest(c, step.request, scope);
  const expected = step.expect === undefined ? undefined : asList(step.expect);
  let x = await send(req, expected);
  if (step.poll) {
    const until = Date.now() + (step.poll.timeoutMs ?? 5000);
    const want = asList(step.poll.until);
    while (!want.includes(x.status) && Date.now() < until) { await sleep(step.poll.intervalMs ?? 100); x = await send(req, want); }
  }
  if (expected && !expected.includes(x.status)) {
    const retry = (x.status === 429 || x.status === 503) && x.headers['retry-after'] !== undefined ? ` (Retry-After ${x.headers['retry-after']}: longer than the run waits, FAULTLINE_RETRY_AFTER_MAX_MS)` : '';
    const seen = redactor.exchange(x);
    throw new SetupError(`${label} (${req.method} ${new URL(req.url).pathname}) answered ${x.status}${retry}, expected ${expected.join(' or ')}: ${bodySummary(seen)} (the whole answer is attached)`, req, seen);
  }
  for (const [name, pointer] of Object.entries(step.capture ?? {})) {
    const v = valueAt(documentOf(x), pointer);
    if (v === undefined || v === null) throw new SetupError(`${label}: nothing to capture at ${pointer} for {{${name}}} (status ${x.status})`);
    scope.captures[name] = typeof v === 'string' ? v : JSON.stringify(v);
  }
}

function valueAt(doc: unknown, pointer: string): Json | undefined {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur as Json | undefined;
}
