// The dashboard of `dyad serve`: one filter state (actors, dates, period, code, quad, country,
// words, issue, tone, negated, order) behind every panel — timeline, network, map, table — kept in the URL.
// The API reads the filter first (`/api/filter`: names resolved, values checked), so a bad
// value is one message and no panel shows a stale answer as if it were current.
import { eventLabels, get, query } from './api.js';
import { drawTimeline, enableBrush } from './timeline.js';
import { drawNetwork, resizeNetwork } from './network.js';
import { drawMap } from './map.js';
import { appendRows, markSort, toneText } from './table.js';
import { renderArticle } from './article.js';
import { actorOf, apiParams, DEFAULTS, exportCommand, fromUrl, periodDays, toUrl } from './state.js';

const $ = (id) => document.getElementById(id);
const PANELS = ['timeline', 'network', 'map', 'table'];
const dyad = { state: { ...DEFAULTS }, ready: {}, errors: [], labels: {} };
window.dyad = dyad; // for the end-to-end test and the curious

function note(id, text) { $(id).textContent = text; }

/** The form's fields, by state field. */
const FORM = {
  a: 'actor-a', b: 'actor-b', from: 'from', to: 'to', by: 'by', view: 'view',
  code: 'f-code', quad: 'f-quad', country: 'f-country', text: 'f-text', issue: 'f-issue',
  tlo: 'f-tone-above', thi: 'f-tone-below',
};
/** The input to point at when the API refuses a field. */
const FIELD_INPUT = {
  actor: 'actor-a', from: 'from', to: 'to', code: 'f-code', root: 'f-code', quad: 'f-quad',
  country: 'f-country', text: 'f-text', dyad: 'actor-a', by: 'by', issue: 'f-issue',
  tone_above: 'f-tone-above', tone_below: 'f-tone-below',
};

function readForm() {
  const s = { ...dyad.state };
  for (const [k, id] of Object.entries(FORM)) s[k] = $(id).value;
  s.neg = $('f-negated').checked ? '1' : '';
  return s;
}

function writeForm(s) {
  for (const [k, id] of Object.entries(FORM)) $(id).value = s[k];
  $('f-negated').checked = s.neg === '1';
  markSort($('events').tHead, s.sort);
}

/** Mark every panel as not showing the current choice (after an error). */
function stale(panel, message) {
  const box = $(`${panel}-panel`);
  box.classList.toggle('stale', Boolean(message));
  const p = box.querySelector('.stale-note');
  p.hidden = !message;
  p.textContent = message ? `Not updated: ${message}` : '';
}

function showError(message, field) {
  for (const el of document.querySelectorAll('.bad')) el.classList.remove('bad');
  $('error').hidden = !message;
  $('error').textContent = message || '';
  if (message && FIELD_INPUT[field]) $(FIELD_INPUT[field]).classList.add('bad');
}

function clearArticle() {
  note('article-title', '');
  note('article-meta', 'Pick an event in the table.');
  $('reports').replaceChildren();
  $('article').replaceChildren();
  dyad.article = null;
}

async function loadStats() {
  const s = await get('/api/stats');
  note('stats', `${s.articles.toLocaleString()} articles · ${s.events.toLocaleString()} events · ${s.mentions.toLocaleString()} reports`
    + (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : '') + (s.undated_events ? ` · ${s.undated_events.toLocaleString()} undated` : ''));
  return s;
}

/** The API's parameters as `/api/filter` gave them back (names read as codes). */
function canonical(read) {
  const p = { actor: [] };
  for (const [k, v] of read.params) {
    if (k === 'actor') p.actor.push(v); else p[k] = v;
  }
  return p;
}

async function suggest(input) {
  const q = input.value.trim();
  if (q.length < 2 || q.includes(' — ')) return;
  try {
    const [{ actors }, read] = await Promise.all([
      get('/api/actors', { q, limit: 12 }),
      get('/api/filter', { actor: q }),
    ]);
    const options = [];
    if (read.valid && read.resolved.length) {
      const r = read.resolved[0];
      options.push(`${r.code} — ${q} (${r.by})`);
    }
    for (const a of actors) {
      const names = a.names.slice(0, 3).join(', ');
      options.push(`${a.code} — ${[a.label, names].filter(Boolean).join(': ')}`);
    }
    $('actor-list').replaceChildren(...options.map((v) => {
      const o = document.createElement('option');
      o.value = v;
      return o;
    }));
  } catch { /* suggestions are a nicety */ }
}

