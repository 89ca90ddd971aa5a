// Saved posts and videos (static/articles/posts.json: a post from each platform, a quoted post,
// YouTube and Vimeo facades and a video file) on a phone: nothing is requested from any
// platform before play, and never for a post; play (mouse or keyboard) puts the privacy-enhanced
// player in the facade's box, with no layout shift and no WebAssembly; the links-only policy
// keeps facades links; the pre-rendered markup is the markup the browser renders; axe-core finds
// nothing in light, dark and right to left; print shows each post's URL; the Nu checker finds no
// error.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, articleStructure as structure, nuErrors, serveAndLaunch } from './support.mjs';

const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SOURCE = join(ROOT, 'static/articles/posts.json');
const json = await readFile(SOURCE, 'utf8');
// The platforms' and the video hosts' domains, and the instance the fixture's Mastodon post is on.
const PLATFORM = /(^|\.)(x\.com|twitter\.com|twimg\.com|bsky\.app|bsky\.social|riverside\.social|threads\.net|instagram\.com|cdninstagram\.com|fbcdn\.net|youtube\.com|youtube-nocookie\.com|ytimg\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/;
const SCREENSHOTS = join(ROOT, 'target/screenshots');

// The same article right to left: Arabic, so the labels and the page direction are.
const arabic = { ...JSON.parse(json), lang: 'ar' };
const work = await mkdtemp(join(tmpdir(), 'artw-posts-'));
const arabicSource = join(work, 'posts-ar.json');
await writeFile(arabicSource, JSON.stringify(arabic));

// A news page with each platform's embed code (and its script) and players, imported.
execFileSync(CLI, ['import', join(ROOT, 'tests/fixtures/import/embeds-news.html'), '-o', join(work, 'imported')], { stdio: 'ignore' });
const importedSource = join(work, 'imported/election-week-online.json');
const imported = await readFile(importedSource, 'utf8');

const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<script type="module" src="/article-widget.js"></script></head><body><main>${body}</main></body></html>`;
const html = (text) => (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(text);
const fragment = (file) => execFileSync(CLI, ['render', file, '--fragment', '--assets', '/'], { encoding: 'utf8' });
const withId = (markup, attributes = '') => markup.replace('<div data-article-widget', `<div id="w" data-article-widget${attributes}`);
const inline = (text, attributes = '') => `<div id="w" data-article-widget${attributes}><script type="application/json">${text}</script></div>`;
const routes = {
  '/t/client.html': html(hostPage(inline(json))),
  '/t/prerendered.html': html(hostPage(withId(fragment(SOURCE)))),
  '/t/links-only.html': html(hostPage(withId(fragment(SOURCE), ' data-players="link"'))),
  '/t/client-ar.html': html(hostPage(inline(JSON.stringify(arabic)))),
  '/t/prerendered-ar.html': html(hostPage(withId(fragment(arabicSource)))),
  '/t/imported.html': html(hostPage(inline(imported))),
  '/t/imported-prerendered.html': html(hostPage(withId(fragment(importedSource)))),
};

const { server, browser } = await serveAndLaunch(routes, after);

/**
 * Opens `path` at 360 px with every request logged; a platform's answers a stub page, so a
 * player that loads is seen in the log and nothing leaves the machine.
 */
async function open(path, options = {}, posts = 6) {
  const tab = await browser.newPage({ viewport: { width: 360, height: 740 }, ...options });
  const requests = [];
  tab.on('request', (request) => requests.push(request.url()));
  await tab.route((url) => PLATFORM.test(url.hostname), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player' }));
  await tab.goto(server.origin + path);
  await tab.waitForFunction((n) => document.getElementById('w')?.shadowRoot?.querySelectorAll('.artw-post').length >= n, posts);
  const platform = () => requests.filter((url) => PLATFORM.test(new URL(url).hostname));
  const ours = () => requests.filter((url) => new URL(url).pathname.startsWith('/wasm/'));
  return { tab, platform, ours };
}

/** Presses play on the `index`th facade (by `how`), and reports the facade's box and the player. */
async function play(tab, index, how) {
  await tab.evaluate(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: false });
  });
  const facade = tab.locator('#w .artw-video-play').nth(index);
  await facade.scrollIntoViewIfNeeded();
  const frame = tab.locator('#w .artw-video-frame').nth(index);
  const before = await frame.boundingBox();
  if (how === 'keyboard') {
    await facade.focus();
    await tab.keyboard.press('Enter');
  } else {
    await facade.click();
  }
  const player = frame.locator('iframe');
  await player.waitFor();
  return {
    before,
    after: await frame.boundingBox(),
    playerBox: await player.boundingBox(),
    src: await player.getAttribute('src'),
    title: await player.getAttribute('title'),
    allow: await player.getAttribute('allow'),
    focused: await tab.evaluate(() => document.getElementById('w').shadowRoot.activeElement?.localName),
    shifts: await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.shifts)))),
    url: tab.url(),
  };
}

describe('posts.json', () => {
  test('pre-rendered, it is the markup the browser renders from the JSON', async () => {
    for (const [client, prerendered] of [['/t/client.html', '/t/prerendered.html'], ['/t/client-ar.html', '/t/prerendered-ar.html']]) {
      const a = await open(client);
      const b = await open(prerendered);
      const [rendered, taken] = [await structure(a.tab), await structure(b.tab)];
      assert.ok(rendered.length > 100, `${rendered.length} lines`);
      assert.deepEqual(taken, rendered, prerendered);
      await a.tab.close();
      await b.tab.close();
    }
  });

  for (const path of ['/t/prerendered.html', '/t/client.html']) {
    test(`${path}: every post is a card of what was saved, and nothing is asked of any platform`, async () => {
      const { tab, platform } = await open(path);
      await tab.waitForLoadState('networkidle');
      const found = await tab.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        return [...root.querySelectorAll('.artw-body > .artw-post')].map((post) => ({
          tag: post.localName,
          by: [...post.querySelector('.artw-post-by').children].map((c) => c.textContent || c.localName),
          time: post.querySelector(':scope > .artw-post-foot time').getAttribute('datetime'),
          link: post.querySelector(':scope > .artw-post-foot a').getAttribute('href'),
          links: [...post.querySelectorAll('.artw-post-text a')].map((a) => a.getAttribute('href')),
          quoted: post.querySelector('.artw-post .artw-post .artw-post-name')?.textContent ?? null,
          image: post.querySelector(':scope > .artw-figure img')?.getAttribute('alt') ?? null,
        }));
      });
      assert.deepEqual(found.map((post) => post.by.at(-1)), ['X', 'Bluesky', 'Mastodon', 'X', 'Threads', 'Instagram']);
      assert.deepEqual(found[0].by, ['img', 'Riverside Council', '@RiversideCouncil', 'X']);
      assert.equal(found[0].time, '2024-11-20T06:04:00Z');
      assert.equal(found[0].link, 'https://x.com/RiversideCouncil/status/1859178412345678901');
      assert.deepEqual(found[0].links, ['https://riverside.example/roads']);
      assert.equal(found[3].quoted, 'Riverside Council', 'the quoted post is a card within the post');
      assert.match(found[1].image, /floodwater/i);
      assert.ok(found.every((post) => post.tag === 'article'));
      // Every image in the article, the posts' included, was loaded (or is lazy) from the site.
      assert.deepEqual(platform(), [], 'no request to a platform');
      await tab.close();
    });
  }

  test('the video file is the browser player, loading nothing before play, with its captions', async () => {
    const { tab, platform } = await open('/t/prerendered.html');
    const found = await tab.evaluate(() => {
      const video = document.getElementById('w').shadowRoot.querySelector('video');
      return {
        controls: video.controls,
        autoplay: video.autoplay,
        preload: video.preload,
        track: [...video.querySelectorAll('track')].map((t) => [t.kind, t.srclang, t.label]),
        name: video.getAttribute('aria-label'),
      };
    });
    assert.deepEqual(found, {
      controls: true, autoplay: false, preload: 'none', track: [['captions', 'en', 'English']],
      name: 'The river camera at the mill, 5 to 7 a.m.',
    });
    assert.deepEqual(platform(), []);
    await tab.close();
  });

  for (const [path, index, how, player] of [
    ['/t/prerendered.html', 0, 'mouse', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1'],
    ['/t/prerendered.html', 1, 'keyboard', 'https://player.vimeo.com/video/1084537?dnt=1&autoplay=1'],
    ['/t/client.html', 0, 'keyboard', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1'],
  ]) {
    test(`${path}: play by ${how} loads the player in the facade's box, and only then`, async () => {
      const { tab, platform, ours } = await open(path);
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(platform(), [], 'nothing from the video host before play');
      const wasmBefore = ours().length;
      const played = await play(tab, index, how);
      assert.equal(played.src, player);
      assert.equal(played.url, server.origin + path, 'the page stays');
      assert.match(played.title, /Bunny/);
      assert.match(played.allow, /autoplay/);
      assert.equal(played.focused, 'iframe', 'the player has the focus');
      assert.deepEqual(played.after, played.before, 'the facade keeps its box');
      assert.deepEqual(played.playerBox, played.before, 'the player fills it');
      assert.deepEqual(played.shifts, [], 'no layout shift');
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(platform().map((url) => new URL(url).origin), [new URL(player).origin], 'the player, once');
      assert.equal(ours().length, wasmBefore, 'play fetches no WebAssembly');
      if (path === '/t/prerendered.html') assert.equal(wasmBefore, 0);
      await tab.close();
    });
  }

  for (const path of ['/t/imported-prerendered.html', '/t/imported.html']) {
    test(`${path}: a page's embedded posts and players, imported, show as posts and facades with no request to any platform until play`, async () => {
      const { tab, platform } = await open(path, {}, 5);
      await tab.waitForLoadState('networkidle');
      const found = await tab.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        return {
          platforms: [...root.querySelectorAll('.artw-body > .artw-post .artw-post-by > :last-child')].map((p) => p.textContent),
          facades: root.querySelectorAll('.artw-video-play').length,
          files: root.querySelectorAll('video').length,
          scripts: root.querySelectorAll('script:not([type="application/json"]):not([type="application/ld+json"])').length,
        };
      });
      assert.deepEqual(found.platforms, ['X', 'Bluesky', 'Mastodon', 'Instagram', 'Threads']);
      assert.equal(found.facades, 4);
      assert.equal(found.files, 1);
      assert.equal(found.scripts, 0, 'the platforms\' scripts were dropped');
      assert.deepEqual(platform(), []);
      const played = await play(tab, 0, 'mouse');
      assert.match(played.src, /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+\?autoplay=1$/);
      assert.deepEqual(played.after, played.before);
      await tab.close();
    });
  }

  test('players="link": a facade stays a link to the video page, reported as a link event', async () => {
    const { tab, platform } = await open('/t/links-only.html');
    await tab.evaluate(() => document.addEventListener('article-widget:link', (event) => {
      event.preventDefault();
      window.followed = event.detail;
    }));
    await tab.locator('#w .artw-video-play').first().click();
    assert.deepEqual(await tab.evaluate(() => window.followed),
      { href: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', kind: 'video' });
    assert.equal(await tab.locator('#w iframe').count(), 0);
    assert.deepEqual(platform(), []);
    await tab.close();
  });

  for (const [path, colorScheme] of [
    ['/t/prerendered.html', 'light'], ['/t/prerendered.html', 'dark'], ['/t/client.html', 'dark'],
    ['/t/prerendered-ar.html', 'light'], ['/t/client-ar.html', 'dark'],
  ]) {
    test(`${path}: axe-core reports no violations in the ${colorScheme} theme`, async () => {
      const { tab } = await open(path, { colorScheme });
      await tab.addScriptTag({ content: axeSource });
      const result = await tab.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, []);
      if (path.includes('-ar')) {
        assert.equal(await tab.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.artw-article').getAttribute('dir')), 'rtl');
      }
      await mkdir(SCREENSHOTS, { recursive: true });
      const name = `posts-360-${path.includes('-ar') ? 'rtl' : 'ltr'}-${colorScheme}.png`;
      await tab.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
      await tab.close();
    });
  }

  test('in print a post shows the URL of the original and a facade the video page', async () => {
    const { tab } = await open('/t/prerendered.html');
    await tab.emulateMedia({ media: 'print' });
    const found = await tab.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const after = (selector) => getComputedStyle(root.querySelector(selector), '::after').content;
      return {
        post: after('.artw-post-link'),
        video: after('.artw-video-play'),
        videoWidth: getComputedStyle(root.querySelector('.artw-video-play'), '::after').width,
        button: getComputedStyle(root.querySelector('.artw-video-play'), '::before').display,
      };
    });
    assert.equal(found.post, '" https://x.com/RiversideCouncil/status/1859178412345678901"');
    assert.equal(found.video, '" https://www.youtube.com/watch?v=aqz-KE-bpKQ"');
    assert.equal(found.button, 'none');
    assert.ok(parseFloat(found.videoWidth) > 100, `the video's URL is set as a line, not a letter a line (${found.videoWidth})`);
    await tab.close();
  });

  test('the Nu HTML Checker finds no error in its rendered page', async () => {
    const page = execFileSync(CLI, ['render', SOURCE], { encoding: 'utf8' });
    assert.deepEqual(await nuErrors(page), []);
  });
});
