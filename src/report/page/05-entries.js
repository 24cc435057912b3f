// The entry list: per API, the entries that need a reader first (violations, errors, ...), each
// a <details> whose body is rendered when first opened, so 10,000 entries stay cheap.
const SEVERITY = Object.fromEntries(OUTCOMES.map((o, i) => [o.key, i]));

function oneLine(e) {
  const v = e.violations?.[0];
  const text = v ? v.message + (e.violations.length > 1 ? ' (+' + (e.violations.length - 1) + ' more)' : '') : e.reason ?? '';
  return text.length > 160 ? text.slice(0, 157) + '…' : text;
}

function renderEntries(data) {
  const byApi = new Map();
  data.entries.forEach((e, i) => {
    if (!byApi.has(e.api)) byApi.set(e.api, []);
    byApi.get(e.api).push(i);
  });
  const html = [];
  for (const [api, idx] of byApi) {
    idx.sort((a, b) => SEVERITY[data.entries[a].outcome] - SEVERITY[data.entries[b].outcome] || a - b);
    html.push('<section class="e-api" data-api="' + esc(api) + '"><h3>' + esc(api) + '</h3>');
    for (const i of idx) {
      const e = data.entries[i];
      html.push('<details class="entry o-' + esc(e.outcome) + '" id="entry-' + i + '" data-idx="' + i + '"><summary>'
        + badge(e.outcome) + '<code class="id">' + esc(e.id) + '</code><span class="title">' + esc(e.title) + '</span>'
        + '<span class="st">' + esc(statusText(e.status)) + '</span><span class="strength s-' + esc(e.strength) + '">' + esc(e.strength) + '</span>'
        + '<span class="why">' + esc(oneLine(e)) + '</span></summary></details>');
    }
    html.push('</section>');
  }
  $('#entries').innerHTML = html.join('');
}
