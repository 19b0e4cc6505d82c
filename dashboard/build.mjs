// Build the dashboard into crates/dyad-server/assets/, where the binary embeds it from:
// app.js (one minified bundle of src/ and its npm libraries), app.css, and the
// Natural Earth land outline from world-atlas. The output is committed.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// DYAD_ASSETS_OUT: build elsewhere (the test that checks the committed bundle is up to date)
const out = process.env.DYAD_ASSETS_OUT || join(here, '..', 'crates', 'dyad-server', 'assets');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true, minify: true, format: 'iife', target: ['es2020'],
  outfile: join(out, 'app.js'), legalComments: 'eof', logLevel: 'info',
});
await build({
  entryPoints: [join(here, 'src', 'app.css')], bundle: true, minify: true,
  outfile: join(out, 'app.css'), logLevel: 'info',
});
copyFileSync(join(here, 'node_modules', 'world-atlas', 'land-110m.json'), join(out, 'land-110m.json'));
