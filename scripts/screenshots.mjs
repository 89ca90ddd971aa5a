// Takes the README's pictures of the built demo (dist/) in headless Chromium, and of a site
// built by `article-widget build` from static/articles: its index, and the card embedded in a
// WordPress-like post on another origin.
// Usage: node scripts/screenshots.mjs [out-dir]   (./dev screenshots builds first)
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, DIST, ROOT, launch, serve } from '../tests/e2e/support.mjs';
import { HOST_SCRIPT, wordpressFilter } from '../tests/e2e/site/wordpress.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs', 'screenshots');
const shots = [
  { name: 'seed-desktop-light.png', path: '/', width: 1280, colorScheme: 'light' },
  { name: 'seed-desktop-dark.png', path: '/', width: 1280, colorScheme: 'dark' },
  { name: 'seed-phone.png', path: '/', width: 360, colorScheme: 'light' },
  { name: 'rtl-arabic.png', path: '/demo/rtl.html', width: 1280, colorScheme: 'light' },
];

await mkdir(out, { recursive: true });
const server = await serve(DIST);
const browser = await launch();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 900 }, colorScheme: shot.colorScheme });
    await page.goto(server.origin + shot.path);
    await page.locator('[data-article-widget] .artw-article').waitFor();
    await page.screenshot({ path: join(out, shot.name), fullPage: true });
    await page.close();
    console.log(`wrote ${join(out, shot.name)}`);
  }
  await siteShots();
  await datelineShots();
  await wholeShots();
  await postShots();
} finally {
  await browser.close();
  await server.close();
}

async function siteShots() {
  const work = await mkdtemp(join(tmpdir(), 'artw-shots-'));
  const site = await serve(join(work, 'site'), {}, { 'access-control-allow-origin': '*' });
  const base = `${site.origin}/`;
  execFileSync(CLI, ['build', join(ROOT, 'static/articles'), '--base-url', base, '-o', join(work, 'site'), '--widget', DIST,
    '--title', 'News Example'], { stdio: 'inherit' });
  const oembed = JSON.parse(await readFile(join(work, 'site/krebs/oembed.json'), 'utf8'));
  const post = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title>
<style>body { margin: 0; background: #f0f0f1; font: 18px/1.6 Georgia, serif; color: #1e1e1e }
main { max-width: 640px; margin: 0 auto; padding: 32px 20px; background: #fff } iframe { max-width: 100% }
h1 { font: 700 34px/1.2 system-ui, sans-serif }</style>
<script>${HOST_SCRIPT}</script></head><body><main><h1>Our week in security</h1>
<p>The week's biggest story came from Washington. Here it is, as the publisher tells it:</p>
${wordpressFilter(oembed.html)}
<p>We will follow what happens next.</p></main></body></html>`;
  const host = await serve(work, { '/post.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(post) });
  try {
    for (const shot of [
      { name: 'site-index.png', url: base, width: 1000 },
      { name: 'site-embed-wordpress.png', url: `${host.origin}/post.html`, width: 800, height: 600 },
    ]) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height ?? 900 } });
      await page.goto(shot.url);
      if (shot.name.includes('embed')) await page.waitForFunction(() => !document.querySelector('iframe').hasAttribute('style'));
      await page.screenshot({ path: join(out, shot.name), fullPage: true });
      await page.close();
      console.log(`wrote ${join(out, shot.name)}`);
    }
  } finally {
    await host.close();
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** The header of an article updated later on the day it was published, light, dark and RTL. */
async function datelineShots() {
  const work = await mkdtemp(join(tmpdir(), 'artw-dateline-'));
  const pages = {};
  for (const [name, file, published, updated, theme] of [
    ['dateline-light.png', 'krebs.json', '2020-11-18T09:30:00-05:00', '2020-11-18T16:05:00-05:00', 'light'],
    ['dateline-dark.png', 'krebs.json', '2020-11-18T09:30:00-05:00', '2020-11-18T16:05:00-05:00', 'dark'],
    ['dateline-rtl.png', 'ar-krebs.json', '2020-11-18T09:30:00+03:00', '2020-11-18T13:30:00+03:00', 'light'],
  ]) {
    const article = JSON.parse(await readFile(join(ROOT, 'static/articles', file), 'utf8'));
    const source = join(work, name.replace('.png', '.json'));
    await writeFile(source, JSON.stringify({ ...article, published, updated }));
    const fragment = execFileSync(CLI, ['render', source, '--fragment', '--assets', '/', '--theme', theme], { encoding: 'utf8' });
    pages[`/shots/${name}.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dateline</title>
<script type="module" src="/article-widget.js"></script></head><body style="margin:0">${fragment}</body></html>`);
  }
  const host = await serve(DIST, pages);
  try {
    for (const name of Object.keys(pages).map((path) => path.slice('/shots/'.length, -'.html'.length))) {
      const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
      await page.goto(`${host.origin}/shots/${name}.html`);
      await page.locator('[data-article-widget] .artw-header').screenshot({ path: join(out, name) });
      await page.close();
      console.log(`wrote ${join(out, name)}`);
    }
  } finally {
    await host.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Every part of the format (static/articles/whole.json): on a phone, dark, and in Arabic. */
async function wholeShots() {
  const pages = {};
  for (const file of ['whole.json', 'whole-ar.json']) {
    const json = await readFile(join(ROOT, 'static/articles', file), 'utf8');
    pages[`/shots/${file}.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Whole article</title><script type="module" src="/article-widget.js"></script></head>
<body style="margin:0"><div data-article-widget><script type="application/json">${json}</script></div></body></html>`);
  }
  const host = await serve(DIST, pages);
  try {
    for (const [name, file, width, colorScheme] of [
      ['whole-phone.png', 'whole.json', 360, 'light'],
      ['whole-dark.png', 'whole.json', 900, 'dark'],
      ['whole-rtl.png', 'whole-ar.json', 900, 'light'],
    ]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${host.origin}/shots/${file}.html`);
      await page.locator('[data-article-widget] .artw-notes').waitFor();
      await page.screenshot({ path: join(out, name), fullPage: true });
      await page.close();
      console.log(`wrote ${join(out, name)}`);
    }
  } finally {
    await host.close();
  }
}

