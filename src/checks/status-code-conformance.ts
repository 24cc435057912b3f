/** The HTTP status is one the entry documents (status_code_conformance; owns /status). */
import type { Judge } from './types.js';

export const statusCode: Judge = (x, exp, own) =>
  own.map((f) => ({ ...f, message: `expected HTTP status ${describe(exp.entry.status)}, got ${x.status}` }));

function describe(s: number | number[] | string): string {
  return Array.isArray(s) ? `one of ${s.join(', ')}` : String(s);
}