async function showTimeline(p, s) {
  const series = await get('/api/series', { ...p, by: s.by });
  dyad.series = series;
  const a = actorOf(s.a);
  const b = actorOf(s.b);
  note('timeline-title', [a && b ? `${a} ↔ ${b}` : a, `by ${series.by}`, series.from ? `${series.from} to ${series.to}` : ''].filter(Boolean).join(' · '));
  $('timeline-empty').hidden = series.points.some((x) => x.events > 0);
  note('timeline-undated', [
    series.undated ? `${series.undated.toLocaleString()} undated events of this choice are not on the timeline (they have no date).` : '',
    sampled(series.sample),
  ].filter(Boolean).join(' '));
  dyad.timelinePoints = drawTimeline($('timeline'), series, s.view === 'share', zoomTo);
}

function zoomTo(first, last) {
  const by = dyad.series.by;
  $('from').value = periodDays(first, by)[0];
  $('to').value = periodDays(last, by)[1];
  show();
}

async function showNetwork(p, s) {
  const net = await get('/api/network', { ...p, edges: 60 });
  const a = actorOf(s.a);
  note('network-title', `${a ? `around ${p.actor.join(' and ')}` : 'all actors'}${net.edges_omitted ? ` (${net.edges_omitted} lighter edges left out)` : ''}${net.sample ? ` · ${sampled(net.sample)}` : ''}`);
  let labels = {};
  if (net.nodes.length) {
    try { ({ actors: labels } = await get('/api/codes', { actor: net.nodes.map((n) => n.id).slice(0, 200) })); } catch { /* labels are a nicety */ }
  }
  dyad.networkNodes = drawNetwork($('network'), net, p.actor, labels, (id) => {
    if (!$('actor-a').value.trim()) $('actor-a').value = id;
    else if (!p.actor.includes(id)) $('actor-b').value = id;
    else return;
    show();
  }, (source, target) => {
    $('actor-a').value = source;
    $('actor-b').value = target;
    show();
  });
}

async function showMap(p) {
  const { places, sample } = await get('/api/places', { ...p, limit: 500 });
  dyad.placeEvents = places.reduce((n, x) => n + x.events, 0);
  dyad.mapPlaces = await drawMap($('map'), places, (place) => {
    if (!place.country) return;
    $('f-country').value = place.country;
    show();
  });
  note('map-note', places.length ? `${places.length} places of the events (their first report's place)${sample ? `. ${sampled(sample)}` : ''}` : 'No event places for this choice.');
}

// An answer counted from a sample of the events (a choice no rollup keeps, over a large
// store): its counts are estimates, and the note says from how much.
function sampled(sample) {
  if (!sample) return '';
  const pct = sample.share * 100;
  const share = pct >= 1 ? pct.toFixed(0) : pct.toPrecision(1);
  return `Estimated from a ${share}% sample of the events (${sample.matched.toLocaleString()} of them match); exact counts would read every event.`;
}

async function showTable(more = false) {
  const body = $('events').tBodies[0];
  if (!more) { body.replaceChildren(); dyad.cursor = null; }
  const page = await get('/api/events', { ...dyad.params, sort: dyad.state.sort, limit: 50, cursor: dyad.cursor });
  // a total over common words is a lower bound ("at least"): counting every event of them
  // would read most of a large store
  if (!more) dyad.total = page.total;
  if (!more) dyad.totalAtLeast = page.total_is_lower_bound ? 'at least ' : '';
  appendRows(body, page.events, pickEvent, dyad.labels);
  dyad.cursor = page.next_cursor;
  $('more').hidden = !dyad.cursor;
  const total = `${dyad.totalAtLeast}${dyad.total.toLocaleString()} events`;
  note('table-total', total);
  // a page that stopped at the bound of its read (a common word with a rare field, say) holds
  // what it found up to its cursor: "More" goes on from there
  const partial = page.partial ? '; the search stopped after a bounded read of the store, More goes on from there' : '';
  note('table-note', `${body.rows.length.toLocaleString()} of ${total} shown${partial}`);
  markSort($('events').tHead, dyad.state.sort);
}

