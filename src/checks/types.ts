/** What a check judges (an exchange against an expectation) and what it returns (violations). */
import type { ValidateFunction } from 'ajv';
import type { Entry, Json, Strength } from '../catalog/types.js';

/** One response as received, normalised for checking. */
export interface Exchange {
  status: number;
  /** lower-cased header names; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** parsed JSON when the body parses as JSON, else the text; null when there is no body */
  body: Json;
  /** the body text as received (capped), for checks that read text (stack traces) */
  text: string;
  /** true when the body was larger than the cap and `text` was cut */
  truncated: boolean;
  /** why a body announced as JSON did not parse, if it did not */
  parseError?: string;
}

export interface Expectation {
  entry: Entry;
  /** the compiled whole-response schema of the entry */
  validate: ValidateFunction;
}

export interface Violation {
  check: string;
  entryId: string;
  /** JSON pointer into the response document `{status, headers, body}` */
  pointer: string;
  expected: Json;
  actual: Json;
  message: string;
  strength: Strength;
}

export type Check = (exchange: Exchange, expectation: Expectation) => Violation[];

/** The response document the generated schemas validate. */
export function documentOf(x: Exchange): { status: number; headers: Record<string, string>; body: Json } {
  return { status: x.status, headers: x.headers, body: x.body };
}
