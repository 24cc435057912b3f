/** Every check, in the order their violations are reported. */
import { content_type_conformance } from './content-type-conformance.js';
import { no_stack_trace_leak } from './no-stack-trace-leak.js';
import { problem_status_consistency } from './problem-status-consistency.js';
import { response_headers_conformance } from './response-headers-conformance.js';
import { response_schema_conformance } from './response-schema-conformance.js';
import { status_code_conformance } from './status-code-conformance.js';
import type { Check, Exchange, Expectation, Violation } from './types.js';

export const CHECKS: Record<string, Check> = {
  status_code_conformance,
  content_type_conformance,
  response_headers_conformance,
  response_schema_conformance,
  problem_status_consistency,
  no_stack_trace_leak,
};

export function runChecks(x: Exchange, exp: Expectation): Violation[] {
  return Object.values(CHECKS).flatMap((check) => check(x, exp));
}

export type { Check, Exchange, Expectation, Violation } from './types.js';
