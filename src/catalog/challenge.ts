/**
 * Authentication challenges (RFC 9110 section 11.6.1, WWW-Authenticate) and the schemes a
 * catalog's `auth` accepts. Hand-written: the npm parsers of this header (auth-header,
 * http-auth-utils, www-authenticate) read one challenge per header value, or only the schemes they
 * know, or skip what they cannot read, while a 401 may carry a list of challenges of any scheme
 * and faultline must say when the value is not a challenge list at all.
 *
 *   WWW-Authenticate = #challenge
 *   challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param       = token BWS "=" BWS ( token / quoted-string )
 *   token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Empty list elements are skipped, as section 5.6.1.2 asks of a recipient. Schemes and parameter
 * names are case-insensitive (sections 11.1 and 11.2), parameter values are compared as sent
 * (token and quoted-string alike; a realm is case-sensitive, section 11.5).
 */
import type { Catalog } from './types.js';

export interface Challenge {
  scheme: string;
  /** parameter names lower-cased, values unquoted */
  params: Record<string, string>;
  token68?: string;
}

export type ChallengeParse = { ok: true; challenges: Challenge[] } | { ok: false; error: string };

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]/;

/** The challenges of a WWW-Authenticate (or Proxy-Authenticate) value, or why it is not a list of them. */
export function parseChallenges(value: string): ChallengeParse {
  let i = 0;
  const n = value.length;
  const out: Challenge[] = [];
  const ows = (): void => { while (i < n && (value[i] === ' ' || value[i] === '\t')) i++; };
  const token = (): string => { const s = i; while (i < n && TCHAR.test(value[i]!)) i++; return value.slice(s, i); };
  const fail = (what: string): ChallengeParse => ({ ok: false, error: `${what} at position ${i + 1}` });
  /** after a list element: end of value, or OWS "," (then any empty elements) */
  const separator = (): boolean => {
    ows();
    if (i >= n) return true;
    if (value[i] !== ',') return false;
    while (i < n && (value[i] === ',' || value[i] === ' ' || value[i] === '\t')) i++;
    return true;
  };
  /** a parameter starts here: token BWS "=" BWS followed by a value (not the "=" padding of a token68) */
  const paramAhead = (): boolean => {
    const s = i;
    const name = token();
    ows();
    const eq = value[i] === '=';
    if (eq) { i++; ows(); }
    const ok = name !== '' && eq && i < n && (value[i] === '"' || TCHAR.test(value[i]!));
    i = s;
    return ok;
  };
  const quoted = (): string | undefined => {
    i++; // the opening DQUOTE
    let s = '';
    while (i < n && value[i] !== '"') {
      if (value[i] === '\\') { i++; if (i >= n) return undefined; }
      const c = value.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09) || c === 0x7f) return undefined;
      s += value[i++];
    }
    if (i >= n) return undefined;
    i++; // the closing DQUOTE
    return s;
  };

  separator(); // leading empty elements
  while (i < n) {
    const scheme = token();
    if (!scheme) return fail('expected an auth-scheme (a token)');
    const ch: Challenge = { scheme, params: {} };
    out.push(ch);
    const spaceStart = i;
    while (i < n && value[i] === ' ') i++;
    const spaced = i > spaceStart;
    ows();
    if (i >= n || value[i] === ',') { separator(); continue; }
    if (!spaced) return fail(`expected a space, "," or the end after the scheme ${scheme}`);
    if (!paramAhead()) {
      const s = i;
      while (i < n && TOKEN68.test(value[i]!)) i++;
      if (i === s) return fail(`expected a token68 or auth-params after the scheme ${scheme}`);
      while (i < n && value[i] === '=') i++;
      ch.token68 = value.slice(s, i);
      if (!separator()) return fail(`expected "," or the end after the token68 of ${scheme}`);
      continue;
    }
    // #auth-param, up to the next challenge
    for (;;) {
      const name = token().toLowerCase();
      ows(); i++; ows(); // "=" (paramAhead has seen it)
      const v = value[i] === '"' ? quoted() : token();
      if (v === undefined) return fail(`unterminated or invalid quoted-string in parameter ${name} of ${scheme}`);
      if (name in ch.params) return fail(`parameter ${name} given twice in the challenge ${scheme} (RFC 9110 section 11.2)`);
      ch.params[name] = v;
      if (!separator()) return fail(`expected "," or the end after parameter ${name} of ${scheme}`);
      if (i >= n || !paramAhead()) break;
    }
  }
  return { ok: true, challenges: out };
}

/** One challenge written in a catalog (`Basic realm="cmix"`), or why it is not exactly one. */
export function parseOneChallenge(value: string): { ok: true; challenge: Challenge } | { ok: false; error: string } {
  const r = parseChallenges(value);
  if (!r.ok) return r;
  if (r.challenges.length !== 1) return { ok: false, error: `expected exactly one challenge, found ${r.challenges.length}` };
  return { ok: true, challenge: r.challenges[0]! };
}

/** `got` includes every part of `want`: the scheme (any case), its token68 if any, each parameter (name in any case, value as written). */
export function challengeIncludes(got: Challenge, want: Challenge): boolean {
  if (got.scheme.toLowerCase() !== want.scheme.toLowerCase()) return false;
  if (want.token68 !== undefined && got.token68 !== want.token68) return false;
  return Object.entries(want.params).every(([k, v]) => got.params[k] === v);
}

/**
 * The authentication schemes an API accepts, from its catalog's `auth`: the scheme that starts
 * `auth.format` when the secret goes in Authorization (`Bearer {token}` gives Bearer), and
 * `auth.otherSchemes`. None when the secret travels in a header of the API's own (a custom
 * header or a bare `{token}` names no HTTP authentication scheme).
 */
export function acceptedSchemes(auth: Catalog['auth']): string[] {
  const own = auth.header.toLowerCase() === 'authorization' ? /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) +\{token\}/.exec(auth.format)?.[1] : undefined;
  const all = [...(own !== undefined ? [own] : []), ...(auth.otherSchemes ?? [])];
  return all.filter((s, k) => all.findIndex((t) => t.toLowerCase() === s.toLowerCase()) === k);
}

/** A challenge as a person would write it (for messages). */
export function showChallenge(c: Challenge): string {
  const params = Object.entries(c.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return [c.scheme, c.token68 ?? params.join(', ')].filter(Boolean).join(' ');
}