async function showArticle(e, articleId, sentence) {
  note('article-meta', 'loading…');
  const a = await get(`/api/articles/${encodeURIComponent(articleId)}`);
  note('article-title', a.title || a.id);
  note('article-meta', [a.id, a.date, a.source, a.url].filter(Boolean).join(' · ')
    + ` · tone ${toneText(a.tone)}`
    + (a.issues && a.issues.length ? ` · issues ${a.issues.join(', ')}` : '')
    + ` — event ${e.source} ${e.code} ${e.target}`);
  const chosen = renderArticle($('article'), a, e.id, dyad.labels, sentence);
  dyad.article = { id: a.id, event: e.id, highlighted: Boolean(chosen) };
  for (const b of $('reports').querySelectorAll('button')) {
    b.classList.toggle('on', b.dataset.article === articleId && Number(b.dataset.sentence) === sentence);
  }
}

async function pickEvent(e, row) {
  for (const r of row.parentNode.querySelectorAll('tr.selected')) r.classList.remove('selected');
  row.classList.add('selected');
  try {
    const detail = await get(`/api/events/${e.id}`);
    const buttons = detail.reports.map((r) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'report';
      b.dataset.article = r.article_id;
      b.dataset.sentence = String(r.sentence);
      b.textContent = `${r.article_id} §${r.sentence + 1}${r.repeat ? ' (repeat)' : ''}`;
      b.title = r.evidence.text;
      b.addEventListener('click', () => showArticle(e, r.article_id, r.sentence).catch((x) => note('article-meta', x.message)));
      return b;
    });
    const head = document.createElement('span');
    head.className = 'muted';
    head.textContent = `${detail.reports.length} report${detail.reports.length === 1 ? '' : 's'} in ${detail.articles.length} article${detail.articles.length === 1 ? '' : 's'}: `;
    $('reports').replaceChildren(head, ...buttons);
    const first = detail.reports[0];
    await showArticle(e, first ? first.article_id : e.article_id, first ? first.sentence : e.sentence);
  } catch (x) {
    note('article-meta', `cannot show the article: ${x.message}`);
  }
}

function showExport(read) {
  const q = query({ ...canonical(read), sort: dyad.state.sort });
  for (const f of ['csv', 'gdelt', 'parquet']) $(`x-${f}`).href = `/api/export?${q}${q ? '&' : ''}format=${f}`;
  note('x-note', read.undated ? `(GDELT TSV leaves out the ${read.undated.toLocaleString()} undated events; CSV and Parquet keep them)` : '');
  note('x-command', exportCommand({ ...read, sort: dyad.state.sort }, 'csv'));
}

/** Read the form into the state, check it with the API, and refresh every panel. */
async function show({ push = true } = {}) {
  const s = readForm();
  dyad.state = s;
  const search = toUrl(s);
  if (search !== window.location.search.replace(/^\?/, '')) {
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (push) window.history.pushState(null, '', url); else window.history.replaceState(null, '', url);
  }
  clearArticle();
  for (const p of PANELS) dyad.ready[p] = false;
  let read;
  try {
    read = await get('/api/filter', { ...apiParams(s), sort: s.sort });
  } catch (x) {
    read = { valid: false, error: x.message };
  }
  if (!read.valid) {
    showError(read.error, read.field);
    for (const p of PANELS) { stale(p, read.error); dyad.ready[p] = true; }
    dyad.errors.push(read.error);
    return;
  }
  showError('');
  dyad.read = read;
  dyad.params = canonical(read);
  note('pick-note', [
    ...read.resolved.map((r) => `${r.name} → ${r.code} (${r.by})`),
    `${read.events_is_lower_bound ? 'at least ' : read.sample ? 'about ' : ''}${read.events.toLocaleString()} events`,
    sampled(read.sample),
    read.undated ? `${read.undated_sample ? 'about ' : ''}${read.undated.toLocaleString()} of them undated` : '',
  ].filter(Boolean).join(' · '));
  showExport(read);
  const run = async (panel, f) => {
    try {
      await f();
      stale(panel, '');
    } catch (x) {
      stale(panel, x.message);
    } finally {
      dyad.ready[panel] = true;
    }
  };
  await Promise.all([
    run('timeline', () => showTimeline(dyad.params, s)),
    run('network', () => showNetwork(dyad.params, s)),
    run('map', () => showMap(dyad.params)),
    run('table', () => showTable()),
  ]);
}

