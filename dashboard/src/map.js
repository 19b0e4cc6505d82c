// The world map: Natural Earth land (world-atlas, bundled; no tile server) in a Natural Earth
// projection by d3-geo, with one circle per event place sized by its events and coloured by
// the mean Goldstein score.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const NS = 'http://www.w3.org/2000/svg';
const projection = geoNaturalEarth1().fitExtent([[8, 8], [952, 492]], { type: 'Sphere' });
const path = geoPath(projection);
let land = null;

function el(name, attrs) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

async function loadLand() {
  if (!land) {
    const topo = await (await fetch('/assets/land-110m.json')).json();
    land = feature(topo, topo.objects.land);
  }
  return land;
}

/** Draw the land and `places` (the API's places) into the SVG; returns the places drawn. */
export async function drawMap(svg, places) {
  const shape = await loadLand();
  svg.replaceChildren(el('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
    el('path', { class: 'land', d: path(shape) }));
  const max = Math.max(1, ...places.map((p) => p.events));
  let drawn = 0;
  for (const p of places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const t = Math.max(-1, Math.min(1, p.goldstein_mean / 10));
    const c = el('circle', { class: 'place', cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
      r: (2.5 + 12 * Math.sqrt(p.events / max)).toFixed(1),
      fill: t >= 0 ? '#15803d' : '#dc2626', 'fill-opacity': (0.35 + 0.5 * Math.abs(t)).toFixed(2) });
    const title = el('title', {});
    title.textContent = `${p.name || '?'} (${p.country || '?'}): ${p.events} events, mean Goldstein ${p.goldstein_mean.toFixed(1)}`;
    c.appendChild(title);
    svg.appendChild(c);
    drawn += 1;
  }
  return drawn;
}
