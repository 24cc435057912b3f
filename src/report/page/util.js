// Shared helpers of the conformance page. Everything that reaches innerHTML goes through esc():
// entry text comes from catalogs and from target responses, so it is hostile until escaped.
export const OUTCOMES = [
  { key: 'violation', sum: 'violation', icon: '✗', label: 'violation', plural: 'violations' },
  { key: 'error', sum: 'error', icon: '!', label: 'error', plural: 'errors' },
  { key: 'should-violation', sum: 'shouldViolation', icon: '△', label: 'SHOULD violation', plural: 'SHOULD violations' },
  { key: 'unexpected-pass', sum: 'unexpectedPass', icon: '↑', label: 'unexpected pass', plural: 'unexpected passes' },
  { key: 'known-deviation', sum: 'knownDeviation', icon: '≈', label: 'known deviation', plural: 'known deviations' },
  { key: 'conformant', sum: 'conformant', icon: '✓', label: 'conformant', plural: 'conformant' },
  { key: 'unprovokable', sum: 'unprovokable', icon: '–', label: 'unprovokable', plural: 'unprovokable' },
  { key: 'not-configured', sum: 'notConfigured', icon: '∅', label: 'not configured', plural: 'not configured' },
];
export const OUTCOME = Object.fromEntries(OUTCOMES.map((o) => [o.key, o]));
/** Outcomes a person must look at (the run's red), in the order of the summary. */
export const FAILING = new Set(['violation', 'error', 'should-violation']);

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

/** Only http(s) links are clickable: a catalog or a target could put `javascript:` in a URL. */
export function linkTo(url, text) {
  if (/^https?:\/\//i.test(String(url))) return '<a href="' + esc(url) + '" rel="noopener noreferrer" target="_blank">' + esc(text ?? url) + '</a>';
  return '<span class="url">' + esc(text ?? url) + '</span>';
}

/** Text with every http(s) URL in it made a link (the rest escaped). */
export function linkify(text) {
  const s = String(text ?? '');
  let out = '';
  let at = 0;
  for (const m of s.matchAll(/https?:\/\/[^\s()<>"']+/g)) {
    out += esc(s.slice(at, m.index)) + linkTo(m[0]);
    at = m.index + m[0].length;
  }
  return out + esc(s.slice(at));
}

export function badge(outcome) {
  const o = OUTCOME[outcome] ?? { icon: '?', label: outcome };
  return '<span class="badge o-' + esc(outcome) + '"><span aria-hidden="true">' + o.icon + '</span> ' + esc(o.label) + '</span>';
}

/** What an entry's recipe (its weakest step), or one step, rests on: documented, inferred or assumed. */
export function basisBadge(kind, noun = ' recipe') {
  return '<span class="basis b-' + esc(kind) + '" title="what the ' + (noun ? 'recipe' : 'step') + ' rests on">' + esc(kind) + esc(noun) + '</span>';
}

export function strengthBadge(strength) {
  return '<span class="strength s-' + esc(strength) + '">' + esc(strength) + '</span>';
}

export function jsonText(v) {
  const s = JSON.stringify(v, null, 2);
  return s === undefined ? '(none)' : s;
}

export function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many ?? one + 's');
}

/** An ISO time as the reader's local date and time, with the UTC original in a tooltip. */
export function timeHtml(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return esc(iso);
  const text = d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return '<time datetime="' + esc(iso) + '" title="' + esc(iso) + '">' + esc(text) + '</time>';
}

export function dateHtml(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return esc(iso);
  return '<time datetime="' + esc(iso) + '" title="' + esc(iso) + '">' + esc(d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })) + '</time>';
}

export const $ = (sel, root) => (root ?? document).querySelector(sel);
