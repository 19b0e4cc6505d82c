// The article view: the text with the chosen event's source, action (verb) and target spans
// highlighted, its evidence underlined, and the other coded events shaded. Offsets are
// character (code point) offsets, so the text is split into code points before slicing.

const LAYERS = ['hl-other', 'hl-evidence', 'hl-source', 'hl-target', 'hl-verb'];

/** Render `article` (the API's article) into `el`, highlighting the report of `eventId`. */
export function renderArticle(el, article, eventId) {
  const chars = Array.from(article.text);
  const marks = chars.map(() => new Set());
  const paint = (span, cls) => {
    if (!span) return;
    for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i += 1) marks[i].add(cls);
  };
  let chosen = null;
  for (const ev of article.events) {
    if (ev.event_id === eventId && (!chosen || (chosen.repeat > 0 && ev.repeat === 0))) chosen = ev;
  }
  for (const ev of article.events) if (ev !== chosen) paint(ev.evidence, 'hl-other');
  if (chosen) {
    paint(chosen.evidence, 'hl-evidence');
    paint(chosen.source, 'hl-source');
    paint(chosen.target, 'hl-target');
    paint(chosen.verb, 'hl-verb');
  }
  el.replaceChildren();
  let i = 0;
  let first = null;
  while (i < chars.length) {
    const key = LAYERS.filter((l) => marks[i].has(l)).join(' ');
    let j = i + 1;
    while (j < chars.length && LAYERS.filter((l) => marks[j].has(l)).join(' ') === key) j += 1;
    const text = chars.slice(i, j).join('');
    if (!key) {
      el.appendChild(document.createTextNode(text));
    } else {
      const strong = ['hl-source', 'hl-target', 'hl-verb'].filter((l) => marks[i].has(l));
      const node = document.createElement(strong.length ? 'mark' : 'span');
      node.className = key;
      node.textContent = text;
      el.appendChild(node);
      if (!first && marks[i].has('hl-evidence')) first = node;
    }
    i = j;
  }
  if (first) first.scrollIntoView({ block: 'center' });
  return chosen;
}