/** Saved posts and video facades (static/articles/posts.json): cards on a phone, light and right
 * to left, and the facades dark. */
async function postShots() {
  const json = JSON.parse(await readFile(join(ROOT, 'static/articles/posts.json'), 'utf8'));
  const page = (article) => (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Posts and videos</title><script type="module" src="/article-widget.js"></script></head>
<body style="margin:0"><div data-article-widget><script type="application/json">${JSON.stringify(article)}</script></div></body></html>`);
  const host = await serve(DIST, { '/shots/posts.html': page(json), '/shots/posts-ar.html': page({ ...json, lang: 'ar' }) });
  try {
    for (const [name, file, width, colorScheme, first, last] of [
      ['posts-phone.png', 'posts', 360, 'light', '.artw-body > .artw-post >> nth=1', '.artw-body > .artw-post >> nth=3'],
      ['posts-rtl.png', 'posts-ar', 360, 'light', '.artw-body > .artw-post >> nth=0', '.artw-body > .artw-post >> nth=1'],
      ['video-facades-dark.png', 'posts', 640, 'dark', '.artw-video >> nth=1', '.artw-video >> nth=2'],
    ]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await tab.goto(`${host.origin}/shots/${file}.html`);
      const widget = tab.locator('[data-article-widget]');
      await widget.locator('.artw-video-frame').first().waitFor();
      await tab.evaluate(() => Promise.all([...document.querySelector('[data-article-widget]').shadowRoot.querySelectorAll('img')]
        .map((img) => (img.loading = 'eager', img.decode().catch(() => {})))));
      const top = await widget.locator(first).boundingBox();
      const bottom = await widget.locator(last).boundingBox();
      const clip = { x: 0, y: top.y - 12, width, height: bottom.y + bottom.height - top.y + 24 };
      await tab.screenshot({ path: join(out, name), fullPage: true, clip });
      await tab.close();
      console.log(`wrote ${join(out, name)}`);
    }
  } finally {
    await host.close();
  }
}
