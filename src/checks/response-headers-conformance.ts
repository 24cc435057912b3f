/** response_headers_conformance: every documented header is present with the documented value. */
import { ownFindings } from './schema-errors.js';
import type { Check } from './types.js';

export const response_headers_conformance: Check = (x, exp) =>
  ownFindings(x, exp, 'response_headers_conformance', (p) => p.startsWith('/headers/') && p !== '/headers/content-type').map((v) => {
    const name = v.pointer.split('/')[2] ?? '';
    const rule = exp.entry.headers?.find((h) => h.name.toLowerCase() === name);
    const got = x.headers[name];
    return {
      ...v,
      message: got === undefined
        ? `expected header ${rule?.name ?? name} (${rule?.basis ?? 'documented'}), but it is absent`
        : `header ${rule?.name ?? name}: expected ${rule?.equals !== undefined ? JSON.stringify(rule.equals) : `to match /${rule?.matches}/`}, got ${JSON.stringify(got)}`,
    };
  });
