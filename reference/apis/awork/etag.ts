/**
 * Optimistic concurrency for projects and tasks. Every change bumps the entity's version; reads
 * and writes return it as a strong ETag, and a write carrying If-Match with any other version
 * is refused with concurrency-violation (RFC 9110 section 13.1.1: the method is not performed).
 */
import { header, type RefRequest } from '../../http.js';
import { fail } from './fail.js';

export function etagOf(e: { id: string; version: number }): string {
  return `"${e.id.slice(0, 8)}-v${e.version}"`;
}

export function checkIfMatch(req: RefRequest, e: { id: string; version: number }): void {
  const value = header(req, 'if-match');
  if (value === undefined || value.trim() === '*') return;
  const current = etagOf(e);
  // Strong comparison: a weak tag (W/"...") never matches, as RFC 9110 section 13.1.1 requires.
  const tags = value.split(',').map((t) => t.trim());
  if (!tags.includes(current)) {
    throw fail('concurrency-violation', `The entity was changed by someone else (If-Match ${value}, current version ${current}). Read it again and retry.`);
  }
}

/** Bump the version and the change timestamp. */
export function touch(e: { version: number; updatedOn: string }, now: string): void {
  e.version++;
  e.updatedOn = now;
}
