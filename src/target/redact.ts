/**
 * Redaction: secrets never reach a report, attachment, log or reproduction command. Three nets:
 * by name (headers and fields that carry credentials), by value (every secret variable's value
 * from the env, and the password of any URL's userinfo, wherever it shows up, even inside another
 * string, in any letter case and in the encodings a target may echo it in: percent-encoded,
 * form-encoded, JSON- and HTML-escaped, base64 and base64url at any alignment), and by shape (the
 * password of any `scheme://user:password@` in a text).
 */
import type { Exchange } from './exchange.js';

const SECRET_NAME = /(authorization|cookie|token|api[-_]?key|apikey|secret|password|passwd|credential|session|x-auth)/i;
export const REDACTED = '[REDACTED]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** `scheme://user:password@`: the password part of a URL's userinfo. */
const USERINFO_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:'"]*:)([^\s/?#@'"]+)@/gi;

/** Shortest secret redacted by value: shorter values would match ordinary text. */
const MIN_SECRET = 4;

/**
 * The stable middle of `value`'s base64 encoding when it starts at byte offset 0, 1 or 2 of a
 * longer encoded string: the characters that do not depend on the bytes around it. A secret
 * echoed inside any base64 text (`Basic base64(user:token)`) contains one of these.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const skip = offset === 0 ? 0 : Math.ceil((offset * 8) / 6);
    const keep = Math.floor((padded.length * 8) / 6);
    const std = padded.toString('base64').slice(skip, keep);
    if (std.length >= MIN_SECRET) out.push(std, std.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** Every form of a secret a target may echo it in. */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>([value]);
  const pct = encodeURIComponent(value);
  forms.add(pct);
  forms.add(pct.replace(/%20/g, '+'));
  forms.add(encodeURI(value));
  forms.add(value.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  forms.add(JSON.stringify(value).slice(1, -1));
  forms.add(JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/'));
  forms.add(value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
  for (const b of base64Forms(value)) forms.add(b);
  return [...forms];
}

export class Redactor {
  private readonly values: string[];
  private readonly pattern: RegExp | undefined;

  /** `env` is scanned for variables whose names look secret and for URL passwords; `extra` are more values to hide. */
  constructor(env: Record<string, string | undefined>, extra: string[] = []) {
    const vals = new Set<string>(extra);
    for (const [k, v] of Object.entries(env)) {
      if (!v) continue;
      if (isSecretName(k) || /_TOKEN|_KEY|_PASS/i.test(k)) vals.add(v);
      for (const m of v.matchAll(USERINFO_PASSWORD)) {
        vals.add(m[2]!);
        try { vals.add(decodeURIComponent(m[2]!)); } catch { /* not percent-encoded */ }
      }
    }
    const forms = new Set([...vals].filter((v) => v.length >= MIN_SECRET).flatMap(encodedForms).filter((v) => v.length >= MIN_SECRET));
    // longest first, so a secret containing another is replaced whole
    this.values = [...forms].sort((a, b) => b.length - a.length);
    // case-insensitive: a target may echo a secret upper- or lower-cased (or hex digits in either case)
    this.pattern = this.values.length ? new RegExp(this.values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : undefined;
  }

  text(s: string): string {
    const out = this.pattern ? s.replace(this.pattern, REDACTED) : s;
    return out.replace(USERINFO_PASSWORD, `$1${REDACTED}@`);
  }

  headers(h: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) out[k] = isSecretName(k) ? REDACTED : this.text(v);
    return out;
  }

  /** A copy of an exchange with every secret removed: what checks judge and reports show. */
  exchange(x: Exchange): Exchange {
    return { ...x, headers: this.headers(x.headers), body: this.json(x.body), text: this.text(x.text) };
  }

  /** Deep copy of a JSON value with secret-named fields and secret values replaced. */
  json<T>(v: T): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.json(x)) as T;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = isSecretName(k) && typeof x === 'string' ? REDACTED : this.json(x);
      return out as T;
    }
    return v;
  }
}
