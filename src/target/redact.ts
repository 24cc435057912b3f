/**
 * Redaction: secrets never reach a report, attachment, log or reproduction command. Two nets:
 * by name (headers and fields that carry credentials) and by value (every secret variable's value
 * from the env, wherever it shows up, even inside another string).
 */
import type { Exchange } from './exchange.js';

const SECRET_NAME = /(authorization|cookie|token|api[-_]?key|apikey|secret|password|passwd|credential|session|x-auth)/i;
export const REDACTED = '[REDACTED]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export class Redactor {
  private readonly values: string[];

  /** `env` is scanned for variables whose names look secret; `extra` are more values to hide. */
  constructor(env: Record<string, string | undefined>, extra: string[] = []) {
    const vals = new Set<string>(extra.filter((v) => v.length >= 4));
    for (const [k, v] of Object.entries(env)) {
      if (v && v.length >= 4 && (isSecretName(k) || /_TOKEN|_KEY|_PASS/i.test(k))) vals.add(v);
    }
    // longest first, so a secret containing another is replaced whole
    this.values = [...vals].sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
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
