// The JSON API of `dyad serve`; every call goes to the page's own origin.

/** The query string of parameters (arrays repeat the name; empty values are left out). */
export function query(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  return q.toString();
}

/** GET a route with query parameters; throws with the API's error. */
export async function get(path, params = {}) {
  const q = query(params);
  const url = q ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(`${body.error || res.statusText}`);
  return body;
}

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#4ade80', '#15803d', '#f59e0b', '#dc2626'];

/** A mean Goldstein score as a colour: -10 red … 0 grey … +10 green (the map, the network
 * and their legend use the same scale). */
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [156, 163, 175];
  const end = t >= 0 ? [21, 128, 61] : [220, 38, 38];
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(',')})`;
}

/** CAMEO event code → label, asked once. */
let labels = null;
export async function eventLabels() {
  if (!labels) {
    const { events } = await get('/api/codes');
    labels = Object.fromEntries(events.map((e) => [e.code, e.label]));
  }
  return labels;
}

/** The label of an event code, or of its nearest parent (0871 → 087 → 08). */
export function labelOf(all, code) {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) if (all[c]) return all[c];
  return '';
}
