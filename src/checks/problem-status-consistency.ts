/**
 * A `status` member in the body that states an HTTP status code equals the HTTP status
 * (problem_status_consistency; RFC 9457 section 3.1.3 for problem details; the same promise holds
 * for the other envelopes that carry a status). Only a code is judged: an integer 100-599 or a
 * string of three digits. A `status` of another kind states something else (JSend's
 * `"status": "error"`, a resource's `"status": "LIVE"`) and is no claim about the HTTP status.
 */
import type { Judge } from './types.js';

export const problemStatus: Judge = (x) => {
  const b = x.body;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || !('status' in b)) return [];
  const s = b.status;
  const n = typeof s === 'string' && /^\d{3}$/.test(s) ? Number(s) : s;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 100 || n > 599) return [];
  if (n === x.status) return [];
  return [{
    pointer: '/body/status',
    expected: x.status,
    actual: s ?? null,
    message: `the body says status ${JSON.stringify(s)} but the HTTP status is ${x.status}`,
  }];
};
