/**
 * The deviation matrix plan: for each provokable entry, every deviation kind that applies to it,
 * the deviation that produces it on the reference target, and the check that must flag it
 * (null: the deviation is allowed by the contract and must NOT be flagged).
 */
import type { Entry, JsonSchema, LoadedCatalog } from '../../src/catalog/types.js';
import { BREACH, DEVIATION_KINDS, type Deviation, type DeviationKind } from '../../reference/deviations.js';
import { challengeProblem } from '../../src/checks/response-headers-conformance.js';

/** The matrix's columns: one per deviation kind, named by the breach it simulates. */
export const KINDS = DEVIATION_KINDS.map((k) => BREACH[k]);
export type Kind = (typeof BREACH)[DeviationKind];

export interface Case { entry: string; kind: Kind; deviation: Deviation; expect: string | null }

function requiredFields(c: LoadedCatalog, e: Entry): string[] {
  if (e.body.kind !== 'json') return [];
  const env = c.envelopes[e.body.envelope] as JsonSchema & { required?: string[] };
  // a constant constrains a field only when present: it is not a required field
  return [...new Set([...(e.body.required ?? []), ...(env.required ?? [])])];
}

function wrongHeaderValue(rule: NonNullable<Entry['headers']>[number]): string | undefined {
  for (const v of ['faultline wrong value', '0', '']) {
    if (rule.challenge !== undefined ? challengeProblem(rule, v) !== undefined : rule.equals !== undefined ? v !== rule.equals : rule.matches !== undefined && !new RegExp(rule.matches).test(v)) return v;
  }
  return undefined;
}

export function casesFor(c: LoadedCatalog, e: Entry): Case[] {
  const out: Case[] = [];
  const add = (d: Omit<Deviation, 'entry'>, expect: string | null): void => { out.push({ entry: e.id, kind: BREACH[d.kind], deviation: { entry: e.id, ...d }, expect }); };
  add({ kind: 'status', arg: e.status.allows(418) ? '400' : '418' }, 'status_code_conformance');
  const rule = e.headers?.[0];
  if (rule) {
    add({ kind: 'drop-header', arg: rule.name }, 'response_headers_conformance');
    const bad = wrongHeaderValue(rule);
    if ((rule.equals !== undefined || rule.matches !== undefined || rule.challenge !== undefined) && bad !== undefined) add({ kind: 'header', arg: `${rule.name}=${bad}` }, 'response_headers_conformance');
  }
  const hasBody = e.body.kind === 'json' || e.body.kind === 'text';
  if (e.contentType && hasBody) add({ kind: 'content-type', arg: e.contentType.type === 'text/plain' ? 'application/xml' : 'text/plain' }, 'content_type_conformance');
  const fields = requiredFields(c, e);
  if (fields[0]) add({ kind: 'drop-field', arg: fields[0] }, 'response_schema_conformance');
  const renamed = fields[fields.length - 1];
  if (renamed) add({ kind: 'rename-field', arg: `${renamed}>${renamed}_v2` }, 'response_schema_conformance');
  const typed = fields.find((f) => f !== 'status') ?? fields[0];
  if (typed) add({ kind: 'field-type', arg: typed }, 'response_schema_conformance');
  const code = e.body.kind === 'json' ? Object.entries(e.body.const ?? {}).find(([k, v]) => typeof v === 'string' && k !== 'status') : undefined;
  if (code) add({ kind: 'set-field', arg: `${code[0]}="FAULTLINE_WRONG_CODE"` }, 'response_schema_conformance');
  if (e.body.kind === 'json' && fields.includes('status')) add({ kind: 'body-status' }, 'problem_status_consistency');
  if (hasBody) add({ kind: 'html' }, e.contentType ? 'content_type_conformance' : 'response_schema_conformance');
  if (hasBody) add({ kind: 'empty' }, 'response_schema_conformance');
  add({ kind: 'stack-trace' }, 'no_stack_trace_leak');
  if (e.body.kind === 'json' && (c.envelopes[e.body.envelope] as { additionalProperties?: unknown }).additionalProperties !== false) add({ kind: 'extra-field' }, null);
  return out;
}

/** Round i carries every entry's i-th case: one deviation per entry per run, so results attribute cleanly. */
export function rounds(all: Case[][]): Case[][] {
  const n = Math.max(0, ...all.map((l) => l.length));
  return Array.from({ length: n }, (_, i) => all.map((l) => l[i]).filter((x): x is Case => Boolean(x)));
}
