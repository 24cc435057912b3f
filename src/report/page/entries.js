// The entry list: per API, the entries that need a reader first (violations, errors, ...). Only
// the first PAGE matching rows are in the DOM ("show more" adds the next ones), and an entry's
// body is rendered when first opened: 10,000 entries stay cheap to load and to filter.
import { $, badge, basisBadge, dateHtml, esc, OUTCOMES, strengthBadge } from './util.js';

export const PAGE = 200;
const SEVERITY = Object.fromEntries(OUTCOMES.map((o, i) => [o.key, i]));
export const list = { order: [], limit: PAGE, shown: [] };

function oneLine(e) {
  const v = e.violations?.[0];
  const text = v ? v.message + (e.violations.length > 1 ? ' (+' + (e.violations.length - 1) + ' more)' : '') : e.reason ?? '';
  return text.length > 160 ? text.slice(0, 157) + '…' : text;
}

/** The strength a row shows: what was violated (the strongest), otherwise the entry's own. */
export function shownStrength(e) {
  const vs = e.violations ?? [];
  if (!vs.length) return e.strength;
  return vs.some((v) => v.strength === 'must') ? 'must' : 'should';
}

/** "failing since <date> (n runs)" or "fixed on <date>", from the run history. */
export function historyHtml(e) {
  const h = e.history;
  if (!h) return '';
  if (h.failingSince) return '<span class="since fail">failing since ' + dateHtml(h.failingSince) + ' (' + h.runs + ' run' + (h.runs === 1 ? '' : 's') + ')</span>';
  if (h.fixedOn) return '<span class="since fixed">fixed on ' + dateHtml(h.fixedOn) + '</span>';
  return '';
}

/** Display order, computed once: APIs as in the report, then severity, then catalog order. */
export function entryOrder(data) {
  const apiRank = new Map(Object.keys(data.apis).map((a, i) => [a, i]));
  return data.entries.map((_, i) => i).sort((a, b) => {
    const x = data.entries[a], y = data.entries[b];
    return (apiRank.get(x.api) ?? 1e9) - (apiRank.get(y.api) ?? 1e9) || SEVERITY[x.outcome] - SEVERITY[y.outcome] || a - b;
  });
}

export function entryRow(e, i) {
  return '<details class="entry o-' + esc(e.outcome) + '" id="entry-' + i + '" data-idx="' + i + '"><summary>'
    + badge(e.outcome) + '<code class="id">' + esc(e.id) + '</code><span class="title">' + esc(e.title) + '</span>'
    + '<span class="st">' + esc(e.statusText) + '</span>' + strengthBadge(shownStrength(e))
    + '<span class="why">' + historyHtml(e) + (e.basis && e.basis.kind !== 'documented' ? basisBadge(e.basis.kind) : '') + esc(oneLine(e)) + '</span></summary></details>';
}

/** Renders the first `list.limit` entries of those the filter lets through (`visible[i]`). */
export function renderEntries(data, visible) {
  const matching = list.order.filter((i) => visible[i]);
  list.shown = matching.slice(0, list.limit);
  const html = [];
  let api;
  for (const i of list.shown) {
    const e = data.entries[i];
    if (e.api !== api) {
      if (api !== undefined) html.push('</section>');
      api = e.api;
      html.push('<section class="e-api" data-api="' + esc(api) + '"><h3>' + esc(api) + '</h3>');
    }
    html.push(entryRow(e, i));
  }
  if (api !== undefined) html.push('</section>');
  const rest = matching.length - list.shown.length;
  if (rest > 0) html.push('<p class="more"><button type="button" id="more">Show ' + Math.min(PAGE, rest) + ' more</button> <span class="muted">' + rest + ' matching entries not shown yet</span></p>');
  $('#entries').innerHTML = html.join('');
  return matching;
}
