// The JSON API of `dyad serve`; every call goes to the page's own origin.

/** GET a route with query parameters (arrays repeat the name); throws with the API's error. */
export async function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(`${body.error || res.statusText}${body.field ? ` (${body.field})` : ''}`);
  return body;
}

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#4ade80', '#15803d', '#f59e0b', '#dc2626'];
