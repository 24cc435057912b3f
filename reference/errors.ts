/**
 * Builds an error response from its catalog entry, so the reference target answers every
 * documented error exactly as documented: one source of truth for status, headers and body.
 * Handlers decide *when* an error applies; this module decides *what* it looks like.
 */
import type { Entry, Json, LoadedCatalog } from '../src/catalog/types.js';
import type { ApiError, RefResponse } from './http.js';

export class EntryIndex {
  private readonly byId = new Map<string, Entry>();
  private readonly examples = new Map<string, Record<string, Json>>();

  constructor(catalogs: LoadedCatalog[]) {
    for (const c of catalogs) for (const e of c.entries) {
      this.byId.set(e.id, e);
      const ex = parseExample(e.example);
      if (ex) this.examples.set(e.id, ex);
    }
  }

  entry(id: string): Entry {
    const e = this.byId.get(id);
    if (!e) throw new Error(`reference target bug: no catalog entry ${id}`);
    return e;
  }

  respond(err: ApiError): RefResponse {
    const e = this.entry(err.entryId);
    const status = err.status ?? e.status.sample;
    const headers: Record<string, string> = {};
    for (const rule of e.headers ?? []) {
      const given = err.headers[rule.name];
      if (given !== undefined) headers[rule.name] = given;
      else if (rule.equals !== undefined) headers[rule.name] = rule.equals;
      else if (rule.challenge !== undefined && rule.challenge !== 'auth') headers[rule.name] = rule.challenge;
      else throw new Error(`reference target bug: ${e.id} needs a value for header ${rule.name}`);
    }
    for (const [k, v] of Object.entries(err.headers)) headers[k] ??= v;
    const body = e.body;
    switch (body.kind) {
      case 'json': {
        const doc: Record<string, Json> = { ...(this.examples.get(e.id) ?? {}), ...(body.const ?? {}), ...err.fields };
        return { status, headers, body: doc, contentType: e.contentType?.type ?? 'application/json' };
      }
      case 'text': {
        const text = typeof err.fields.text === 'string' ? err.fields.text : body.equals ?? '';
        return { status, headers, body: text, contentType: e.contentType?.type ?? 'text/plain; charset=utf-8' };
      }
      case 'empty':
        return { status, headers };
      case 'undocumented': {
        const text = typeof err.fields.text === 'string' ? err.fields.text : undefined;
        return text === undefined ? { status, headers } : { status, headers, body: text, contentType: 'text/plain; charset=utf-8' };
      }
    }
  }
}

function parseExample(text: string | undefined): Record<string, Json> | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Json;
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined; // an invalid example is a doc finding; the handler supplies the fields
  }
}
