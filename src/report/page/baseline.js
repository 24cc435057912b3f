// Newly failing / newly fixed against the baseline run, shown first because it is what changed.
import { $, badge, esc, timeHtml } from './util.js';

export function renderBaseline(data, byId) {
  const b = data.baseline;
  const box = $('#baseline');
  if (!b) return;
  const list = (ids, empty) => ids.length
    ? '<ul class="changes">' + ids.map((id) => {
      const e = byId.get(id);
      return '<li>' + (e ? badge(e.outcome) : '') + ' <button type="button" class="link open-entry" data-id="' + esc(id) + '">' + esc(id) + '</button>' + (e ? ' <span class="muted">' + esc(e.title) + '</span>' : '') + '</li>';
    }).join('') + '</ul>'
    : '<p class="muted">' + empty + '</p>';
  box.innerHTML = '<h2>Since the baseline</h2><p class="muted">compared with <code>' + esc(b.file) + '</code>' + (b.startedAt ? ' (run of ' + timeHtml(b.startedAt) + ')' : '') + '</p>'
    + '<div class="cols"><div class="col fail"><h3>Newly failing <span class="n" data-count="' + b.newlyFailing.length + '">' + b.newlyFailing.length + '</span></h3>' + list(b.newlyFailing, 'none') + '</div>'
    + '<div class="col fixed"><h3>Newly fixed <span class="n" data-count="' + b.newlyFixed.length + '">' + b.newlyFixed.length + '</span></h3>' + list(b.newlyFixed, 'none') + '</div></div>';
  box.hidden = false;
}
