// The loader's paths in Firefox, through WebDriver (geckodriver and selenium-webdriver): a
// pre-rendered widget taken over without wasm (ready, link events, the avatar fallback,
// destroy), update() rendering in place, a client-rendered widget, <article-widget>, a whole
// article in a phone-wide column, saved posts and a video facade played in place, and failures. What the page
// requests is read from the server's log, which sees every browser alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { CLI, DIST, ROOT, linkedArticle, serve } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const linked = linkedArticle(seed);
linked.authors[0].avatar = '/no-such-avatar.png';
const dir = await mkdtemp(join(tmpdir(), 'artw-firefox-'));
await writeFile(join(dir, 'linked.json'), JSON.stringify(linked));
const fragment = execFileSync(CLI, ['render', join(dir, 'linked.json'), '--fragment', '--assets', '/'], { encoding: 'utf8' });
await rm(dir, { recursive: true, force: true });
const posts = execFileSync(CLI, ['render', join(ROOT, 'static/articles/posts.json'), '--fragment', '--assets', '/'], { encoding: 'utf8' });

const page = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firefox</title>
<script>
  window.events = [];
  for (const type of ['ready', 'error', 'link']) {
    document.addEventListener('article-widget:' + type, (e) => events.push([type, e.target.id, e.detail.kind ?? e.detail.message ?? '']));
  }
  document.addEventListener('click', (e) => e.preventDefault());
