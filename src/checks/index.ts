/**
 * Every check, in the order their violations are reported: its name as reports show it, the part
 * of the response document `{status, headers, body}` whose schema errors it reports, and the
 * strength of what it finds. A schema error belongs to the first row whose part matches its
 * pointer (so /headers/content-type goes to the content type, not to the other headers); one
 * validation of the whole-response schema serves every row.
 */
import { strengthAt } from '../catalog/strength.js';
import type { Entry, Strength } from '../catalog/types.js';
import type { Exchange } from '../target/exchange.js';
import { contentType } from './content-type-conformance.js';
import { noStackTrace } from './no-stack-trace-leak.js';
import { problemStatus } from './problem-status-consistency.js';
import { responseHeaders } from './response-headers-conformance.js';
import { responseSchema } from './response-schema-conformance.js';
import { schemaFindings } from './schema-errors.js';
import { statusCode } from './status-code-conformance.js';
import type { Expectation, Finding, Judge, Violation } from './types.js';

export interface Check {
  name: string;
  /** the pointers of the response document this check owns; none: it owns no schema errors */
  part?: RegExp;
  /** the strength of a finding at `pointer` */
  strength(entry: Entry, pointer: string): Strength;
  judge: Judge;
}

export const CHECKS: readonly Check[] = [
  { name: 'status_code_conformance', part: /^\/status$/, strength: partStrength, judge: statusCode },
  { name: 'content_type_conformance', part: /^\/headers\/content-type$/, strength: (e) => strengthAt(e, '/headers/content-type').strength, judge: contentType },
  { name: 'response_headers_conformance', part: /^\/headers\//, strength: partStrength, judge: responseHeaders },
  { name: 'response_schema_conformance', part: /^\/body(\/|$)/, strength: partStrength, judge: responseSchema },
  { name: 'problem_status_consistency', strength: () => 'must', judge: problemStatus },
  { name: 'no_stack_trace_leak', strength: () => 'should', judge: noStackTrace },
];

/** The strength the catalog gives the contract part at `pointer` (status, a header, a body field, ...). */
function partStrength(e: Entry, pointer: string): Strength {
  return strengthAt(e, pointer || '/status').strength;
}

/** The check that owns a schema error at `pointer`, if any does. */
export function ownerOf(pointer: string): Check | undefined {
  return CHECKS.find((c) => c.part?.test(pointer));
}

/** The check named `name` (for tests and tools); throws on an unknown name. */
export function checkNamed(name: string): Check {
  const c = CHECKS.find((x) => x.name === name);
  if (!c) throw new Error(`no check named ${name} (known: ${CHECKS.map((x) => x.name).join(', ')})`);
  return c;
}

/** One check's violations of an exchange. */
export function runCheck(c: Check, x: Exchange, exp: Expectation): Violation[] {
  const own: Finding[] = c.part ? schemaFindings(x, exp).filter((f) => ownerOf(f.pointer) === c) : [];
  return c.judge(x, exp, own).map((f) => ({ check: c.name, entryId: exp.entry.id, ...f, strength: c.strength(exp.entry, f.pointer) }));
}

export function runChecks(x: Exchange, exp: Expectation): Violation[] {
  return CHECKS.flatMap((c) => runCheck(c, x, exp));
}

export type { Expectation, Finding, Violation } from './types.js';
