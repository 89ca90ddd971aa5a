// A real framework consumer of article-widget/server: an Astro site (tests/astro/) with the
// packed tarball installed renders the seed at build time, in Node, and headless Chromium shows
// the built page, the loader taking the markup over with no request for WebAssembly. Astro 5 is
// the framework because it is a whole framework that is light to install and quick to build
// here (Next.js brings a compiler binary over 100 MB and a slower build on two cores); Astro 6
// and later need Node 22, the project's floor is Node 20.
import { execFile as execFileCallback } from 'node:child_process';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, ROOT, installPackedPackage, launch, serve } from './support.mjs';

const execFile = promisify(execFileCallback);
const SITE = join(ROOT, 'target/astro-consumer');
const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));

let site;
let browser;

before(async () => {
  await rm(SITE, { recursive: true, force: true });
  await cp(join(ROOT, 'tests/astro'), SITE, { recursive: true });
  await cp(join(ROOT, 'static/articles'), join(SITE, 'articles'), { recursive: true });
  await installPackedPackage(SITE, 'astro-consumer');
  // The host serves the widget's files from /aw/, copied from the package.
  const pkg = join(SITE, 'node_modules/article-widget');
  for (const file of ['article-widget.js', 'article-widget-render.js', 'article-widget.css', 'wasm']) {
    await cp(join(pkg, file), join(SITE, 'public/aw', file), { recursive: true });
  }
  await execFile(join(ROOT, 'node_modules/.bin/astro'), ['build', '--silent'],
    { cwd: SITE, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  site = await serve(join(SITE, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('astro build writes the markup `article-widget render --fragment` writes', async () => {
  const page = await readFile(join(SITE, 'dist/index.html'), 'utf8');
  const { stdout } = await execFile(CLI, ['render', join(ROOT, 'static/articles/krebs.json'), '--fragment',
    '--assets', '/aw/', '--heading-level', '2'], { encoding: 'utf8' });
  assert.ok(page.includes(stdout.trimEnd()), 'the fragment is in the built page as the command line writes it');
  const built = await readdir(join(SITE, 'dist'), { recursive: true });
  assert.deepEqual(built.filter((file) => file.includes('article-widget-server')), [],
    'nothing of the server renderer is shipped to the browser');
});

test('Chromium shows the pre-rendered seed, taken over with no WebAssembly requested', async () => {
  const tab = await browser.newPage();
  const errors = [];
  const wasm = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('request', (request) => /\/wasm\/|\.wasm$/.test(new URL(request.url()).pathname) && wasm.push(request.url()));
  await tab.goto(`${site.origin}/`);
  await tab.waitForFunction(() => window.readyEvents > 0);
  const headline = tab.locator('[data-article-widget] h2.artw-headline');
  assert.equal(await headline.textContent(), seed.headline);
  assert.equal(await headline.isVisible(), true);
  assert.equal(await tab.evaluate(() => Boolean(document.querySelector('[data-article-widget]').shadowRoot)), true,
    'the declarative shadow root was attached');
  assert.deepEqual(wasm, []);
  assert.deepEqual(errors, []);
  await tab.close();
});
