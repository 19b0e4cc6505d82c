// The dashboard of `dyad serve`: pick an actor, or two for a dyad, and see the
// cooperation–conflict timeline, the actor network, the map, the events and their articles.
import { get } from './api.js';
import { drawTimeline } from './timeline.js';
import { drawNetwork } from './network.js';
import { drawMap } from './map.js';
import { appendRows, toneText } from './table.js';
import { renderArticle } from './article.js';

const $ = (id) => document.getElementById(id);
const state = { cursor: null, filter: {}, ready: { timeline: false, network: false, map: false, table: false } };
window.dyad = state; // for the end-to-end test and the curious

function note(id, text) { $(id).textContent = text; }

function codeOf(input) {
  // "FRA — France, Macron" (a suggestion) or a plain code
  return input.trim().split(/[\s—]/)[0].toUpperCase();
}

function choice() {
  const a = codeOf($('actor-a').value);
  const b = codeOf($('actor-b').value);
  const base = { from: $('from').value, to: $('to').value };
  const actor = b ? [a, b] : [a];
  return { a, b, base, actor };
}

async function loadStats() {
  const s = await get('/api/stats');
  note('stats', `${s.articles.toLocaleString()} articles · ${s.events.toLocaleString()} events · ${s.mentions.toLocaleString()} reports`
    + (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : '') + (s.undated_events ? ` · ${s.undated_events} undated` : ''));
  return s;
}

async function suggest(input) {
  const q = input.value.trim();
  if (q.length < 2 || q.includes('—')) return;
  try {
    const { actors } = await get('/api/actors', { q, limit: 12 });
    $('actor-list').replaceChildren(...actors.map((a) => {
      const o = document.createElement('option');
      o.value = `${a.code} — ${a.names.slice(0, 2).join(', ')}`;
      return o;
    }));
  } catch { /* suggestions are a nicety */ }
}

async function showTimeline(c) {
  const { points } = await get('/api/series', { actor: c.actor, by: $('by').value, ...c.base });
  note('timeline-title', c.b ? `${c.a} ↔ ${c.b}` : c.a);
  $('timeline-empty').hidden = points.length > 0;
  state.timelinePoints = drawTimeline($('timeline'), points);
  state.ready.timeline = true;
}

async function showNetwork(c) {
  const net = await get('/api/network', { actor: c.a, ...c.base, edges: 60 });
  note('network-title', `around ${c.a}${net.edges_omitted ? ` (${net.edges_omitted} lighter edges left out)` : ''}`);
  state.networkNodes = drawNetwork($('network'), net, [c.a, c.b].filter(Boolean), (id) => {
    $('actor-b').value = id;
    show();
  });
  state.ready.network = true;
}

async function showMap(c) {
  const { places } = await get('/api/places', { actor: c.actor, ...c.base, limit: 500 });
  state.mapPlaces = await drawMap($('map'), places);
  note('map-note', places.length ? `${places.length} places; circle size: events, colour: mean Goldstein` : 'No event places for this choice.');
  state.ready.map = true;
}

function tableFilter(c) {
  return {
    actor: c.actor, ...c.base,
    code: $('f-code').value.trim(), quad: $('f-quad').value,
    country: $('f-country').value.trim(), text: $('f-text').value.trim(),
    with_negated: $('f-negated').checked,
  };
}

async function showTable(c, more = false) {
  const body = $('events').tBodies[0];
  if (!more) { body.replaceChildren(); state.cursor = null; state.filter = tableFilter(c); }
  const page = await get('/api/events', { ...state.filter, limit: 50, cursor: state.cursor });
  appendRows(body, page.events, pickEvent);
  state.cursor = page.next_cursor;
  $('more').hidden = !state.cursor;
  note('table-note', `${body.rows.length} events shown${state.cursor ? '' : ' (all)'}`);
  state.ready.table = true;
}

async function pickEvent(e, row) {
  for (const r of row.parentNode.querySelectorAll('tr.selected')) r.classList.remove('selected');
  row.classList.add('selected');
  note('article-meta', 'loading…');
  const a = await get(`/api/articles/${encodeURIComponent(e.article_id)}`);
  note('article-title', a.title || a.id);
  note('article-meta', [a.id, a.date, a.source, a.url].filter(Boolean).join(' · ')
    + ` · tone ${toneText(a.tone)}`
    + (a.issues && a.issues.length ? ` · issues ${a.issues.join(', ')}` : '')
    + ` — event ${e.source} ${e.code} ${e.target}`);
  const chosen = renderArticle($('article'), a, e.id);
  state.article = { id: a.id, event: e.id, highlighted: Boolean(chosen) };
  $('article-panel').scrollIntoView({ block: 'start' });
}

// Live: the database may be growing (`dyad watch` or the ingest endpoint writing to it). Every
// few seconds the events stored since the newest one seen are asked for, with the table's
// filters, and put at the top of the table; the indicator says whether the last poll worked.
const LIVE_EVERY_MS = 5000;

function setLive(ok, text) {
  const el = $('live');
  el.classList.toggle('on', ok);
  el.textContent = ok ? 'live' : 'offline';
  el.title = text;
}

async function poll() {
  try {
    if (state.since) {
      const page = await get('/api/events', { ...state.filter, since: state.since, limit: 500 });
      if (page.events.length) {
        appendRows($('events').tBodies[0], page.events, pickEvent, true);
        state.live.seen += page.events.length;
        await loadStats();
      }
      for (const e of page.events) if (e.date_added > state.since) state.since = e.date_added;
    }
    state.live.polls += 1;
    setLive(true, `new events are shown as they are stored (checked every ${LIVE_EVERY_MS / 1000} s)`);
  } catch (err) {
    setLive(false, `cannot reach the server: ${err.message}`);
  }
  setTimeout(poll, LIVE_EVERY_MS);
}

async function show() {
  const c = choice();
  if (!c.a) return;
  state.ready = { timeline: false, network: false, map: false, table: false };
  note('pick-note', '');
  const parts = [showTimeline(c), showNetwork(c), showMap(c), showTable(c)];
  const results = await Promise.allSettled(parts);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (failed.length) note('pick-note', failed.join('; '));
  const url = new URL(window.location);
  url.searchParams.set('a', c.a);
  if (c.b) url.searchParams.set('b', c.b); else url.searchParams.delete('b');
  window.history.replaceState(null, '', url);
}

async function start() {
  $('pick').addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
  // suggestions after a pause in typing, not on every key
  let timer = null;
  for (const id of ['actor-a', 'actor-b']) {
    $(id).addEventListener('input', (ev) => {
      clearTimeout(timer);
      timer = setTimeout(() => suggest(ev.target), 300);
    });
  }
  $('more').addEventListener('click', () => showTable(choice(), true));
  $('f-apply').addEventListener('click', () => showTable(choice()));
  const stats = await loadStats();
  state.since = stats.last_added || '00000000000000';
  state.live = { polls: 0, seen: 0 };
  setTimeout(poll, LIVE_EVERY_MS);
  const params = new URLSearchParams(window.location.search);
  let [a, b] = [params.get('a'), params.get('b')];
  if (!a && stats.top_dyads.length) [a, b] = stats.top_dyads[0].key.split('→');
  if (a) {
    $('actor-a').value = a;
    $('actor-b').value = b || '';
    await show();
  }
}

start().catch((e) => note('stats', `error: ${e.message}`));
