/**
 * The project model of POST and PUT /projects, checked in the order the codes suggest: shape
 * (validation-failed), then each date's range (date-out-of-range), then dates against each
 * other (date-dependency), then numeric ranges (value-out-of-range). Name uniqueness needs the
 * team's projects and is checked by the caller.
 */
import type { RefRequest } from '../../../http.js';
import { readObject } from '../body.js';
import { Check } from '../check.js';
import { checkOrder, checkRange, normalise } from '../dates.js';
import { fail } from '../fail.js';

export interface ProjectInput {
  name: string; description: string | null; startDate: string | null; dueDate: string | null; timeBudget: number | null;
}

/** The largest time budget, in seconds: 100 years of round-the-clock work. */
export const MAX_SECONDS = 100 * 366 * 24 * 3600;

export function readProject(req: RefRequest): ProjectInput {
  const c = new Check(readObject(req));
  const name = c.string('name', { required: true, max: 200 });
  const description = c.string('description', { max: 10_000 });
  const startDate = c.date('startDate');
  const dueDate = c.date('dueDate');
  const timeBudget = c.integer('timeBudget');
  c.done();
  checkRange({ StartDate: startDate, DueDate: dueDate });
  checkOrder('StartDate', startDate, 'DueDate', dueDate);
  checkSeconds('TimeBudget', timeBudget);
  return { name: name!.trim(), description: description ?? null, startDate: normalise(startDate), dueDate: normalise(dueDate), timeBudget: timeBudget ?? null };
}

export function checkSeconds(name: string, v: number | undefined): void {
  if (v !== undefined && (v < 0 || v > MAX_SECONDS)) {
    throw fail('value-out-of-range', `${name} (${v}) must lie between 0 and ${MAX_SECONDS} seconds.`);
  }
}
