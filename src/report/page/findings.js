// Defects of the documentation itself, recorded in the catalogs.
import { $, esc } from './util.js';
import { state } from './state.js';

/** `idxById` maps an entry id to its index, so a finding's entries open where they are listed. */
export function renderFindings(data, idxById) {
  const rows = data.docFindings.map((f, i) => '<tr data-finding="' + i + '"><td>' + esc(f.api) + '</td><td><code>' + esc(f.id) + '</code></td><td>' + esc(f.kind) + '</td><td>'
    + (f.entries ?? []).map((id) => idxById.has(id) ? '<button type="button" class="link open-entry" data-id="' + esc(id) + '">' + esc(id) + '</button>' : '<code>' + esc(id) + '</code>').join(' ')
    + '</td><td>' + esc(f.text) + '</td></tr>').join('');
  $('#findings').innerHTML = data.docFindings.length
    ? '<div class="table-wrap"><table class="findings"><thead><tr><th scope="col">API</th><th scope="col">finding</th><th scope="col">kind</th><th scope="col">entries</th><th scope="col">what is wrong</th></tr></thead><tbody>' + rows + '</tbody></table></div>'
    : '<p class="muted">No doc findings recorded.</p>';
}

export function filterFindings(data) {
  const q = state.q.trim().toLowerCase();
  let shown = 0;
  for (const tr of document.querySelectorAll('#findings tr[data-finding]')) {
    const f = data.docFindings[Number(tr.dataset.finding)];
    const ok = (!state.api || f.api === state.api) && (!q || [f.id, f.kind, f.text, ...(f.entries ?? [])].join('\n').toLowerCase().includes(q));
    tr.hidden = !ok;
    if (ok) shown++;
  }
  const n = $('#findings-n');
  if (n) n.textContent = String(shown);
}
