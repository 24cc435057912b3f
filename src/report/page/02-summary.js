// "At a glance": one row per API and a total row; every non-zero count filters the page.
const SUMMARY_COLUMNS = ['conformant', 'violation', 'unprovokable', 'not-configured', 'known-deviation', 'unexpected-pass', 'error'];

function renderSummary(data) {
  const rows = Object.entries(data.apis).map(([api, s]) => summaryRow(api, api, s));
  rows.push(summaryRow('', 'all APIs', data.summary));
  const head = SUMMARY_COLUMNS.map((k) => '<th scope="col">' + badge(k) + '</th>').join('');
  $('#summary').innerHTML = '<table class="summary"><caption class="sr-only">Entries per API and outcome</caption>'
    + '<thead><tr><th scope="col">API</th><th scope="col">entries</th>' + head + '<th scope="col">distribution</th></tr></thead>'
    + '<tbody>' + rows.join('') + '</tbody></table>';
  // Bar widths go through the CSSOM: the page's CSP forbids inline style attributes.
  for (const seg of document.querySelectorAll('#summary .seg')) seg.style.flexGrow = seg.dataset.n;
}

function summaryRow(api, label, s) {
  const cells = SUMMARY_COLUMNS.map((k) => countCell(api, k, s[OUTCOME[k].sum]));
  const bar = SUMMARY_COLUMNS.filter((k) => s[OUTCOME[k].sum] > 0)
    .map((k) => '<span class="seg o-' + k + '" data-n="' + s[OUTCOME[k].sum] + '" title="' + esc(OUTCOME[k].label + ': ' + s[OUTCOME[k].sum]) + '"></span>').join('');
  const cls = api ? '' : ' class="total"';
  return '<tr' + cls + ' data-api="' + esc(api) + '"><th scope="row">' + esc(label) + '</th>'
    + '<td class="num" data-outcome="entries" data-count="' + s.entries + '">' + countButton(api, '', s.entries) + '</td>'
    + cells.join('') + '<td><span class="bar" aria-hidden="true">' + bar + '</span></td></tr>';
}

function countCell(api, outcome, n) {
  const hot = n > 0 && ['violation', 'error', 'unexpected-pass'].includes(outcome) ? ' hot o-' + outcome : '';
  return '<td class="num' + hot + '" data-outcome="' + outcome + '" data-count="' + n + '">' + (n ? countButton(api, outcome, n) : '<span class="zero">0</span>') + '</td>';
}

function countButton(api, outcome, n) {
  const what = (outcome ? OUTCOME[outcome].label : 'all') + (api ? ' in ' + api : '');
  return '<button type="button" class="count" data-api="' + esc(api) + '" data-filter-outcome="' + outcome + '" aria-label="show ' + esc(what) + ' (' + n + ')">' + n + '</button>';
}

function renderMeta(data) {
  const s = data.summary;
  const bad = s.violation + s.error;
  const verdict = bad
    ? '<strong class="verdict o-violation">' + plural(s.violation, 'violation') + ', ' + plural(s.error, 'error') + '</strong>'
    : '<strong class="verdict o-conformant">no violations, no errors</strong>';
  const targets = Object.entries(data.target).map(([api, url]) => '<li><span class="api">' + esc(api) + '</span> <code>' + esc(url) + '</code></li>').join('');
  $('#meta').innerHTML = '<p>' + verdict + ' in ' + plural(s.entries, 'entry', 'entries') + ' · environment <strong>' + esc(data.environment) + '</strong>'
    + ' · started ' + esc(data.startedAt) + ' · ' + esc((data.durationMs / 1000).toFixed(1)) + ' s</p>'
    + (targets ? '<details class="targets"><summary>Targets</summary><ul>' + targets + '</ul></details>' : '');
}
