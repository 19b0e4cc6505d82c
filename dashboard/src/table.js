// The event table: one row per event, a page at a time (the API's cursor), in the view's
// order; codes carry their CAMEO labels.
import { labelOf } from './api.js';

function cell(tr, text, cls, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  if (title) td.title = title;
  tr.appendChild(td);
}

function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A tone (GDELT's AvgTone) as the table shows it: signed, one decimal; a dash when unknown. */
export function toneText(t) {
  return t === null || t === undefined ? '—' : `${t > 0 ? '+' : ''}${t.toFixed(1)}`;
}

/** Append `events` to the table body; `onPick(event, row)` is called when a row is clicked.
 * With `atTop`, the rows go first (new events of a live database), marked as new. */
export function appendRows(tbody, events, onPick, labels, atTop = false) {
  const first = tbody.firstChild;
  for (const e of events) {
    const tr = document.createElement('tr');
    tr.dataset.id = String(e.id);
    const label = labelOf(labels, e.code);
    cell(tr, e.date || 'undated', e.date ? '' : 'muted');
    cell(tr, e.source || '—', '', e.source_text || '');
    cell(tr, `${e.code}${e.negated ? ' (not)' : ''}`, 'code', label);
    cell(tr, clip(label, 28), 'muted', label);
    cell(tr, e.target || '—', '', e.target_text || '');
    cell(tr, String(e.quad_class), `q${e.quad_class}`);
    cell(tr, e.goldstein.toFixed(1), 'num');
    cell(tr, String(e.num_mentions), 'num');
    cell(tr, toneText(e.tone), e.tone < 0 ? 'num tone-neg' : 'num tone-pos');
    cell(tr, clip(e.evidence, 90));
    tr.title = `${e.article_id} — ${e.source_text || e.source} → ${e.target_text || e.target}`;
    tr.addEventListener('click', () => onPick(e, tr));
    if (atTop) {
      tr.classList.add('new');
      tbody.insertBefore(tr, first);
    } else {
      tbody.appendChild(tr);
    }
  }
}

/** Mark the sorted column's header (`sort` as the API names it: `-date`, `goldstein`…). */
export function markSort(thead, sort) {
  const key = sort.replace(/^-/, '');
  for (const th of thead.querySelectorAll('th[data-sort]')) {
    const on = th.dataset.sort === key;
    th.classList.toggle('sorted', on);
    th.dataset.dir = on ? (sort.startsWith('-') ? '▼' : '▲') : '';
  }
}
