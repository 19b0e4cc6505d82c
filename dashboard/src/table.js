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

/** Append `events` to the table body; `onPick(event, row)` is called when a row is clicked. */
export function appendRows(tbody, events, onPick) {
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
    cell(tr, clip(e.evidence, 110));
    tr.title = `${e.article_id} — ${e.source_text || e.source} → ${e.target_text || e.target}`;
    tr.addEventListener('click', () => onPick(e, tr));
    tbody.appendChild(tr);
  }
}
