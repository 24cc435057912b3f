/**
 * Known deviations per environment: `env/<name>.expectations.yaml`, keyed by entry id, each with
 * a reason and a link and optionally an expiry date. Unknown ids and expired entries are errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { CatalogError, type CatalogIssue } from '../catalog/issues.js';
import { envDir } from '../env.js';

export interface Expectation { reason: string; link: string; expires?: string }

export function expectationsFile(envName: string): string {
  return resolve(envDir(), `${envName}.expectations.yaml`);
}

export function loadExpectations(envName: string, knownIds: Set<string>, today = new Date()): Map<string, Expectation> {
  const file = expectationsFile(envName);
  const out = new Map<string, Expectation>();
  if (!existsSync(file)) return out;
  const label = `env/${envName}.expectations.yaml`;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true });
  const issues: CatalogIssue[] = doc.errors.slice(0, 5).map((e) => ({ file: label, ...lines.linePos(e.pos[0]), message: `YAML syntax: ${e.message.split('\n')[0]}` }));
  const data = issues.length ? {} : (doc.toJS() as Record<string, unknown> | null) ?? {};
  // Point at the entry's key: that is the line a person edits.
  const pos = (key: string): { line: number; col: number } => {
    const map = doc.contents;
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? lines.linePos(range[0]) : { line: 1, col: 1 };
  };
  for (const [id, raw] of Object.entries(data)) {
    const v = raw as Partial<Expectation> & Record<string, unknown>;
    const at = pos(id);
    const bad = (message: string): void => { issues.push({ file: label, ...at, message: `${id}: ${message}` }); };
    if (!knownIds.has(id)) { bad('no catalog entry has this id'); continue; }
    if (!v || typeof v !== 'object') { bad('must be a mapping with reason and link'); continue; }
    const extra = Object.keys(v).filter((k) => !['reason', 'link', 'expires'].includes(k));
    if (extra.length) bad(`unknown key(s) ${extra.join(', ')} (allowed: reason, link, expires)`);
    if (typeof v.reason !== 'string' || !v.reason.trim()) bad('reason is required');
    if (typeof v.link !== 'string' || !/^https?:\/\//.test(v.link)) bad('link is required (an http(s) URL)');
    const rawExpires: unknown = v.expires;
    const expires = rawExpires instanceof Date ? rawExpires.toISOString().slice(0, 10) : rawExpires;
    if (expires !== undefined) {
      if (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires)) bad('expires must be a date YYYY-MM-DD');
      else if (expires < today.toISOString().slice(0, 10)) bad(`expired on ${expires}: fix the deviation or renew the expectation`);
    }
    out.set(id, { reason: String(v.reason), link: String(v.link), ...(typeof expires === 'string' ? { expires } : {}) });
  }
  if (issues.length) throw new CatalogError(issues);
  return out;
}
