/** The body matches the entry's generated schema, envelope and constants (response_schema_conformance; owns /body). */
import type { Judge } from './types.js';

export const responseSchema: Judge = (_x, _exp, own) =>
  own.map((f) => ({
    ...f,
    message: `body${f.pointer.slice('/body'.length) || ''}: ${f.message.replace(/^\/body\S*\s/, '')}; expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
  }));