// Live: the database may be growing (`dyad watch` or the ingest endpoint writing to it). Every
// few seconds the events stored since the newest one seen are asked for, with the view's
// filter, and put at the top of the table; the indicator says whether the last poll worked.
const LIVE_EVERY_MS = 5000;

function setLive(ok, text) {
  const el = $('live');
  el.classList.toggle('on', ok);
  el.textContent = ok ? 'live' : 'offline';
  el.title = text;
}

async function poll() {
  try {
    if (dyad.since && dyad.params) {
      const page = await get('/api/events', { ...dyad.params, since: dyad.since, limit: 500 });
      if (page.events.length) {
        appendRows($('events').tBodies[0], page.events, pickEvent, dyad.labels, true);
        dyad.live.seen += page.events.length;
        await loadStats();
      }
      for (const e of page.events) if (e.date_added > dyad.since) dyad.since = e.date_added;
    }
    dyad.live.polls += 1;
    setLive(true, `new events are shown as they are stored (checked every ${LIVE_EVERY_MS / 1000} s)`);
  } catch (err) {
    setLive(false, `cannot reach the server: ${err.message}`);
  }
  setTimeout(poll, LIVE_EVERY_MS);
}

async function start() {
  $('pick').addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
  $('f-apply').addEventListener('click', () => show());
  for (const id of ['by', 'f-quad', 'f-negated']) $(id).addEventListener('change', () => show());
  $('view').addEventListener('change', () => {
    dyad.state.view = $('view').value;
    window.history.replaceState(null, '', `?${toUrl(dyad.state)}`);
    if (dyad.series) drawTimeline($('timeline'), dyad.series, dyad.state.view === 'share', zoomTo);
  });
  $('all-dates').addEventListener('click', () => { $('from').value = ''; $('to').value = ''; show(); });
  $('more').addEventListener('click', () => showTable(true).catch((x) => stale('table', x.message)));
  for (const th of $('events').tHead.querySelectorAll('th[data-sort]')) {
    th.addEventListener('click', () => {
      const key = th.dataset.sort;
      const cur = dyad.state.sort;
      // a new column sorts descending first (newest, most cooperative, most reported)
      dyad.state.sort = cur === `-${key}` ? key : `-${key}`;
      show();
    });
  }
  enableBrush($('timeline'), $('brush'));
  window.addEventListener('resize', () => resizeNetwork());
  window.addEventListener('popstate', () => {
    dyad.state = fromUrl(window.location.search);
    writeForm(dyad.state);
    show({ push: false });
  });
  let timer = null;
  for (const id of ['actor-a', 'actor-b']) {
    $(id).addEventListener('input', (ev) => {
      clearTimeout(timer);
      timer = setTimeout(() => suggest(ev.target), 300);
    });
  }
  try { dyad.labels = await eventLabels(); } catch { dyad.labels = {}; }
  const stats = await loadStats();
  dyad.since = stats.last_added || '00000000000000';
  dyad.live = { polls: 0, seen: 0 };
  setTimeout(poll, LIVE_EVERY_MS);
  const s = fromUrl(window.location.search);
  if (!s.a && !window.location.search && stats.top_dyads.length) [s.a, s.b] = stats.top_dyads[0].key.split('→');
  dyad.state = s;
  writeForm(s);
  await show({ push: false });
}

// a failure no panel caught is still said on the page (and left in the console)
window.addEventListener('unhandledrejection', (ev) => {
  showError(`unexpected: ${ev.reason && ev.reason.message ? ev.reason.message : ev.reason}`);
});
start().catch((e) => note('stats', `error: ${e.message}`));
