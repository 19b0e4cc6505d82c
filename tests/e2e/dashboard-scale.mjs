// The dashboard on a store of a million events (issue 19: "the dashboard stays responsive at
// 10 M events; the end-to-end test runs on a 1 M-event store as well as the sample"), in a
// real headless Chromium: the first view (the top dyad), one actor, an event code and a word
// of the evidence each draw every panel (timeline, network, map, table) within a time an
// analyst waits for, with no error in the page. The store is `dyad bench store`'s synthetic one, so the
// checks name no article, only the shape of what each panel shows. Prints each view's time.
// Usage: node dashboard-scale.mjs BASE_URL SCREENSHOT.png EVENTS [SECONDS per view, default 5]
// (EVENTS: how many events the store holds at least, which the stats line must count)
import { checks, launch, stepShot } from './harness.mjs';

const [base, shot, eventsArg, limitArg] = process.argv.slice(2);
if (!base || !shot || !eventsArg) {
  console.error('usage: node dashboard-scale.mjs BASE_URL SCREENSHOT.png EVENTS [SECONDS]');
  process.exit(2);
}
const atLeast = Number(eventsArg);
const limitMs = 1000 * Number(limitArg || 5);
const { check, fail, summary } = checks();
const step = (n, name) => stepShot(shot, n, name);

const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });

  // every panel reports itself drawn (window.dyad.ready), within twice the bound (the bound
  // itself is checked on the time taken)
  const settled = () => page.waitForFunction(() => {
    const r = window.dyad && window.dyad.ready;
    return r && r.timeline && r.network && r.map && r.table;
  }, null, { timeout: 2 * limitMs + 10000 });
  const view = async (n, name, fill) => {
    await fill();
    await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
    const t0 = Date.now();
    await page.click('#show');
    await settled();
    const ms = Date.now() - t0;
    console.log(`     ${name}: ${ms} ms`);
    check(`${name}: every panel drawn in under ${limitMs / 1000} s`, ms < limitMs, `${ms} ms`);
    const rows = await page.locator('#events tbody tr').count();
    check(`${name}: the table has rows`, rows >= 1, `${rows} rows`);
    await page.screenshot({ path: step(n, name.replace(/\W+/g, '-')), fullPage: true });
    return rows;
  };

  const t0 = Date.now();
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('stats').textContent.includes('loading'), null, { timeout: 2 * limitMs + 10000 });
  await settled();
  const first = Date.now() - t0;
  console.log(`     first view: ${first} ms`);
  check(`first view: every panel drawn in under ${limitMs / 1000} s`, first < limitMs, `${first} ms`);
  const stats = await page.textContent('#stats');
  // the stats line counts the store's events (a million, written with separators or not)
  const counted = Number((stats.match(/([\d,\s]+)\s*events/) || ['', '0'])[1].replace(/[,\s]/g, ''));
  check(`the stats line counts the store's ${atLeast} events or more`, counted >= atLeast, stats);

  // the first view is the store's top dyad; then one of its actors, an event code and a word
  const a = await page.inputValue('#actor-a');
  const b = await page.inputValue('#actor-b');
  check('the first view is a dyad', a !== '' && b !== '', `${a} ${b}`);
  check('the network has nodes', (await page.evaluate(() => window.dyad.networkNodes)) >= 2);
  await view(1, 'one actor', async () => {
    await page.fill('#actor-b', '');
  });
  const title = await page.textContent('#timeline-title');
  check('the timeline is the actor\'s', title.includes(a), title);
  await view(2, 'an event code', async () => {
    await page.fill('#f-code', '19');
  });
  check('the map has places', (await page.locator('#map circle.place').count()) >= 1);
  // a word of an event's evidence (the synthetic evidence names a weekday, a word in a
  // seventh of the reports, whose estimate once made every panel count them all)
  const word = await page.evaluate(async () => {
    const r = await (await fetch('/api/events?limit=1')).json();
    const words = (r.events[0].evidence || '').split(/[^A-Za-z]+/).filter((w) => w.length > 3);
    return words.sort((x, y) => y.length - x.length)[0] || '';
  });
  check('an evidence word to look for', word !== '', word);
  await view(3, 'words of the evidence', async () => {
    await page.fill('#f-code', '');
    await page.fill('#f-text', word);
  });

  check('no errors in the page', errors.length === 0, errors.join(' | '));
} catch (e) {
  fail(e.message);
} finally {
  await browser.close();
}
process.exit(summary('e2e at scale'));
