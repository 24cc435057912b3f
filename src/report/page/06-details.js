// The body of one entry, rendered on first open: why, the requirement quoted from the docs, each
// failed check with expected vs actual, the redacted reproduction and the response received.
function renderDetail(e) {
  const parts = [];
  if (e.reason) parts.push('<p class="reason"><strong>' + esc(OUTCOME[e.outcome]?.label ?? e.outcome) + ':</strong> ' + esc(e.reason) + '</p>');
  parts.push('<figure class="doc"><blockquote>' + esc(e.doc?.quote) + '</blockquote><figcaption>'
    + linkTo(e.doc?.url, e.doc?.url) + (e.source ? ' · source <code>' + esc(e.source) + '</code>' : '')
    + ' · documented status <strong>' + esc(statusText(e.status)) + '</strong> · requirement <span class="strength s-' + esc(e.strength) + '">' + esc(e.strength) + '</span></figcaption></figure>');
  if (e.violations?.length) parts.push(violationTable(e.violations));
  if (e.reproduce) {
    parts.push('<div class="repro"><div class="repro-head"><span>Reproduce (secrets redacted)</span><button type="button" class="copy">Copy</button></div><pre><code>' + esc(e.reproduce) + '</code></pre></div>');
  }
  if (e.observed) {
    const o = e.observed;
    const headers = Object.entries(o.headers ?? {}).map(([k, v]) => k + ': ' + v).join('\n');
    parts.push('<details class="observed"><summary>Response received: ' + esc(o.status) + (o.truncated ? ' (body truncated)' : '') + '</summary><pre>'
      + esc('HTTP ' + o.status + '\n' + headers + '\n\n' + (typeof o.body === 'string' ? o.body : jsonText(o.body))) + '</pre></details>');
  }
  return '<div class="detail">' + parts.join('') + '</div>';
}

function violationTable(vs) {
  const rows = vs.map((v) => '<tr><td><code>' + esc(v.check) + '</code></td><td><span class="strength s-' + esc(v.strength) + '">' + esc(v.strength) + '</span></td>'
    + '<td><code>' + esc(v.pointer || '/') + '</code></td><td><pre>' + esc(jsonText(v.expected)) + '</pre></td><td><pre>' + esc(jsonText(v.actual)) + '</pre></td></tr>'
    + '<tr class="msg"><td colspan="5">' + esc(v.message) + '</td></tr>').join('');
  return '<table class="checks"><caption>Failed checks</caption><thead><tr><th scope="col">check</th><th scope="col">strength</th><th scope="col">where</th><th scope="col">expected</th><th scope="col">actual</th></tr></thead><tbody>' + rows + '</tbody></table>';
}

async function copyText(button) {
  const text = button.closest('.repro').querySelector('code').textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // file:// pages may lack the async clipboard; fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = 'Copy'; }, 1500);
}
