// Filter state, kept in the URL hash (#api=cmix&outcome=violation,error&q=text) so a filtered
// view can be bookmarked and survives a reload.
import { OUTCOME } from './util.js';

export const state = { api: '', outcomes: new Set(), q: '' };

export function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.api = p.get('api') ?? '';
  state.outcomes = new Set((p.get('outcome') ?? '').split(',').filter((o) => OUTCOME[o]));
  state.q = p.get('q') ?? '';
}

export function writeHash() {
  const p = new URLSearchParams();
  if (state.api) p.set('api', state.api);
  if (state.outcomes.size) p.set('outcome', [...state.outcomes].join(','));
  if (state.q) p.set('q', state.q);
  const h = p.toString();
  history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
}

/** Lower-cased text a free-text search looks at, built once per entry. */
export function searchText(e) {
  const parts = [e.id, e.title, e.reason, e.statusText, e.strength, e.doc?.quote, e.doc?.url, e.source];
  for (const v of e.violations ?? []) parts.push(v.check, v.pointer, v.message);
  if (e.basis) parts.push(e.basis.kind + ' recipe', ...e.basis.assumes);
  return parts.filter(Boolean).join('\n').toLowerCase();
}

export function matches(e) {
  if (state.api && e.api !== state.api) return false;
  if (state.outcomes.size && !state.outcomes.has(e.outcome)) return false;
  if (state.q.trim() && !e._text.includes(state.q.trim().toLowerCase())) return false;
  return true;
}
