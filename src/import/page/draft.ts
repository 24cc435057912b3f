/**
 * Turns what the finder found into a draft catalog in the current catalog format: one entry per
 * row, the quote and example verbatim, status `must` where the page states it and `should` with
 * a basis where it does not, a body contract inferred from the examples, recipes left to write,
 * and the detected doc findings. `writeDraft` never replaces a file unless asked, and writes
 * through a temporary file so a reader never sees half a catalog.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Document, isCollection } from 'yaml';
import type { Found, Row } from './find.js';
import type { Finding } from './findings/index.js';
import { slug as slugOf } from './model.js';
import { CODE_KEYS, exampleKeys, exampleMember, isObject, parseExample, type Status } from './text.js';
import { factorDefaults } from '../../catalog/factor.js';
import type { CatalogFile } from '../../catalog/types.js';

export const DRAFT_RECIPE = 'draft: write a recipe';

export interface DraftOptions {
  api: string;
  /** The page's public address, if known (entries then link to it plus `#anchor`). */
  url: string | undefined;
  /** The capture's path as the catalog names it: relative to where the catalog is written. */
  capture: string;
  title: string | undefined;
}

export interface DraftEntry { row: Row; id: string; value: Record<string, unknown> }

export interface Draft {
  catalog: Record<string, unknown>;
  entries: DraftEntry[];
  yaml: string;
}

export function buildDraft(found: Found, findings: Finding[], opts: DraftOptions): Draft {
  const api = opts.api;
  const envVar = api.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const examples = [...found.rows.map((r) => r.example), ...found.pageExamples].filter((e): e is string => e !== undefined);
  const jsonPage = examples.some((e) => exampleKeys(e).length > 0) || found.rows.some((r) => r.hasBody === true);
  const unstated = unstatedStatus(found);
  const ids = new Set<string>();
  const entries: DraftEntry[] = found.rows.map((row) => {
    const id = uniqueId(api, row, ids);
    const stated = row.status !== undefined;
    const quote = row.quote || row.heading || row.statusText || '(no text)';
    const e: Record<string, unknown> = {
      id,
      title: titleOf(row),
      doc: row.anchor ? { anchor: row.anchor, quote } : { quote },
      status: row.status ?? unstated.status,
      strength: stated ? 'must' : 'should',
    };
    if (!stated) e['statusBasis'] = unstated.basis;
    if (row.headers.length) e['headers'] = row.headers.map((h) => ({ name: h.name, ...(h.equals !== undefined ? { equals: h.equals } : {}), strength: 'must', basis: h.basis }));
    const body = bodyOf(row, jsonPage);
    if (body['kind'] === 'json') {
      e['contentType'] = found.mediaType
        ? { type: found.mediaType.type, strength: 'must', basis: found.mediaType.basis }
        : { type: 'application/json', strength: 'should', basis: 'The examples are JSON; the page names no media type.' };
    }
    e['body'] = body;
    if (row.example !== undefined) e['example'] = row.example;
    e['unprovokable'] = DRAFT_RECIPE;
    return { row, id, value: e };
  });
  const idOf = new Map(entries.map((d) => [d.row, d.id]));
  const catalog: Record<string, unknown> = {
    api,
    title: opts.title ?? api,
    baseUrlVar: `${envVar}_BASE_URL`,
    page: { ...(opts.url ? { url: opts.url } : {}), capture: opts.capture, title: opts.title ?? api },
    auth: { header: 'Authorization', format: 'Bearer {token}' },
    identities: { default: { env: `${envVar}_TOKEN`, description: 'draft: describe the identity whose token the recipes send' } },
    defaultIdentity: 'default',
    envelopes: { error: envelopeOf(examples) },
    entries: entries.map((d) => d.value),
  };
  if (findings.length) {
    catalog['docFindings'] = findings.map((f) => {
      const refs = f.rows.map((r) => idOf.get(r)).filter((x): x is string => x !== undefined);
      return { id: `${api}/${f.slug}`, kind: f.kind, ...(refs.length ? { entries: refs } : {}), text: f.text };
    });
  }
  // what every entry shares, written once (the entries in the returned draft stay complete)
  const doc = new Document(factorDefaults(catalog as unknown as CatalogFile), { aliasDuplicateObjects: false });
  // Small maps and lists on one line, as the hand-made catalogs write them.
  for (const key of ['contentType', 'body', 'doc']) {
    const node = doc.getIn(['defaults', key], true);
    if (isCollection(node)) node.flow = true;
  }
  entries.forEach((_, i) => {
    for (const key of ['contentType', 'body', 'status']) {
      const node = doc.getIn(['entries', i, key], true);
      if (isCollection(node)) node.flow = true;
    }
  });
  (catalog['docFindings'] as unknown[] | undefined)?.forEach((_, i) => {
    const node = doc.getIn(['docFindings', i, 'entries'], true);
    if (isCollection(node)) node.flow = true;
  });
  doc.commentBefore = [
    ` Draft catalog imported from ${basename(opts.capture)} by \`faultline import page\`.`,
    ' Quotes and examples are the page\'s own; statuses marked strength: should are not stated by the page.',
    ` Still to do by hand: auth, identities, recipes (every entry says unprovokable: "${DRAFT_RECIPE}").`,
  ].join('\n');
  return { catalog, entries, yaml: doc.toString({ lineWidth: 0 }) };
}

