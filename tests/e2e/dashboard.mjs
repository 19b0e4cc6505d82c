// End-to-end test of the dashboard in a real headless Chromium (Debian's, driven by
// playwright-core): open the page served by `dyad serve`, pick a dyad, and check that the
// timeline, the network, the map, the event table and the highlighted article view render
// with data. Saves a screenshot. Usage: node dashboard.mjs BASE_URL SCREENSHOT.png
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error('usage: node dashboard.mjs BASE_URL SCREENSHOT.png');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM
  || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!executablePath) {
  console.error('e2e: no chromium found (apt-get install chromium, or set CHROMIUM)');
  process.exit(3);
}

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed += 1; console.log(`ok   ${name}`); } else { failed += 1; console.log(`FAIL ${name} ${detail}`); }
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });

  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('stats').textContent.includes('loading'), null, { timeout: 15000 });
  check('stats line', /articles/.test(await page.textContent('#stats')), await page.textContent('#stats'));

  // pick a dyad: France and China
  await page.fill('#actor-a', 'FRA');
  await page.fill('#actor-b', 'CHN');
  await page.selectOption('#by', 'day');
  await page.click('#show');
  await page.waitForFunction(() => {
    const r = window.dyad && window.dyad.ready;
    return r && r.timeline && r.network && r.map && r.table;
  }, null, { timeout: 20000 });

  const timeline = await page.evaluate(() => ({ points: window.dyad.timelinePoints, title: document.getElementById('timeline-title').textContent }));
  check('timeline has periods', timeline.points >= 1, JSON.stringify(timeline));
  check('timeline is for the dyad', timeline.title.includes('FRA') && timeline.title.includes('CHN'), timeline.title);
  const painted = await page.evaluate(() => {
    const c = document.getElementById('timeline');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n += 1;
    return n;
  });
  check('timeline canvas is drawn', painted > 1000, `${painted} pixels`);
  const nodes = await page.evaluate(() => window.dyad.networkNodes);
  check('network has nodes', nodes >= 2, `${nodes}`);
  const circles = await page.locator('#map circle.place').count();
  const land = await page.locator('#map path.land').count();
  check('map has land and places', land === 1 && circles >= 1, `land ${land}, places ${circles}`);
  const rows = await page.locator('#events tbody tr').count();
  check('table has the dyad\'s events', rows >= 5, `${rows} rows`);
  const sources = await page.locator('#events tbody tr td:nth-child(2)').allTextContents();
  check('table rows are FRA or CHN', sources.every((s) => s.startsWith('FRA') || s.startsWith('CHN')), sources.join(','));

  // table filter: CAMEO root 04 only
  await page.fill('#f-code', '04');
  await page.click('#f-apply');
  await page.waitForFunction(() => [...document.querySelectorAll('#events tbody tr td:nth-child(3)')].every((td) => td.textContent.startsWith('04')) && document.querySelectorAll('#events tbody tr').length > 0, null, { timeout: 10000 });
  check('table filter by code', true);

  // the meeting, highlighted in its article
  await page.locator('#events tbody tr', { hasText: '040' }).first().click();
  await page.waitForSelector('#article mark.hl-verb', { timeout: 10000 });
  const marks = await page.evaluate(() => ({
    source: [...document.querySelectorAll('#article .hl-source')].map((m) => m.textContent).join(''),
    verb: [...document.querySelectorAll('#article .hl-verb')].map((m) => m.textContent).join(''),
    target: [...document.querySelectorAll('#article .hl-target')].map((m) => m.textContent).join(''),
    evidence: document.querySelectorAll('#article .hl-evidence').length,
    title: document.getElementById('article-title').textContent,
  }));
  check('article: source span', marks.source.includes('Macron'), JSON.stringify(marks));
  check('article: action span', marks.verb === 'met with', JSON.stringify(marks));
  check('article: target span', marks.target.includes('Xi Jinping'), JSON.stringify(marks));
  check('article: evidence underlined', marks.evidence >= 1, JSON.stringify(marks));

  await page.screenshot({ path: shot, fullPage: true });
  await page.locator('#article-panel').screenshot({ path: shot.replace(/\.png$/, '-article.png') });
  check('no errors in the page', errors.length === 0, errors.join(' | '));
  check('nothing fetched from elsewhere', external.length === 0, external.join(' '));
} catch (e) {
  failed += 1;
  console.log(`FAIL ${e.message}`);
} finally {
  await browser.close();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
