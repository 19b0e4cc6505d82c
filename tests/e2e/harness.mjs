// What the end-to-end scripts share: Debian's chromium launched headless by playwright-core,
// the checks they count, and the names of their step screenshots.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Launch headless Chromium (CHROMIUM, else Debian's), or exit 3 naming what is missing. */
export async function launch() {
  const executablePath = process.env.CHROMIUM
    || ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  if (!executablePath) {
    console.error('e2e: no chromium found (apt-get install chromium, or set CHROMIUM)');
    process.exit(3);
  }
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** Named checks, counted: `check(name, ok, detail)`, then `summary(label)` prints and gives the
 * exit code. */
export function checks() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, ok, detail = '') {
      if (ok) { passed += 1; console.log(`ok   ${name}`); } else { failed += 1; console.log(`FAIL ${name} ${detail}`); }
    },
    fail(message) { failed += 1; console.log(`FAIL ${message}`); },
    summary(label) {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      return failed ? 1 : 0;
    },
  };
}

/** The screenshot of step `n` beside SHOT.png: SHOT-n-name.png. */
export const stepShot = (shot, n, name) => shot.replace(/\.png$/, `-${n}-${name}.png`);
