/** Turns a request template into a concrete request: substitution, credentials, body encoding. */
import { randomUUID } from 'node:crypto';
import type { Catalog, Json, RequestTemplate } from '../catalog/types.js';
import type { SentRequest } from '../target/sender.js';
import { parseTemplate } from '../catalog/template.js';

export interface Scope {
  env: Record<string, string | undefined>;
  captures: Record<string, string>;
  /** the `{{unique}}` value of this test */
  unique: string;
}

export function substitute(s: string, scope: Scope): string {
  let out = '';
  for (const p of parseTemplate(s)) {
    if ('lit' in p) out += p.lit;
    else if ('env' in p) out += scope.env[p.env] ?? '';
    else if ('capture' in p) {
      const v = scope.captures[p.capture];
      if (v === undefined) throw new Error(`{{${p.capture}}} was not captured`);
      out += v;
    } else if (p.builtin === 'unique') out += scope.unique;
    else if (p.builtin === 'uuid') out += randomUUID();
    else if (p.builtin === 'pad') out += 'x'.repeat(p.n);
  }
  return out;
}

function substituteJson(v: Json, scope: Scope): Json {
  if (typeof v === 'string') return substitute(v, scope);
  if (Array.isArray(v)) return v.map((x) => substituteJson(x, scope));
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) out[substitute(k, scope)] = substituteJson(x, scope);
    return out;
  }
  return v;
}

export function buildRequest(c: Catalog, t: RequestTemplate, scope: Scope): SentRequest {
  // env values arrive expanded by the env loader (src/env.ts), the one place `${VAR}` is resolved
  const base = (scope.env[t.base ?? c.baseUrlVar] ?? '').replace(/\/+$/, '');
  let url = base + substitute(t.path, scope);
  if (t.query && Object.keys(t.query).length) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(t.query)) q.append(substitute(k, scope), substitute(v, scope));
    url += (url.includes('?') ? '&' : '?') + q.toString();
  }
  const headers: Record<string, string> = {};
  const who = t.as ?? c.defaultIdentity;
  if (who !== 'none') {
    const token = scope.env[c.identities[who]!.env] ?? '';
    headers[c.auth.header] = c.auth.format.replace('{token}', token);
  }
  for (const [k, v] of Object.entries(t.headers ?? {})) headers[k] = substitute(v, scope);
  let body: string | undefined;
  if (t.json !== undefined) {
    body = JSON.stringify(substituteJson(t.json, scope));
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  } else if (t.body !== undefined) {
    body = substitute(t.body, scope);
  }
  return { method: t.method, url, headers, ...(body !== undefined ? { body } : {}) };
}
