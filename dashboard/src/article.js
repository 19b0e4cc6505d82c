// The article view: the text with the chosen event's source, action (verb) and target spans
// highlighted, its evidence underlined, and the other coded events shaded (each says what was
// coded there). Offsets are character (code point) offsets, so the text is split into code
// points before slicing. The text scrolls inside its own box: the page does not jump.
import { labelOf } from './api.js';

const LAYERS = ['hl-other', 'hl-evidence', 'hl-source', 'hl-target', 'hl-verb'];

/** Render `article` (the API's article) into `el`, highlighting the report of `eventId` in
 * sentence `sentence` (any of its reports when not given). */
export function renderArticle(el, article, eventId, labels, sentence) {
  const chars = Array.from(article.text);
  const marks = chars.map(() => new Set());
  const notes = chars.map(() => null);
  const paint = (span, cls) => {
    if (!span) return;
    for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i += 1) marks[i].add(cls);
  };
  let chosen = null;
  for (const ev of article.events) {
    if (ev.event_id !== eventId) continue;
    const better = !chosen || (sentence !== undefined && ev.sentence === sentence && chosen.sentence !== sentence)
      || (chosen.repeat > 0 && ev.repeat === 0 && (sentence === undefined || ev.sentence === sentence));
    if (better) chosen = ev;
  }
  for (const ev of article.events) {
    if (ev === chosen) continue;
    paint(ev.evidence, 'hl-other');
    const note = `${ev.source_code || '—'} ${ev.code} ${labelOf(labels, ev.code)} → ${ev.target_code || '—'}${ev.negated ? ' (negated)' : ''}`;
    for (let i = Math.max(0, ev.evidence.start); i < Math.min(chars.length, ev.evidence.end); i += 1) {
      notes[i] = notes[i] ? `${notes[i]}\n${note}` : note;
    }
  }
  if (chosen) {
    paint(chosen.evidence, 'hl-evidence');
    paint(chosen.source, 'hl-source');
    paint(chosen.target, 'hl-target');
    paint(chosen.verb, 'hl-verb');
  }
  el.replaceChildren();
  let i = 0;
  let first = null;
  const keyAt = (k) => `${LAYERS.filter((l) => marks[k].has(l)).join(' ')}|${notes[k] || ''}`;
  while (i < chars.length) {
    const key = keyAt(i);
    let j = i + 1;
    while (j < chars.length && keyAt(j) === key) j += 1;
    const text = chars.slice(i, j).join('');
    const cls = key.split('|')[0];
    if (!cls) {
      el.appendChild(document.createTextNode(text));
    } else {
      const strong = ['hl-source', 'hl-target', 'hl-verb'].filter((l) => marks[i].has(l));
      const node = document.createElement(strong.length ? 'mark' : 'span');
      node.className = cls;
      node.textContent = text;
      if (notes[i] && !marks[i].has('hl-evidence')) node.title = `also coded here: ${notes[i]}`;
      el.appendChild(node);
      if (!first && marks[i].has('hl-evidence')) first = node;
    }
    i = j;
  }
  // scroll the text's own box to the evidence, not the page
  el.scrollTop = first ? Math.max(0, first.offsetTop - el.offsetTop - el.clientHeight / 3) : 0;
  return chosen;
}
