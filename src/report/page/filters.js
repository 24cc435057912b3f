// Filter controls (API, outcomes, free text) and applying them to matrix, list and findings.
import { $, esc, OUTCOMES } from './util.js';
import { matches, state } from './state.js';
import { renderEntries } from './entries.js';
import { filterFindings } from './findings.js';

export function renderFilters(data) {
  const apis = Object.keys(data.apis).map((a) => '<option value="' + esc(a) + '">' + esc(a) + '</option>').join('');
  const boxes = OUTCOMES.map((o) => '<label class="chk badge o-' + o.key + '"><input type="checkbox" name="outcome" value="' + o.key + '"><span aria-hidden="true">' + o.icon + '</span> '
    + esc(o.label) + ' <span class="n">' + (data.summary[o.sum] ?? 0) + '</span></label>').join('');
  $('#filters').innerHTML = '<label>API <select id="f-api"><option value="">all</option>' + apis + '</select></label>'
    + '<label class="f-text">Text <input type="search" id="f-q" placeholder="id, title, check, message, quote, assumed recipe" autocomplete="off"></label>'
    + '<button type="button" id="f-reset">Clear filters</button><p id="f-count" role="status" aria-live="polite"></p>'
    + '<fieldset class="f-outcomes"><legend>Outcome</legend>' + boxes + '</fieldset>';
}

export function syncControls() {
  $('#f-api').value = state.api;
  for (const box of document.querySelectorAll('#filters input[name=outcome]')) box.checked = state.outcomes.has(box.value);
  if ($('#f-q').value !== state.q) $('#f-q').value = state.q;
}

/** Applies the filter to the matrix (hides tiles), the list (re-rendered) and the findings. */
export function applyFilter(data, tiles, visible) {
  let shown = 0;
  data.entries.forEach((e, i) => {
    const ok = matches(e);
    visible[i] = ok ? 1 : 0;
    if (tiles[i].hidden === ok) tiles[i].hidden = !ok;
    if (ok) shown++;
  });
  for (const tr of document.querySelectorAll('#matrix .m-row')) tr.hidden = !tr.querySelector('.tile:not([hidden])');
  for (const s of document.querySelectorAll('#matrix .m-api')) s.hidden = !s.querySelector('.m-row:not([hidden])');
  renderEntries(data, visible);
  const filtered = state.api || state.outcomes.size || state.q;
  $('#f-count').textContent = filtered ? 'showing ' + shown + ' of ' + data.entries.length + ' entries' : 'showing all ' + data.entries.length + ' entries';
  $('#f-count').dataset.shown = String(shown);
  $('#no-match').hidden = shown > 0;
  filterFindings(data);
}