</script>
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`);

const requested = [];
const routes = {
  '/t/prerendered.html': page(fragment.replace('<div data-article-widget', '<div id="w" data-article-widget')),
  '/t/client.html': page('<div id="w" data-article-widget data-src="/articles/krebs.json"><p>Fallback</p></div>'),
  '/t/failures.html': page(`
    <div id="error" data-article-widget data-src="/fail/500.json"><p>Fallback</p></div>
    <div id="slow" data-article-widget data-timeout="300" data-src="/fail/slow.json"><p>Fallback</p></div>`),
  '/t/element.html': page('<article-widget id="w" src="/articles/krebs.json" theme="dark"><p>Fallback</p></article-widget>'),
  // A phone's width: the widget in a 360 px column.
  '/t/whole.html': page('<div style="width:360px"><div id="w" data-article-widget data-src="/articles/whole.json"><p>Fallback</p></div></div>'),
  '/t/posts.html': page(posts.replace('<div data-article-widget', '<div id="w" data-article-widget')),
  '/fail/500.json': (req, res) => res.writeHead(500).end('boom'),
  '/fail/slow.json': () => {}, // never answers
};
const server = await serve(DIST, new Proxy(routes, {
  get: (all, path) => {
    if (typeof path === 'string' && path.startsWith('/')) requested.push(path);
    return all[path];
  },
}));

let driver;
before(async () => {
  const options = new firefox.Options().addArguments('-headless').setBinary('/usr/bin/firefox-esr');
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? 'geckodriver');
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
});
after(async () => {
  await driver?.quit();
  await server.close();
});

/** Opens `path` and waits until `count` events have been recorded. */
async function open(path, count = 1) {
  requested.length = 0;
  await driver.get(server.origin + path);
  await driver.wait(() => driver.executeScript((n) => events.length >= n, count), 20000);
}
const run = (script, ...args) => driver.executeAsyncScript(
  `const done = arguments[arguments.length - 1]; (async () => { ${script} })().then(done, (e) => done('threw: ' + e.message));`, ...args);
const wasmRequests = () => requested.filter((path) => path.startsWith('/wasm/'));

describe('in Firefox', () => {
  test('a pre-rendered widget: ready, link events and the avatar fallback, with no wasm', async () => {
    await open('/t/prerendered.html');
    const state = await run(`
      const shadow = document.getElementById('w').shadowRoot;
      shadow.querySelector('.artw-paragraph a').click();
      const image = shadow.querySelector('img.artw-avatar-image');
      image.scrollIntoView();
      for (const until = Date.now() + 15000; !image.hidden && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
      return { events, hidden: image.hidden, initials: shadow.querySelector('.artw-avatar-initials').textContent };`);
    assert.deepEqual(state, { events: [['ready', 'w', ''], ['link', 'w', 'body']], hidden: true, initials: 'BH' });
    assert.deepEqual(wasmRequests(), []);
  });

  test('update() on a pre-rendered widget renders in place; destroy() leaves a slot', async () => {
    await open('/t/prerendered.html');
    const state = await run(`
      const el = document.getElementById('w');
      const handle = await window.ArticleWidget.mount(el);
      const shown = await handle.update({ ...arguments[0], headline: 'Updated in Firefox' });
      const headline = el.shadowRoot.querySelector('.artw-headline').textContent;
      handle.destroy();
      return { shown, headline, left: [...el.shadowRoot.children].map((c) => c.localName) };`, seed);
    assert.deepEqual(state, { shown: true, headline: 'Updated in Firefox', left: ['slot'] });
    assert.deepEqual(wasmRequests(), ['/wasm/article-widget_bg.wasm', '/wasm/article-widget.js']);
  });

  test('a client-rendered widget: the wasm first, then the article', async () => {
    await open('/t/client.html');
    const state = await run(`
      const shadow = document.getElementById('w').shadowRoot;
      return { events, paragraphs: shadow.querySelectorAll('.artw-body > p').length, headline: shadow.querySelector('.artw-headline').textContent };`);
    assert.deepEqual(state, { events: [['ready', 'w', '']], paragraphs: 10, headline: seed.headline });
    const order = requested.filter((p) => p.endsWith('.wasm') || p.startsWith('/articles/'));
    assert.deepEqual(order, ['/wasm/article-widget_bg.wasm', '/articles/krebs.json']);
  });

  test('<article-widget>: renders its src; a new heading level and src apply', async () => {
    await open('/t/element.html');
    const state = await run(`
      const el = document.getElementById('w');
      const ready = (n) => new Promise((resolve) => {
        const check = () => (events.length >= n ? resolve() : setTimeout(check, 20));
        check();
      });
      const first = [el.shadowRoot.querySelector('.artw-headline').localName, el.shadowRoot.querySelector('.artw-root').dataset.theme];
      el.headingLevel = 3;
      el.theme = 'light';
      const theme = el.shadowRoot.querySelector('.artw-root').dataset.theme;
      for (let i = 0; i < 100 && !el.shadowRoot.querySelector('h3'); i++) await new Promise((r) => setTimeout(r, 20));
      const second = [el.shadowRoot.querySelector('.artw-headline').localName, theme];
      el.article = { ...arguments[0], headline: 'Set as a property in Firefox' };
      await ready(2);
      const third = el.shadowRoot.querySelector('h3.artw-headline').textContent;
      el.remove();
      await new Promise((r) => setTimeout(r));
      return { first, second, third, left: [...el.shadowRoot.children].map((c) => c.localName) };`, seed);
    assert.deepEqual(state, {
      first: ['h1', 'dark'],
      second: ['h3', 'light'],
      third: 'Set as a property in Firefox',
      left: ['slot'],
    });
  });

  test('a whole article: every part rendered, and in a 360 px column the table and the code scroll in their own boxes', async () => {
    await open('/t/whole.html');
    const state = await run(`
      const root = document.getElementById('w').shadowRoot;
      const box = (selector) => {
        const el = root.querySelector(selector);
        return { scrolls: el.scrollWidth > el.clientWidth, width: el.getBoundingClientRect().width, role: el.getAttribute('role') };
      };
      return {
        parts: ['.artw-header + .artw-figure img', 'ol.artw-list ul ol[start="3"]', 'thead th[colspan="2"]', 'hr.artw-divider',
          '.artw-code pre code', 'aside.artw-notes .artw-note time'].filter((s) => !root.querySelector(s)),
        table: box('.artw-table'),
        code: box('.artw-code pre'),
        page: document.documentElement.scrollWidth <= innerWidth,
      };`);
    assert.deepEqual(state.parts, [], 'each part is there');
    for (const what of ['table', 'code']) {
      assert.equal(state[what].scrolls, true, `${what} scrolls`);
      assert.ok(state[what].width <= 360, `${what} box is ${state[what].width}px wide`);
      assert.equal(state[what].role, 'region');
    }
    assert.equal(state.page, true, 'the page does not scroll sideways');
  });

  test('saved posts and a video facade: nothing from any platform until play, then the player in place, with no wasm', async () => {
    await open('/t/posts.html');
    const state = await run(`
      const root = document.getElementById('w').shadowRoot;
      const hosts = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).hostname)
        .filter((host) => host !== location.hostname);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = hosts();
      const frame = root.querySelector('.artw-video-frame');
      const box = JSON.stringify(frame.getBoundingClientRect());
      root.querySelector('.artw-video-play').click();
      const player = frame.querySelector('iframe');
      return {
        posts: root.querySelectorAll('article.artw-post').length,
        before,
        player: player?.getAttribute('src'),
        focused: root.activeElement?.localName,
        same: JSON.stringify(frame.getBoundingClientRect()) === box,
        facades: root.querySelectorAll('.artw-video-play').length,
      };`);
    assert.equal(state.posts, 7, 'six posts and a quoted one');
    assert.deepEqual(state.before, [], 'no request off the page\'s own origin before play');
    assert.equal(state.player, 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1');
    assert.equal(state.focused, 'iframe');
    assert.equal(state.same, true, 'the facade keeps its box');
    assert.equal(state.facades, 1, 'the other facade waits');
    assert.deepEqual(wasmRequests(), []);
  });

  test('a server error and a timeout end in their error panels', async () => {
    await open('/t/failures.html', 2);
    const events = await driver.executeScript(() => events.map((e) => e.join(' ')).sort());
    assert.deepEqual(events, [
      'error error The article could not be loaded (the server answered 500).',
      'error slow The article took too long to load.',
    ]);
  });
});
