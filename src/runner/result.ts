/** The per-entry result a test records (as an annotation) and the reporters read back. */
import type { Json } from '../catalog/types.js';
import type { Violation } from '../checks/types.js';

export const OUTCOMES = ['conformant', 'violation', 'unprovokable', 'not-configured', 'known-deviation', 'unexpected-pass', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface EntryResult {
  id: string;
  outcome: Outcome;
  /** why: unprovokable reason, missing variables, error cause, expectation reason */
  reason?: string;
  violations?: Violation[];
  /** what came back (redacted, capped) */
  observed?: { status: number; headers: Record<string, string>; body: Json; truncated?: boolean };
  reproduce?: string;
  attempts?: number;
  teardownProblems?: string[];
  durationMs?: number;
  /** files for the test's attachments (a failed setup step's whole answer); not part of the recorded result */
  attachments?: { name: string; contentType: string; body: string }[];
}

/**
 * Annotation type under which a test stores its EntryResult as JSON. The leading `_` keeps it out
 * of the Playwright HTML report, which hides such annotations: it is data for reporters.
 */
export const RESULT_ANNOTATION = '_faultline-result';
