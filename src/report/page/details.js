// The body of one entry, rendered on first open: why, the requirement quoted from the docs, each
// failed check with expected vs actual (a root cause first, what follows from it under it), the
// redacted reproduction and the response received.
import { basisBadge, dateHtml, esc, jsonText, linkify, linkTo, OUTCOME, strengthBadge } from './util.js';
import { historyHtml } from './entries.js';

export function renderDetail(e) {
  const parts = [];
  if (e.expectation) {
    const x = e.expectation;
    parts.push('<p class="reason expectation"><strong>' + esc(OUTCOME[e.outcome]?.label ?? e.outcome) + ':</strong> ' + esc(x.reason)
      + ' · ' + linkTo(x.link) + (x.expires ? ' · expires ' + dateHtml(x.expires) : ' · no expiry') + '</p>');
  } else if (e.reason) {
    parts.push('<p class="reason"><strong>' + esc(OUTCOME[e.outcome]?.label ?? e.outcome) + ':</strong> ' + linkify(e.reason) + '</p>');
  }
  const since = historyHtml(e);
  if (since) parts.push('<p class="history">' + since + '</p>');
  parts.push('<figure class="doc"><blockquote>' + esc(e.doc?.quote) + '</blockquote><figcaption>'
    + linkTo(e.doc?.url, e.doc?.url) + (e.source ? ' · source <code>' + esc(e.source) + '</code>' : '')
    + ' · documented status <strong>' + esc(e.statusText) + '</strong> · requirement ' + strengthBadge(e.strength) + '</figcaption></figure>');
  if (e.basis) parts.push(basisHtml(e.basis));
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

const ROLE = { setup: 'setup', request: 'request', teardown: 'teardown' };

/**
 * What the recipe rests on: the outcome's basis (the weakest of its setup steps and requests),
 * what it assumes, and every step's basis. Teardown steps are listed but decide nothing.
 */
export function basisHtml(b) {
  const head = b.kind === 'assumed'
    ? 'This recipe assumes ' + b.assumes.map(esc).join('; and ') + '; the deployment may simply lack it, so a failure here may mean the guess was wrong rather than the API.'
    : b.kind === 'inferred' ? 'Its outcome rests on an inference from the documentation, not on a documented behaviour.' : 'Every step it rests on is documented.';
  const steps = b.steps.map((s) => '<li>' + basisBadge(s.kind, '') + ' <span class="role">' + (s.cause ? 'cause ' + esc(s.cause) + ', ' : '') + esc(ROLE[s.role] ?? s.role)
    + '</span> <code>' + esc(s.label) + '</code>: ' + esc(s.why) + (s.fromDefaults ? ' <span class="muted">(the catalog\'s default basis)</span>' : '') + '</li>').join('');
  return '<details class="recipe-basis b-' + esc(b.kind) + '"' + (b.kind === 'assumed' ? ' open' : '') + '><summary>What the recipe rests on: ' + basisBadge(b.kind) + '</summary><p>' + head + '</p>'
    + (steps ? '<ol>' + steps + '</ol>' : '') + '</details>';
}

/**
 * A wrong content type (or a body that is not the JSON it announces) is the root cause of every
 * body-schema failure of the same response: those are shown under it, not as violations of their own.
 */
export function groupViolations(vs) {
  const root = vs.find((v) => v.check === 'content_type_conformance');
  if (!root) return vs.map((v) => ({ v, consequences: [] }));
  const follows = (v) => v.check === 'response_schema_conformance' && String(v.pointer ?? '').startsWith('/body');
  return vs.filter((v) => !follows(v)).map((v) => ({ v, consequences: v === root ? vs.filter(follows) : [] }));
}

/** The generated schema's media-type pattern, as the media type it stands for. */
export function readableExpected(v) {
  if (v.pointer === '/headers/content-type' && typeof v.expected === 'string') {
    const m = /^\^(.*)\\s\*\(;\.\*\)\?\$$/.exec(v.expected);
    if (m) return m[1].replace(/\\(.)/g, '$1') + ' (parameters such as charset allowed)';
  }
  return jsonText(v.expected);
}

function row(v, cls) {
  return '<tr class="' + cls + '"><td><code>' + esc(v.check) + '</code></td><td>' + strengthBadge(v.strength) + '</td>'
    + '<td><code>' + esc(v.pointer || '/') + '</code></td><td><pre>' + esc(readableExpected(v)) + '</pre></td><td><pre>' + esc(jsonText(v.actual)) + '</pre></td></tr>'
    + '<tr class="msg ' + cls + '"><td colspan="5">' + esc(v.message) + '</td></tr>';
}

function violationTable(vs) {
  const rows = groupViolations(vs).map(({ v, consequences }) => row(v, 'cause')
    + (consequences.length ? '<tr class="follows"><td colspan="5">because of this, ' + consequences.length + ' body check' + (consequences.length === 1 ? '' : 's') + ' failed too:</td></tr>' + consequences.map((c) => row(c, 'consequence')).join('') : '')).join('');
  return '<div class="table-wrap"><table class="checks"><caption>Failed checks</caption><thead><tr><th scope="col">check</th><th scope="col">strength</th><th scope="col">where</th><th scope="col">expected</th><th scope="col">actual</th></tr></thead><tbody>' + rows + '</tbody></table></div>';
}

export async function copyText(button) {
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
