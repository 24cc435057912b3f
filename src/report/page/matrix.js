// The matrix: per API, one row per documented status, one tile per entry. A tile shows its
// outcome by colour and by an icon, and names it in full for assistive technology.
import { $, badge, esc, OUTCOME, OUTCOMES } from './util.js';
function statusOrder(key) {
  // A class like 5xx sorts after the statuses it covers; unknown keys last.
  const cls = /^(\d)xx$/i.exec(key);
  if (cls) return Number(cls[1]) * 100 + 99.5;
  const n = parseInt(key, 10);
  return Number.isNaN(n) ? 1000 : n;
}

export function renderMatrix(data) {
  const byApi = new Map();
  data.entries.forEach((e, i) => {
    const key = e.statusText;
    if (!byApi.has(e.api)) byApi.set(e.api, new Map());
    const rows = byApi.get(e.api);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key).push(i);
  });
  const html = [];
  for (const [api, rows] of byApi) {
    html.push('<section class="m-api" data-api="' + esc(api) + '"><h3>' + esc(api) + '</h3><div class="m-rows">');
    const keys = [...rows.keys()].sort((a, b) => statusOrder(a) - statusOrder(b) || a.localeCompare(b));
    for (const key of keys) {
      html.push('<div class="m-row"><span class="m-status">' + esc(key) + '</span><div class="tiles" role="group" aria-label="' + esc(api + ' ' + key) + '">');
      for (const i of rows.get(key)) {
        const e = data.entries[i];
        const slug = e.id.slice(e.api.length + 1);
        const label = e.id + ': ' + (OUTCOME[e.outcome]?.label ?? e.outcome);
        html.push('<button type="button" class="tile o-' + esc(e.outcome) + '" data-idx="' + i + '" title="' + esc(label) + '" aria-label="' + esc(label) + '"><span aria-hidden="true">' + (OUTCOME[e.outcome]?.icon ?? '?') + '</span> ' + esc(slug) + '</button>');
      }
      html.push('</div></div>');
    }
    html.push('</div></section>');
  }
  const legend = OUTCOMES.map((o) => badge(o.key)).join(' ');
  $('#matrix').innerHTML = '<p class="legend">' + legend + '</p>' + html.join('');
}
