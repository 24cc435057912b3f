/**
 * The documented media type is sent, and a body announced as JSON actually parses as JSON
 * (content_type_conformance; owns /headers/content-type).
 */
import type { Finding, Judge } from './types.js';

const JSONISH = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

export const contentType: Judge = (x, exp, own) => {
  const out: Finding[] = own.map((f) => ({
    ...f,
    message: x.headers['content-type'] === undefined
      ? `expected Content-Type ${exp.entry.contentType?.type}, but the response has none`
      : `expected Content-Type ${exp.entry.contentType?.type}, got ${x.headers['content-type']}`,
  }));
  const ct = x.headers['content-type'];
  if (ct && JSONISH.test(ct) && x.parseError !== undefined) {
    out.push({
      pointer: '/body',
      expected: `a JSON body (Content-Type is ${ct})`,
      actual: x.text.length > 120 ? `${x.text.slice(0, 120)}…` : x.text,
      message: `the body is announced as ${ct} but is not valid JSON: ${x.parseError}`,
    });
  }
  return out;
};
