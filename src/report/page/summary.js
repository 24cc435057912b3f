// "At a glance": the verdict and what the run covered, one row per API and a total row; every
// non-zero count filters the page.
import { $, badge, esc, OUTCOME, plural, timeHtml } from './util.js';

const SUMMARY_COLUMNS = ['conformant', 'violation', 'should-violation', 'error', 'unprovokable', 'not-configured', 'known-deviation', 'unexpected-pass'];
const HOT = new Set(['violation', 'error', 'should-violation', 'unexpected-pass']);

export function renderSummary(data) {
  const rows = Object.entries(data.apis).map(([api, s]) => summaryRow(api, api, s));
  rows.push(summaryRow('', 'all APIs', data.summary));
  const head = SUMMARY_COLUMNS.map((k) => '<th scope="col">' + badge(k) + '</th>').join('');
  $('#summary').innerHTML = '<div class="table-wrap"><table class="summary"><caption class="sr-only">Entries per API and outcome</caption>'
    + '<thead><tr><th scope="col">API</th><th scope="col">entries</th>' + head + '<th scope="col" class="dist">distribution</th></tr></thead>'
    + '<tbody>' + rows.join('') + '</tbody></table></div>';
  // Bar widths go through the CSSOM: the page's CSP forbids inline style attributes.
  for (const seg of document.querySelectorAll('#summary .seg')) seg.style.flexGrow = seg.dataset.n;
}

function summaryRow(api, label, s) {
  const n = (k) => s[OUTCOME[k].sum] ?? 0;
  const cells = SUMMARY_COLUMNS.map((k) => countCell(api, k, n(k)));
  const bar = SUMMARY_COLUMNS.filter((k) => n(k) > 0)
    .map((k) => '<span class="seg o-' + k + '" data-n="' + n(k) + '" title="' + esc(OUTCOME[k].label + ': ' + n(k)) + '"></span>').join('');
  const cls = api ? '' : ' class="total"';
  return '<tr' + cls + ' data-api="' + esc(api) + '"><th scope="row">' + esc(label) + '</th>'
    + '<td class="num" data-outcome="entries" data-count="' + s.entries + '">' + countButton(api, '', s.entries) + '</td>'
    + cells.join('') + '<td class="dist"><span class="bar" aria-hidden="true">' + bar + '</span></td></tr>';
}

function countCell(api, outcome, n) {
  const hot = n > 0 && HOT.has(outcome) ? ' hot o-' + outcome : '';
  return '<td class="num' + hot + '" data-outcome="' + outcome + '" data-count="' + n + '">' + (n ? countButton(api, outcome, n) : '<span class="zero">0</span>') + '</td>';
}

function countButton(api, outcome, n) {
  const what = (outcome ? OUTCOME[outcome].label : 'all') + (api ? ' in ' + api : '');
  return '<button type="button" class="count" data-api="' + esc(api) + '" data-filter-outcome="' + outcome + '" aria-label="show ' + esc(what) + ' (' + n + ')">' + n + '</button>';
}

/** The headline: passed or failed and why, what the run covered, when, where. */
export function renderMeta(data) {
  const s = data.summary;
  const v = data.verdict;
  const run = data.run;
  const result = v?.result ?? (s.violation + s.error ? 'failed' : 'passed');
  const counts = [plural(s.violation, 'MUST violation'), plural(s.error, 'error')];
  if (s.shouldViolation) counts.push(plural(s.shouldViolation, 'SHOULD violation') + (v?.strict ? ' (strict: they fail the run)' : ' (reported, not failing)'));
  const word = { passed: 'Passed', failed: 'Failed', interrupted: 'Interrupted' }[result] ?? result;
  const scope = run && run.scope !== 'complete'
    ? '<p class="scope scope-' + esc(run.scope) + '" id="scope"><strong>' + (run.scope === 'interrupted' ? 'Interrupted run' : 'Partial run') + ':</strong> '
      + esc(run.scope === 'interrupted' ? run.finished + ' of ' + run.selected + ' selected entries finished; ' + run.selected + ' of ' + run.total + ' entries selected' : run.selected + ' of ' + run.total + ' entries selected')
      + (run.shard ? ' (shard ' + esc(run.shard) + ')' : '') + '. This report says nothing about the entries not run and does not replace the last complete report.</p>'
    : '';
  const reasons = v?.reasons?.length ? '<ul class="reasons">' + v.reasons.map((r) => '<li>' + esc(r) + '</li>').join('') + '</ul>' : '';
  const targets = Object.entries(data.target).map(([api, url]) => '<li><span class="api">' + esc(api) + '</span> <code>' + esc(url) + '</code></li>').join('');
  $('#meta').innerHTML = scope
    + '<p><strong class="verdict r-' + esc(result) + '" id="verdict">' + esc(word) + '</strong> · ' + esc(counts.join(', ')) + ' in ' + plural(s.entries, 'entry', 'entries')
    + ' · environment <strong>' + esc(data.environment) + '</strong> · started ' + timeHtml(data.startedAt) + ' · ' + esc((data.durationMs / 1000).toFixed(1)) + ' s</p>'
    + reasons
    + (targets ? '<details class="targets"><summary>Targets</summary><ul>' + targets + '</ul></details>' : '');
}
