// Shared helpers of the conformance page. Everything that reaches innerHTML goes through esc():
// entry text comes from catalogs and from target responses, so it is hostile until escaped.
const OUTCOMES = [
  { key: 'violation', sum: 'violation', icon: '✗', label: 'violation', plural: 'violations' },
  { key: 'error', sum: 'error', icon: '!', label: 'error', plural: 'errors' },
  { key: 'unexpected-pass', sum: 'unexpectedPass', icon: '↑', label: 'unexpected pass', plural: 'unexpected passes' },
  { key: 'known-deviation', sum: 'knownDeviation', icon: '≈', label: 'known deviation', plural: 'known deviations' },
  { key: 'conformant', sum: 'conformant', icon: '✓', label: 'conformant', plural: 'conformant' },
  { key: 'unprovokable', sum: 'unprovokable', icon: '–', label: 'unprovokable', plural: 'unprovokable' },
  { key: 'not-configured', sum: 'notConfigured', icon: '∅', label: 'not configured', plural: 'not configured' },
];
const OUTCOME = Object.fromEntries(OUTCOMES.map((o) => [o.key, o]));

function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

/** Only http(s) links are clickable: a catalog or a target could put `javascript:` in a URL. */
function linkTo(url, text) {
  if (/^https?:\/\//i.test(String(url))) return '<a href="' + esc(url) + '" rel="noopener noreferrer" target="_blank">' + esc(text ?? url) + '</a>';
  return '<span class="url">' + esc(text ?? url) + '</span>';
}

function badge(outcome) {
  const o = OUTCOME[outcome] ?? { icon: '?', label: outcome };
  return '<span class="badge o-' + esc(outcome) + '"><span aria-hidden="true">' + o.icon + '</span> ' + esc(o.label) + '</span>';
}

function statusText(s) {
  return Array.isArray(s) ? s.join(' | ') : String(s);
}

function jsonText(v) {
  const s = JSON.stringify(v, null, 2);
  return s === undefined ? '(none)' : s;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many ?? one + 's');
}

const $ = (sel, root) => (root ?? document).querySelector(sel);
