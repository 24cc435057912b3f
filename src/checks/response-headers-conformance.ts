/**
 * Every documented header is present with the documented value (response_headers_conformance;
 * owns /headers/*). Presence, `equals` and `matches` come from the schema; a `challenge` rule is
 * judged here, with the RFC 9110 challenge grammar (src/catalog/challenge.ts).
 */
import { challengeIncludes, parseChallenges, parseOneChallenge, showChallenge } from '../catalog/challenge.js';
import type { HeaderRule } from '../catalog/types.js';
import type { Finding, Judge } from './types.js';

export const responseHeaders: Judge = (x, exp, own) => {
  const out: Finding[] = own.map((f) => {
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
  for (const rule of exp.entry.headers ?? []) {
    const got = x.headers[rule.name.toLowerCase()];
    if (rule.challenge === undefined || got === undefined) continue;
    const problem = challengeProblem(rule, got);
    if (problem) out.push({ pointer: `/headers/${rule.name.toLowerCase()}`, expected: problem.expected, actual: got, message: `header ${rule.name}: ${problem.message}, got ${JSON.stringify(got)}` });
  }
  return out;
};

/** Why `value` breaks a challenge rule, or nothing when it keeps it. */
export function challengeProblem(rule: HeaderRule, value: string): { expected: string; message: string } | undefined {
  const parsed = parseChallenges(value);
  const grammar = 'a list of authentication challenges (RFC 9110 section 11.6.1)';
  if (!parsed.ok) return { expected: grammar, message: `expected ${grammar}, but the value is not one: ${parsed.error}` };
  if (parsed.challenges.length === 0) return { expected: grammar, message: `expected ${grammar}, but it names none` };
  const schemes = parsed.challenges.map((c) => c.scheme).join(', ');
  if (rule.challenge === 'auth') {
    const accepted = rule.schemes ?? [];
    if (!accepted.length || parsed.challenges.some((c) => accepted.some((s) => s.toLowerCase() === c.scheme.toLowerCase()))) return undefined;
    const expected = `a challenge of a scheme the API accepts (${accepted.join(', ')}; from the catalog's auth), in any letter case`;
    return { expected, message: `expected ${expected}, but it challenges only for ${schemes}` };
  }
  const want = parseOneChallenge(rule.challenge!);
  if (!want.ok) return { expected: rule.challenge!, message: `the catalog's challenge cannot be read (${want.error})` }; // the loader refuses it first
  if (parsed.challenges.some((c) => challengeIncludes(c, want.challenge))) return undefined;
  const expected = `a challenge ${showChallenge(want.challenge)} (scheme and parameter names in any letter case, parameter values as written)`;
  return { expected, message: `expected ${expected}, but it has ${parsed.challenges.map(showChallenge).join('; ')}` };
}
