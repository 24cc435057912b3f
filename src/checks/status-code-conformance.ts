/** The HTTP status is one the entry documents (status_code_conformance; owns /status). */
import type { Judge } from './types.js';

export const statusCode: Judge = (x, exp, own) =>
  own.map((f) => ({ ...f, message: `expected HTTP status ${exp.entry.status.codes.length > 1 ? 'one of ' : ''}${exp.entry.status}, got ${x.status}` }));
