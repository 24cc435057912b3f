/**
 * Dates: format (validation-failed, in check.ts), validity range (date-out-of-range) and the
 * order of dates that depend on each other (date-dependency). The range is the reference
 * target's choice: 1900-01-01 up to, not including, 2200-01-01 (UTC).
 */
import { fail } from './fail.js';

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
export const DATE_MIN = Date.UTC(1900, 0, 1);
export const DATE_MAX = Date.UTC(2200, 0, 1);

export function isDate(s: string): boolean {
  if (!ISO.test(s) || Number.isNaN(toMs(s))) return false;
  // Date.parse rolls 2030-02-31 over into March; a calendar date must survive the round trip.
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // not Date.UTC, which maps years 0-99 to 1900-1999
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Milliseconds since the epoch; a date without a zone is UTC. */
export function toMs(s: string): number {
  const withZone = /T.*(Z|[+-]\d{2}:\d{2})$/.test(s) || !s.includes('T') ? s : `${s}Z`;
  return Date.parse(withZone.replace(/(\.\d{3})\d+/, '$1'));
}

export function normalise(s: string | null | undefined): string | null {
  return s ? new Date(toMs(s)).toISOString() : null;
}

/** Each named date must lie in the validity range. */
export function checkRange(dates: Record<string, string | null | undefined>): void {
  for (const [name, value] of Object.entries(dates)) {
    if (!value) continue;
    const ms = toMs(value);
    if (ms < DATE_MIN || ms >= DATE_MAX) {
      throw fail('date-out-of-range', `${name} (${value}) must lie between 1900-01-01 and 2199-12-31.`);
    }
  }
}

/** `start` must not come after `due`. */
export function checkOrder(startName: string, start: string | null | undefined, dueName: string, due: string | null | undefined): void {
  if (start && due && toMs(start) > toMs(due)) {
    throw fail('date-dependency', `${startName} (${start}) must not be after ${dueName} (${due}).`);
  }
}