function uniqueId(api: string, row: Row, taken: Set<string>): string {
  const reason = row.reason ? slugOf(row.reason) : '';
  const statusPart = row.status === undefined ? '' : [Array.isArray(row.status) ? row.status.join('-') : String(row.status), reason].filter(Boolean).join('-');
  const base = row.code ?? statusPart;
  let part = (base || slugOf(row.quote.split(' ').slice(0, 6).join(' ')) || `row-${row.order + 1}`).replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 80) || `row-${row.order + 1}`;
  if (taken.has(`${api}/${part}`)) { let n = 2; while (taken.has(`${api}/${part}-${n}`)) n++; part = `${part}-${n}`; }
  const id = `${api}/${part}`;
  taken.add(id);
  return id;
}

function titleOf(row: Row): string {
  if (row.code && row.exampleTitle) return `${row.code}: ${row.exampleTitle}`;
  if (row.code) return row.code;
  if (row.statusText) return row.reason ? `${String(row.status)} ${row.reason}` : row.statusText;
  const q = row.quote || row.heading || 'row';
  return q.length > 70 ? `${q.slice(0, 67)}...` : q;
}

function unstatedStatus(found: Found): { status: Status; basis: string } {
  const listed = [...new Set(found.context.map((r) => r.status).filter((s): s is number => typeof s === 'number'))].sort();
  if (listed.length) return { status: listed.length === 1 ? listed[0]! : listed, basis: `draft: the page maps no status to this row; these are the statuses it lists (${found.context.map((r) => r.statusText).join(', ')}). Choose one.` };
  return { status: '4xx', basis: 'draft: the page states no status for this row. Choose one.' };
}

function bodyOf(row: Row, jsonPage: boolean): Record<string, unknown> {
  if (row.hasBody === false) return { kind: 'undocumented', basis: 'The page marks this status as having no error response body.' };
  if (row.example !== undefined) {
    const keys = exampleKeys(row.example);
    if (keys.length) {
      const consts: Record<string, unknown> = {};
      for (const k of CODE_KEYS) {
        const v = exampleMember(row.example, k);
        if (typeof v === 'string' && /^[\w.-]+$/.test(v)) { consts[k] = v; break; }
      }
      const shown = exampleMember(row.example, 'status');
      if (typeof shown === 'number' && shown === row.status) consts['status'] = shown;
      return { kind: 'json', envelope: 'error', ...(Object.keys(consts).length ? { const: consts } : {}), required: keys };
    }
    return { kind: 'text', equals: row.example };
  }
  if (jsonPage) return { kind: 'json', envelope: 'error' };
  return { kind: 'undocumented', basis: 'The page shows no body for this error.' };
}

/** One envelope for the page: members every example has are required; types from the first example that shows them. */
function envelopeOf(examples: string[]): Record<string, unknown> {
  const objects = examples.map((e) => ({ keys: exampleKeys(e), value: parseExample(e)?.value })).filter((o) => o.keys.length > 0);
  if (!objects.length) return { type: 'object', description: 'draft: the page shows no error body' };
  const required = objects[0]!.keys.filter((k) => objects.every((o) => o.keys.includes(k)));
  const properties: Record<string, unknown> = {};
  for (const o of objects) for (const k of o.keys) {
    if (k in properties) continue;
    const v = isObject(o.value) ? o.value[k] : undefined;
    properties[k] = v === undefined ? {} : { type: Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v };
  }
  return { type: 'object', description: `draft: the members the page's ${objects.length} example(s) show`, required, properties };
}

/** Write `text` to `file` atomically; refuse to replace an existing file unless `force`. */
export function writeDraft(file: string, text: string, force: boolean): void {
  if (!force && existsSync(file)) throw new Error(`${file} already exists; pass --force to replace it`);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    if (force) renameSync(tmp, file);
    else {
      // link() fails if the name exists, so a file created meanwhile is never replaced.
      try { linkSync(tmp, file); } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${file} already exists; pass --force to replace it`);
        throw err;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
