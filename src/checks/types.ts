/** What a check judges (an exchange against an expectation) and what it returns (violations). */
import type { ValidateFunction } from 'ajv';
import type { Entry, Json, Strength } from '../catalog/types.js';
import type { Exchange } from '../target/exchange.js';

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

/** What a check finds; the check table (index.ts) adds the check's name and the part's strength. */
export type Finding = Omit<Violation, 'check' | 'entryId' | 'strength'>;

/**
 * One check's judgement of an exchange. `own` holds the schema errors in the part of the
 * response document the check owns (index.ts), already as findings; a check that owns no part
 * gets none and judges the exchange itself.
 */
export type Judge = (exchange: Exchange, expectation: Expectation, own: Finding[]) => Finding[];
