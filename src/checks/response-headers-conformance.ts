/** Every documented header is present with the documented value (response_headers_conformance; owns /headers/*). */
import type { Judge } from './types.js';

export const responseHeaders: Judge = (x, exp, own) =>
  own.map((f) => {
    const name = f.pointer.split('/')[2] ?? '';
    const rule = exp.entry.headers?.find((h) => h.name.toLowerCase() === name);
    const got = x.headers[name];
    return {
      ...f,
      message: got === undefined
        ? `expected header ${rule?.name ?? name} (${rule?.basis ?? 'documented'}), but it is absent`
        : `header ${rule?.name ?? name}: expected ${rule?.equals !== undefined ? JSON.stringify(rule.equals) : `to match /${rule?.matches}/`}, got ${JSON.stringify(got)}`,
    };
  });
