/**
 * content_type_conformance: the documented media type is sent, and a body announced as JSON
 * actually parses as JSON.
 */
import { ownFindings } from './schema-errors.js';
import type { Check, Violation } from './types.js';

const JSONISH = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

export const content_type_conformance: Check = (x, exp) => {
  const out: Violation[] = ownFindings(x, exp, 'content_type_conformance', (p) => p === '/headers/content-type').map((v) => ({
    ...v,
    message: x.headers['content-type'] === undefined
      ? `expected Content-Type ${exp.entry.contentType?.type}, but the response has none`
      : `expected Content-Type ${exp.entry.contentType?.type}, got ${x.headers['content-type']}`,
  }));
  const ct = x.headers['content-type'];
  if (ct && JSONISH.test(ct) && x.parseError !== undefined) {
    out.push({
      check: 'content_type_conformance',
      entryId: exp.entry.id,
      pointer: '/body',
      expected: `a JSON body (Content-Type is ${ct})`,
      actual: x.text.length > 120 ? `${x.text.slice(0, 120)}…` : x.text,
      message: `the body is announced as ${ct} but is not valid JSON: ${x.parseError}`,
      strength: exp.entry.contentType?.strength ?? 'must',
    });
  }
  return out;
};
