/**
 * Deliberate deviations from the catalog, for self-tests: the reference target answers chosen
 * entries wrongly in chosen ways. Never on by default. One run carries any number of them:
 *   REFERENCE_DEVIATIONS='cmix/unauthorized=drop-header:WWW-Authenticate;cmix/not-found=status:400'
 * or the same as a JSON array [{"entry": "...", "kind": "...", "arg": "..."}].
 */
import type { Json } from '../src/catalog/types.js';
import type { RefResponse } from './http.js';

/**
 * Every kind of deviation, with the breach of contract it simulates (the deviation matrix's
 * column; test/selftest/plan.ts says which entries each applies to and which check must flag it).
 */
export const BREACH = {
  status: 'wrong status',
  'drop-header': 'header missing',
  header: 'header wrong',
  'content-type': 'content type',
  'drop-field': 'field missing',
  'rename-field': 'field renamed',
  'field-type': 'field type',
  'set-field': 'wrong code',
  'body-status': 'body status',
  html: 'html page',
  empty: 'empty body',
  'stack-trace': 'stack trace',
  'extra-field': 'extra field',
} as const;
export type DeviationKind = keyof typeof BREACH;
export const DEVIATION_KINDS = Object.keys(BREACH) as DeviationKind[];
export interface Deviation { entry: string; kind: DeviationKind; arg?: string }

export function parseDeviations(spec: string | undefined): Deviation[] {
  if (!spec || !spec.trim()) return [];
  const text = spec.trim();
  const list: Deviation[] = text.startsWith('[')
    ? (JSON.parse(text) as Deviation[])
    : text.split(';').filter(Boolean).map((part) => {
        const eq = part.indexOf('=');
        if (eq < 0) throw new Error(`deviation "${part}" must look like <entry id>=<kind>[:arg]`);
        const rest = part.slice(eq + 1);
        const colon = rest.indexOf(':');
        const kind = (colon < 0 ? rest : rest.slice(0, colon)) as DeviationKind;
        return { entry: part.slice(0, eq).trim(), kind, ...(colon < 0 ? {} : { arg: rest.slice(colon + 1) }) };
      });
  for (const d of list) {
    if (!DEVIATION_KINDS.includes(d.kind)) throw new Error(`deviation for ${d.entry}: unknown kind "${d.kind}" (known: ${DEVIATION_KINDS.join(', ')})`);
  }
  return list;
}

export function indexDeviations(list: Deviation[]): Map<string, Deviation[]> {
  const m = new Map<string, Deviation[]>();
  for (const d of list) m.set(d.entry, [...(m.get(d.entry) ?? []), d]);
  return m;
}

const STACK = 'Error: boom\n    at handle (/srv/app/src/handlers/errors.js:42:13)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';

export function applyDeviation(res: RefResponse, d: Deviation): RefResponse {
  const out: RefResponse = { ...res, headers: { ...(res.headers ?? {}) } };
  const headers = out.headers!;
  const obj = isObject(out.body) ? { ...out.body } : undefined;
  switch (d.kind) {
    case 'status':
      out.status = d.arg ? Number(d.arg) : res.status === 418 ? 400 : 418;
      break;
    case 'drop-header':
      for (const k of Object.keys(headers)) if (k.toLowerCase() === (d.arg ?? '').toLowerCase()) delete headers[k];
      break;
    case 'header': {
      const [name, ...value] = (d.arg ?? '').split('=');
      for (const k of Object.keys(headers)) if (k.toLowerCase() === name!.toLowerCase()) delete headers[k];
      headers[name!] = value.join('=');
      break;
    }
    case 'content-type':
      out.contentType = d.arg ?? 'text/plain';
      if (out.body !== undefined && typeof out.body !== 'string' && !Buffer.isBuffer(out.body)) out.body = JSON.stringify(out.body);
      break;
    case 'drop-field':
      if (obj) { delete obj[d.arg ?? '']; out.body = obj; }
      break;
    case 'rename-field': {
      const [from, to] = (d.arg ?? '').split('>');
      if (obj && from && to && from in obj) { obj[to] = obj[from]!; delete obj[from]; out.body = obj; }
      break;
    }
    case 'field-type':
      if (obj && d.arg && d.arg in obj) { obj[d.arg] = otherType(obj[d.arg]!); out.body = obj; }
      break;
    case 'set-field': {
      const eq = (d.arg ?? '').indexOf('=');
      if (obj && eq > 0) { obj[d.arg!.slice(0, eq)] = JSON.parse(d.arg!.slice(eq + 1)) as Json; out.body = obj; }
      break;
    }
    case 'body-status':
      if (obj) { obj.status = d.arg ? Number(d.arg) : res.status + 1; out.body = obj; }
      break;
    case 'html':
      out.contentType = 'text/html; charset=utf-8';
      out.body = `<!DOCTYPE html><html><head><title>Error</title></head><body><h1>${res.status} Error</h1><p>Something went wrong.</p></body></html>`;
      break;
    case 'empty':
      out.body = '';
      break;
    case 'stack-trace':
      if (obj) { obj.trace = STACK; out.body = obj; }
      else out.body = `${typeof out.body === 'string' ? out.body : ''}\n${STACK}`;
      break;
    case 'extra-field':
      if (obj) { obj.faultlineExtra = 'an undocumented extension member'; out.body = obj; }
      break;
  }
  return out;
}

function isObject(v: RefResponse['body']): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

function otherType(v: Json): Json {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'not-an-object';
}
