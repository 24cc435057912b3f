/** response_schema_conformance: the body matches the entry's generated schema (envelope + constants). */
import { ownFindings } from './schema-errors.js';
import type { Check } from './types.js';

export const response_schema_conformance: Check = (x, exp) =>
  ownFindings(x, exp, 'response_schema_conformance', (p) => p === '/body' || p.startsWith('/body/')).map((v) => ({
    ...v,
    message: `body${v.pointer.slice('/body'.length) || ''}: ${v.message.replace(/^\/body\S*\s/, '')}; expected ${JSON.stringify(v.expected)}, got ${JSON.stringify(v.actual)}`,
  }));
