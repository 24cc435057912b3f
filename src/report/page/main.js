// Start-up: parse the embedded data, render every section once, wire the events. Timings are kept
// on <html data-render-ms data-ready-ms> (after a forced layout, so they include it) for the
// benchmark and the browser test.
import { $ } from './util.js';
import { readHash, searchText, state, writeHash } from './state.js';
import { renderMeta, renderSummary } from './summary.js';
import { renderBaseline } from './baseline.js';
import { renderTrend } from './trend.js';
import { renderMatrix } from './matrix.js';
import { entryOrder, list, PAGE, renderEntries } from './entries.js';
import { copyText, renderDetail } from './details.js';
import { renderFindings } from './findings.js';
import { applyFilter, renderFilters, syncControls } from './filters.js';
const t0 = performance.now();
const data = JSON.parse($('#faultline-data').textContent);
const byId = new Map(data.entries.map((e) => [e.id, e]));
const idxById = new Map(data.entries.map((e, i) => [e.id, i]));
for (const e of data.entries) e._text = searchText(e);
list.order = entryOrder(data);

renderMeta(data);
renderBaseline(data, byId);
renderTrend(data);
renderSummary(data);
renderFilters(data);
renderMatrix(data);
renderFindings(data, idxById);

const tiles = [];
for (const t of document.querySelectorAll('#matrix .tile')) tiles[Number(t.dataset.idx)] = t;
const visible = new Uint8Array(data.entries.length);
function refresh() {
  list.limit = PAGE;
  applyFilter(data, tiles, visible);
}
readHash();
syncControls();
refresh();

function ensureDetail(row) {
  if (row.dataset.rendered) return;
  row.insertAdjacentHTML('beforeend', renderDetail(data.entries[Number(row.dataset.idx)]));
  row.dataset.rendered = 'true';
}

function openEntry(i) {
  if (i === undefined) return;
  if (!visible[i]) { state.api = ''; state.outcomes.clear(); state.q = ''; writeHash(); syncControls(); refresh(); }
  let row = document.getElementById('entry-' + i);
  if (!row) {
    // Beyond the rows shown so far: show up to it.
    list.limit = list.order.filter((j) => visible[j]).indexOf(i) + 1;
    renderEntries(data, visible);
    row = document.getElementById('entry-' + i);
  }
  ensureDetail(row);
  row.open = true;
  row.scrollIntoView({ block: 'start' });
  row.querySelector('summary').focus();
}

function setFilter(change) {
  Object.assign(state, change);
  writeHash();
  syncControls();
  refresh();
}

// <details> toggle does not bubble: listen in the capture phase.
$('#entries').addEventListener('toggle', (ev) => { if (ev.target.classList?.contains('entry') && ev.target.open) ensureDetail(ev.target); }, true);
document.addEventListener('click', (ev) => {
  const el = ev.target.closest('button');
  if (!el) return;
  if (el.classList.contains('tile')) openEntry(Number(el.dataset.idx));
  else if (el.classList.contains('open-entry')) openEntry(idxById.get(el.dataset.id));
  else if (el.classList.contains('copy')) copyText(el);
  else if (el.classList.contains('count')) {
    setFilter({ api: el.dataset.api, outcomes: new Set(el.dataset.filterOutcome ? [el.dataset.filterOutcome] : []), q: '' });
    $('#matrix-s').scrollIntoView({ block: 'start' });
  } else if (el.id === 'more') {
    list.limit += PAGE;
    renderEntries(data, visible);
  } else if (el.id === 'f-reset') setFilter({ api: '', outcomes: new Set(), q: '' });
});
$('#filters').addEventListener('change', (ev) => {
  if (ev.target.id === 'f-api') setFilter({ api: ev.target.value });
  else if (ev.target.name === 'outcome') setFilter({ outcomes: new Set([...document.querySelectorAll('#filters input[name=outcome]:checked')].map((b) => b.value)) });
});
let typing;
$('#filters').addEventListener('input', (ev) => {
  if (ev.target.id !== 'f-q') return;
  clearTimeout(typing);
  typing = setTimeout(() => setFilter({ q: ev.target.value }), 120);
});
window.addEventListener('hashchange', () => { readHash(); syncControls(); refresh(); });

void document.body.offsetHeight;
document.documentElement.dataset.renderMs = (performance.now() - t0).toFixed(1);
document.documentElement.dataset.readyMs = performance.now().toFixed(1);
document.documentElement.dataset.ready = 'true';
