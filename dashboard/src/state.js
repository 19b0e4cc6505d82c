// The one filter state behind every panel: what the form shows, what the URL keeps (so a view
// is shareable, survives a reload and the back button), and the API parameters every panel
// asks with. The API reads and checks the parameters (`/api/filter`), as `dyad query` does.

/** The state's fields and their defaults; every one goes in the URL when not the default. */
export const DEFAULTS = {
  a: '', b: '', from: '', to: '', by: 'auto', view: 'count',
  code: '', root: '', quad: '', country: '', text: '', issue: '', tlo: '', thi: '', neg: '',
  sort: '-date',
};

/** The state written in a URL's query string (unknown keys are ignored). */
export function fromUrl(search) {
  const q = new URLSearchParams(search);
  const s = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS)) if (q.has(k)) s[k] = q.get(k);
  return s;
}

/** The query string of a state (only what differs from the defaults). */
export function toUrl(s) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(DEFAULTS)) if (s[k] && s[k] !== v) q.set(k, s[k]);
  return q.toString();
}

/** "FRA — France · …" (a suggestion picked) is its code; anything else is sent as typed, so
 * that the API can tell a code from a name ("Macron"). */
export function actorOf(input) {
  const t = (input || '').trim();
  const dash = t.indexOf(' — ');
  return dash > 0 ? t.slice(0, dash).trim() : t;
}

/** The API's filter parameters of a state: both actors when there are two (events between
 * them, either way), dates, codes, country, words, issue (theme), tone, negated. */
export function apiParams(s) {
  const a = actorOf(s.a);
  const b = actorOf(s.b);
  return {
    actor: [a, b].filter(Boolean),
    from: s.from, to: s.to, code: s.code.trim(), root: s.root, quad: s.quad,
    country: s.country.trim(), text: s.text.trim(), issue: s.issue.trim(),
    tone_above: s.tlo.trim(), tone_below: s.thi.trim(), with_negated: s.neg === '1' ? 'true' : '',
  };
}

/** The `dyad export` command that writes the same events (codes as the API read them). */
export function exportCommand(read, format) {
  const parts = ['dyad export --db DB', `--format ${format}`];
  for (const [k, v] of read.params || []) {
    const flag = `--${k.replace(/_/g, '-')}`;
    parts.push(/^[\w:.-]+$/.test(v) ? `${flag} ${v}` : `${flag} '${v.replace(/'/g, "'\\''")}'`);
  }
  if (read.sort && read.sort !== 'date') parts.push(`--sort=${read.sort}`);
  return parts.join(' ');
}

/** The first and last day of a period of the series ("2017-05" → 2017-05-01..2017-05-31). */
export function periodDays(period, by) {
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, '0')}`];
  }
  if (by === 'week') {
    const d = new Date(`${period}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 6);
    return [period, d.toISOString().slice(0, 10)];
  }
  return [period, period];
}
