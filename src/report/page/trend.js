// Trends across runs (nights): for the whole run and per API, one stacked bar per run of the
// history (oldest left, this run right), drawn as inline SVG: no library, no network. Each bar
// names its run and counts in a <title>, and the chart has a text alternative.
import { $, esc, OUTCOME } from './util.js';

/**
 * Bottom to top: what fails the run first, then what is accepted or stale. Conformant and
 * skipped entries are not drawn: against dozens of conformant entries a change of two failing
 * ones would be invisible. Each bar is labelled with its failing count.
 */
const STACK = ['violation', 'error', 'should-violation', 'unexpected-pass', 'known-deviation'];

function day(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function failing(s) {
  return (s?.violation ?? 0) + (s?.error ?? 0);
}

const n = (s, k) => s?.[OUTCOME[k].sum] ?? 0;

/** One chart, `w` × `h` in its own units (scaled uniformly, so text keeps its shape). */
export function chartSvg(points, label, w, h) {
  const max = Math.max(1, ...points.map((p) => STACK.reduce((t, k) => t + n(p.summary, k), 0)));
  const top = 16, bottom = 16;
  const plot = h - top - bottom;
  const slot = w / Math.max(points.length, 1);
  const bw = Math.max(3, Math.min(56, slot * 0.6));
  const bars = points.map((p, i) => {
    const x = i * slot + (slot - bw) / 2;
    const s = p.summary;
    const counts = s ? STACK.filter((k) => n(s, k)).map((k) => n(s, k) + ' ' + OUTCOME[k].label).join(', ') || 'nothing failing' : 'not run';
    const title = day(p.startedAt) + (p.current ? ' (this run)' : '') + ': ' + counts + (s ? ' of ' + s.entries + ' entries' : '');
    let y = top + plot;
    const segs = STACK.filter((k) => n(s, k) > 0).map((k) => {
      const hh = (n(s, k) / max) * plot;
      y -= hh;
      return '<rect class="t-' + k + '" x="' + x.toFixed(1) + '" y="' + y.toFixed(1) + '" width="' + bw.toFixed(1) + '" height="' + hh.toFixed(1) + '"/>';
    }).join('');
    const value = s ? '<text class="t-value" x="' + (x + bw / 2).toFixed(1) + '" y="' + (y - 3).toFixed(1) + '" text-anchor="middle">' + failing(s) + '</text>' : '';
    const date = '<text class="t-label" x="' + (x + bw / 2).toFixed(1) + '" y="' + (h - 3) + '" text-anchor="middle">' + esc(day(p.startedAt)) + '</text>';
    return '<g class="t-run' + (p.current ? ' t-current' : '') + '" data-run="' + i + '" data-failing="' + failing(s) + '" data-entries="' + (s?.entries ?? 0) + '"><title>' + esc(title) + '</title>'
      + segs + value + (points.length <= 14 || i === 0 || i === points.length - 1 ? date : '') + '</g>';
  }).join('');
  const axis = '<line class="t-axis" x1="0" x2="' + w + '" y1="' + (top + plot + 0.5) + '" y2="' + (top + plot + 0.5) + '"/>';
  const summary = points.map((p) => day(p.startedAt) + ' ' + failing(p.summary) + ' failing').join('; ');
  return '<svg class="trend" viewBox="0 0 ' + w + ' ' + h + '" role="img" aria-label="' + esc(label + ': ' + summary) + '">' + axis + bars + '</svg>';
}

export function renderTrend(data) {
  const box = $('#trend');
  const runs = data.trend ?? [];
  if (!box || runs.length < 2) return;
  const apis = Object.keys(data.apis);
  const last = runs[runs.length - 1];
  const prev = runs[runs.length - 2];
  const delta = failing(last.summary) - failing(prev.summary);
  const change = delta === 0 ? 'no change' : (delta > 0 ? '+' : '') + delta;
  const legend = STACK.map((k) => '<span class="t-key"><svg viewBox="0 0 10 10" aria-hidden="true"><rect class="t-' + k + '" width="10" height="10"/></svg>' + esc(OUTCOME[k].label) + '</span>').join('');
  const per = apis.map((api) => {
    const points = runs.map((r) => ({ startedAt: r.startedAt, current: r.current, summary: r.apis?.[api] }));
    const now = failing(last.apis?.[api]);
    return '<figure class="t-api" data-api="' + esc(api) + '"><figcaption><span class="api">' + esc(api) + '</span> <span class="muted">' + now + ' failing now</span></figcaption>' + chartSvg(points, api, 300, 100) + '</figure>';
  }).join('');
  box.innerHTML = '<h2 id="trend-h">Trend over the last ' + runs.length + ' runs</h2>'
    + '<p class="muted">MUST violations and errors now: <strong>' + failing(last.summary) + '</strong> (' + esc(change) + ' since ' + esc(day(prev.startedAt)) + '). One bar per complete run, oldest left; the number on a bar is its MUST violations and errors.</p>'
    + '<figure class="t-all" data-api=""><figcaption class="sr-only">all APIs</figcaption>' + chartSvg(runs.map((r) => ({ startedAt: r.startedAt, current: r.current, summary: r.summary })), 'all APIs', 900, 150) + '</figure>'
    + '<p class="t-legend">' + legend + '</p>'
    + '<div class="t-grid">' + per + '</div>';
  box.hidden = false;
}
