/** status_code_conformance: the HTTP status is one the entry documents. */
import { ownFindings } from './schema-errors.js';
import type { Check } from './types.js';

export const status_code_conformance: Check = (x, exp) =>
  ownFindings(x, exp, 'status_code_conformance', (p) => p === '/status').map((v) => ({
    ...v,
    message: `expected HTTP status ${describe(exp.entry.status)}, got ${x.status}`,
  }));

function describe(s: number | number[] | string): string {
  return Array.isArray(s) ? `one of ${s.join(', ')}` : String(s);
}
