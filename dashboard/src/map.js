// The world map: Natural Earth land (world-atlas, bundled; no tile server) in a Natural Earth
// projection by d3-geo, with one circle per event place sized by its events and coloured on a
// continuous scale of mean Goldstein score (red conflict … grey … green cooperation), with a
// legend of both. A circle clicked narrows the view to its country.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { goldsteinColor } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const projection = geoNaturalEarth1().fitExtent([[8, 8], [952, 492]], { type: 'Sphere' });
const path = geoPath(projection);
let land = null;

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function loadLand() {
  if (!land) {
    const topo = await (await fetch('/assets/land-110m.json')).json();
    land = feature(topo, topo.objects.land);
  }
  return land;
}

const radius = (events, max) => 2.5 + 12 * Math.sqrt(events / max);

/** The legend: the Goldstein colour scale and two circle sizes. */
function legend(svg, max) {
  const g = el('g', { class: 'legend', transform: 'translate(14,380)' });
  const grad = el('linearGradient', { id: 'gold-scale' });
  for (const v of [-10, -5, 0, 5, 10]) {
    grad.appendChild(el('stop', { offset: `${(v + 10) * 5}%`, 'stop-color': goldsteinColor(v) }));
  }
  const defs = el('defs', {});
  defs.appendChild(grad);
  svg.appendChild(defs);
  g.appendChild(el('rect', { x: 0, y: 0, width: 300, height: 100, rx: 4, fill: '#fff', opacity: 0.9 }));
  g.appendChild(el('text', { x: 10, y: 20 }, 'colour: mean Goldstein'));
  g.appendChild(el('rect', { x: 10, y: 28, width: 180, height: 14, fill: 'url(#gold-scale)' }));
  g.appendChild(el('text', { x: 10, y: 60 }, '−10 conflict'));
  g.appendChild(el('text', { x: 190, y: 60, 'text-anchor': 'end' }, 'coop. +10'));
  const big = radius(max, max);
  g.appendChild(el('circle', { cx: 245, cy: 40, r: big.toFixed(1), fill: 'none', stroke: '#4b5563' }));
  g.appendChild(el('circle', { cx: 245, cy: 40 + big - 3, r: 3, fill: 'none', stroke: '#4b5563' }));
  g.appendChild(el('text', { x: 10, y: 86 }, `size: events (1 to ${max} at a place)`));
  svg.appendChild(g);
}

/** Draw the land and `places` (the API's places) into the SVG; `onPick(place)` is called when
 * a circle is clicked. Returns the places drawn. */
export async function drawMap(svg, places, onPick) {
  const shape = await loadLand();
  svg.replaceChildren(el('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
    el('path', { class: 'land', d: path(shape) }));
  const max = Math.max(1, ...places.map((p) => p.events));
  let drawn = 0;
  for (const p of places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const c = el('circle', { class: 'place', cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
      r: radius(p.events, max).toFixed(1), fill: goldsteinColor(p.goldstein_mean) });
    c.appendChild(el('title', {}, `${p.name || '?'} (${p.country || '?'}): ${p.events} events, mean Goldstein ${p.goldstein_mean.toFixed(1)} — click: events in ${p.country || 'this country'}`));
    c.addEventListener('click', () => onPick(p));
    svg.appendChild(c);
    drawn += 1;
  }
  legend(svg, max);
  return drawn;
}
