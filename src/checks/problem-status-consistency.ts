/**
 * problem_status_consistency: a `status` member in the body equals the HTTP status
 * (RFC 9457 section 3.1.3 for problem details; the same promise holds for the other envelopes
 * that carry a status).
 */
import type { Check } from './types.js';

export const problem_status_consistency: Check = (x, exp) => {
  const b = x.body;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || !('status' in b)) return [];
  const s = b.status;
  const n = typeof s === 'string' && /^\d{3}$/.test(s) ? Number(s) : s;
  if (n === x.status) return [];
  return [{
    check: 'problem_status_consistency',
    entryId: exp.entry.id,
    pointer: '/body/status',
    expected: x.status,
    actual: s ?? null,
    message: `the body says status ${JSON.stringify(s)} but the HTTP status is ${x.status}`,
    strength: 'must',
  }];
};
