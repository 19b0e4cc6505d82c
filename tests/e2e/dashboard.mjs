// End-to-end test of the dashboard in a real headless Chromium (Debian's, driven by
// playwright-core), as an analyst uses it: a typed name resolving (Macron → FRAGOV), a dyad's
// timeline, network, map, table and highlighted article, a table filter changing the timeline
// and the map, the table's total and sort, brush zoom setting the dates, the URL surviving a
// reload and the back button, the export of the view downloaded, and the error states (From
// after To, a bad code) shown once with no console error. Saves a screenshot of each step
// (NAME-1-name.png …) next to SCREENSHOT.png. Usage: node dashboard.mjs BASE_URL SCREENSHOT.png
import { checks, launch, stepShot } from './harness.mjs';
import { readFileSync } from 'node:fs';

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: node dashboard.mjs BASE_URL SCREENSHOT.png');
  process.exit(2);
}
const { check, fail, summary } = checks();
const step = (n, name) => stepShot(shot, n, name);

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => { if (!r.url().includes('/api/export')) errors.push(`request failed: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });

  const settled = () => page.waitForFunction(() => {
    const r = window.dyad && window.dyad.ready;
    return r && r.timeline && r.network && r.map && r.table;
  }, null, { timeout: 20000 });
  const show = async () => {
    await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
    await page.click('#show');
    await settled();
  };
  const seriesEvents = () => page.evaluate(() => window.dyad.series.points.reduce((n, p) => n + p.events, 0));

  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('stats').textContent.includes('loading'), null, { timeout: 15000 });
  await settled();
  check('stats line', /articles/.test(await page.textContent('#stats')), await page.textContent('#stats'));

  // 1. a typed name resolves through the dictionaries
  await page.fill('#actor-a', 'Macron');
  await page.fill('#actor-b', '');
  await show();
  const pickNote = await page.textContent('#pick-note');
  check('Macron resolves to FRAGOV', pickNote.includes('Macron → FRAGOV'), pickNote);
  const macronRows = await page.locator('#events tbody tr').count();
  const macronCells = await page.locator('#events tbody tr td:nth-child(2), #events tbody tr td:nth-child(5)').allTextContents();
  check('the table has FRAGOV\'s events', macronRows >= 2 && macronCells.some((c) => c === 'FRAGOV'), macronCells.join(','));
  check('the name stays in the URL', page.url().includes('a=Macron'), page.url());
  await page.screenshot({ path: step(1, 'name'), fullPage: true });

  // 2. a dyad: every panel drawn
  await page.fill('#actor-a', 'FRA');
  await page.fill('#actor-b', 'CHN');
  await show();
  const title = await page.textContent('#timeline-title');
  check('timeline is for the dyad', title.includes('FRA') && title.includes('CHN'), title);
  const painted = await page.evaluate(() => {
    const c = document.getElementById('timeline');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
    return n;
  });
  check('timeline canvas is drawn', painted > 1000, `${painted} pixels`);
  check('network has nodes', (await page.evaluate(() => window.dyad.networkNodes)) >= 2);
  const circles = await page.locator('#map circle.place').count();
  check('map has land, places and a legend', circles >= 1 && await page.locator('#map path.land').count() === 1
    && await page.locator('#map g.legend').count() === 1, `places ${circles}`);
  const sources = await page.locator('#events tbody tr td:nth-child(2)').allTextContents();
  check('table rows are FRA or CHN', sources.length >= 5 && sources.every((s) => s.startsWith('FRA') || s.startsWith('CHN')), sources.join(','));
  const labels = await page.locator('#events tbody tr td:nth-child(4)').allTextContents();
  check('codes carry their CAMEO labels', labels.every((l) => l.length > 3), labels.join('|'));

  // 3. the table's total and sort
  const total = await page.evaluate(() => window.dyad.read.events);
  const tableNote = await page.textContent('#table-note');
  check('the table says its total', tableNote.includes(`of ${total} events`), tableNote);
  const dates = await page.locator('#events tbody tr td:nth-child(1)').allTextContents();
  check('newest first by default', dates.join() === [...dates].sort().reverse().join(), dates.join());
  await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
  await page.click('#events th[data-sort="goldstein"]');
  await settled();
  const gold = (await page.locator('#events tbody tr td:nth-child(7)').allTextContents()).map(Number);
  check('sorted by Goldstein, highest first', gold.every((g, i) => i === 0 || gold[i - 1] >= g), gold.join(','));
  check('the sort is in the URL', page.url().includes('sort=-goldstein'), page.url());

  // 4. a table filter changes the timeline and the map too
  const before = { series: await seriesEvents(), places: await page.evaluate(() => window.dyad.placeEvents) };
  await page.fill('#f-code', '04');
  await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
  await page.click('#f-apply');
  await settled();
  const after = { series: await seriesEvents(), places: await page.evaluate(() => window.dyad.placeEvents) };
  const codes = await page.locator('#events tbody tr td:nth-child(3)').allTextContents();
  check('table filter by code', codes.length > 0 && codes.every((c) => c.startsWith('04')), codes.join(','));
  check('the filter narrows the timeline', after.series > 0 && after.series < before.series, JSON.stringify({ before, after }));
  check('the filter narrows the map', after.places > 0 && after.places < before.places, JSON.stringify({ before, after }));
  await page.screenshot({ path: step(2, 'filter'), fullPage: true });

  // 5. the meeting, highlighted in its article, every report listed, the page not scrolled
  const y0 = await page.evaluate(() => window.scrollY);
  await page.locator('#events tbody tr', { hasText: '040' }).first().click();
  await page.waitForSelector('#article mark.hl-verb', { timeout: 10000 });
  const marks = await page.evaluate(() => ({
    source: [...document.querySelectorAll('#article .hl-source')].map((m) => m.textContent).join(''),
    verb: [...document.querySelectorAll('#article .hl-verb')].map((m) => m.textContent).join(''),
    target: [...document.querySelectorAll('#article .hl-target')].map((m) => m.textContent).join(''),
    evidence: document.querySelectorAll('#article .hl-evidence').length,
    reports: document.querySelectorAll('#reports button.report').length,
    others: [...document.querySelectorAll('#article .hl-other')].filter((s) => s.title.includes('also coded here')).length,
  }));
  check('article: source span', marks.source.includes('Macron'), JSON.stringify(marks));
  check('article: action span', marks.verb === 'met with', JSON.stringify(marks));
  check('article: target span', marks.target.includes('Xi Jinping'), JSON.stringify(marks));
  check('article: evidence underlined', marks.evidence >= 1, JSON.stringify(marks));
  check('article: its reports listed', marks.reports >= 1, JSON.stringify(marks));
  check('article: other events have tooltips', marks.others >= 1, JSON.stringify(marks));
  check('no scroll jump on a row click', (await page.evaluate(() => window.scrollY)) === y0);
  await page.screenshot({ path: shot, fullPage: true });
  await page.locator('#article-panel').screenshot({ path: shot.replace(/\.png$/, '-article.png') });

  // 6. brush zoom: drag across the timeline of two months
  await page.fill('#f-code', '');
  await page.fill('#actor-a', '');
  await page.fill('#actor-b', '');
  await page.fill('#from', '2025-11-01');
  await page.fill('#to', '2025-12-31');
  await show();
  const periods = await page.evaluate(() => window.dyad.series.points.length);
  check('a continuous axis (61 days)', periods === 61, `${periods}`);
  const box = await page.locator('#timeline').boundingBox();
  await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 5 });
  await page.mouse.up();
  await settled();
  const zoom = { from: await page.inputValue('#from'), to: await page.inputValue('#to') };
  check('brush zoom sets From and To', zoom.from > '2025-11-01' && zoom.to < '2025-12-31' && zoom.from < zoom.to, JSON.stringify(zoom));
  check('the zoom is in the URL', page.url().includes(`from=${zoom.from}`) && page.url().includes(`to=${zoom.to}`), page.url());
  await page.screenshot({ path: step(3, 'zoom'), fullPage: true });

  // 7. the URL round trip: reload, then back
  await page.fill('#f-code', '04');
  await show();
  const kept = { url: page.url(), total: await page.evaluate(() => window.dyad.read.events), code: '04', ...zoom };
  await page.reload({ waitUntil: 'load' });
  await settled();
  const reloaded = {
    from: await page.inputValue('#from'), to: await page.inputValue('#to'), code: await page.inputValue('#f-code'),
    total: await page.evaluate(() => window.dyad.read.events),
  };
  check('reload keeps the view', reloaded.from === kept.from && reloaded.to === kept.to && reloaded.code === '04'
    && reloaded.total === kept.total, JSON.stringify({ kept, reloaded }));
  await page.evaluate(() => { for (const k of Object.keys(window.dyad.ready)) window.dyad.ready[k] = false; });
  await page.goBack();
  await settled();
  check('back returns to the view before', (await page.inputValue('#f-code')) === '' && (await page.inputValue('#from')) === zoom.from,
    `${page.url()}`);
  await page.goForward();
  await settled();
  await page.screenshot({ path: step(4, 'reloaded'), fullPage: true });

  // 8. export of the current view
  const command = await page.textContent('#x-command');
  check('the equivalent dyad export command', command.startsWith('dyad export') && command.includes('--code 04')
    && command.includes(`--from ${zoom.from}`), command);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#x-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  const viewTotal = await page.evaluate(() => window.dyad.read.events);
  check('the CSV download is the view', csv.length === viewTotal + 1 && csv.slice(1).every((l) => l.split(',')[4].startsWith('04')),
    `${csv.length} lines for ${viewTotal} events`);

  // 9. errors: one message, panels marked, no console error
  await page.fill('#from', '2025-12-10');
  await page.fill('#to', '2025-12-01');
  await page.click('#show');
  await settled();
  const err = await page.textContent('#error');
  const staleNotes = await page.locator('.stale-note:visible').count();
  check('From after To: one message', (await page.isVisible('#error')) && err.includes('before'), err);
  check('From after To: the panels marked not updated', staleNotes === 4, `${staleNotes}`);
  await page.screenshot({ path: step(5, 'error-dates'), fullPage: true });
  await page.fill('#from', '');
  await page.fill('#to', '');
  await page.fill('#f-code', '04x');
  await page.click('#show');
  await settled();
  const err2 = await page.textContent('#error');
  check('a bad code: the message names the code', err2.includes('code') && err2.includes('04x'), err2);
  check('the bad input is marked', (await page.getAttribute('#f-code', 'class') || '').includes('bad'));
  await page.screenshot({ path: step(6, 'error-code'), fullPage: true });
  await page.fill('#f-code', '');
  await show();
  check('a good choice clears the error', !(await page.isVisible('#error')) && (await page.locator('.stale-note:visible').count()) === 0);

  // 10. at 1024 px the network fits its panel
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.waitForTimeout(300);
  const fit = await page.evaluate(() => {
    const p = document.getElementById('network-panel').getBoundingClientRect();
    const n = document.querySelector('#network canvas').getBoundingClientRect();
    return { panel: p.right, net: n.right };
  });
  check('the network fits its panel at 1024 px', fit.net <= fit.panel + 1, JSON.stringify(fit));
  await page.screenshot({ path: step(7, 'narrow'), fullPage: true });

  check('no errors in the page', errors.length === 0, errors.join(' | '));
  check('nothing fetched from elsewhere', external.length === 0, external.join(' '));
} catch (e) {
  fail(e.message);
} finally {
  await browser.close();
}
process.exit(summary('e2e'));
