/**
 * The documented media type is sent, and a body announced as JSON actually parses as JSON
 * (content_type_conformance; owns /headers/content-type). The type and subtype come from the
 * schema (in any letter case); the parameters a rule names are judged here, parsed with
 * fast-content-type-parse (RFC 9110 section 8.3.1): names in any case, a charset's value in any
 * case (section 8.3.2), other values as written, token and quoted-string alike.
 */
import { safeParse } from 'fast-content-type-parse';
import type { ContentTypeRule } from '../catalog/types.js';
import type { Finding, Judge } from './types.js';

const JSONISH = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
/** parameters whose values are case-insensitive */
const ANY_CASE_VALUES = new Set(['charset']);

export const contentType: Judge = (x, exp, own) => {
  const rule = exp.entry.contentType;
  const ct = x.headers['content-type'];
  const out: Finding[] = own.map((f) => ({
    ...f,
    message: ct === undefined
      ? `expected Content-Type ${describe(rule)}, but the response has none`
      : `expected Content-Type ${describe(rule)}, got ${ct}`,
  }));
  if (rule?.parameters && ct !== undefined && !own.length && exp.entry.body.kind !== 'empty') {
    const missing = parameterProblems(rule.parameters, ct);
    if (missing.length) {
      out.push({
        pointer: '/headers/content-type',
        expected: describe(rule),
        actual: ct,
        message: `expected Content-Type ${describe(rule)}, got ${ct}: ${missing.join('; ')}`,
      });
    }
  }
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

/** What the received Content-Type lacks of the parameters a rule names. */
export function parameterProblems(want: Record<string, string>, received: string): string[] {
  const got = safeParse(received);
  if (!got.type) return [`its parameters cannot be read (RFC 9110 section 8.3.1)`];
  const out: string[] = [];
  for (const [rawName, value] of Object.entries(want)) {
    const name = rawName.toLowerCase();
    const has = got.parameters[name];
    if (has === undefined) out.push(`parameter ${name} is absent`);
    else if (ANY_CASE_VALUES.has(name) ? has.toLowerCase() !== value.toLowerCase() : has !== value) out.push(`parameter ${name} is ${JSON.stringify(has)}, not ${JSON.stringify(value)}`);
  }
  return out;
}

function describe(rule: ContentTypeRule | undefined): string {
  if (!rule) return '(none documented)';
  return [rule.type, ...Object.entries(rule.parameters ?? {}).map(([k, v]) => `${k}=${v}`)].join('; ');
}
