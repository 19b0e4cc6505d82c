// The event table: one row per event, filled a page at a time (the API's cursor).

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
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
export function appendRows(tbody, events, onPick, atTop = false) {
  const first = tbody.firstChild;
  for (const e of events) {
    const tr = document.createElement('tr');
    tr.dataset.id = String(e.id);
    cell(tr, e.date || '—');
    cell(tr, e.source);
    cell(tr, e.negated ? `${e.code} (not)` : e.code);
    cell(tr, e.target);
    cell(tr, String(e.quad_class), `q${e.quad_class}`);
    cell(tr, e.goldstein.toFixed(1), 'num');
    cell(tr, String(e.num_mentions), 'num');
    cell(tr, toneText(e.tone), e.tone < 0 ? 'num tone-neg' : 'num tone-pos');
    cell(tr, clip(e.evidence, 110));
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
