// Slow articles never hold the others back: a page of many widgets on one HTTP/1.1 origin,
// where some articles drip their body for a minute, some never answer, some reset the
// connection and some answer 500. Every healthy widget shows its own article, every failing one
// ends in its error panel, and each of them within its timeout (plus the time to render) of
// being mounted, however long it waited for one of the loader's fetch slots. Nothing throws.
// And a server slow for every article is not taken for stalled ones.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveAndLaunch } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const TIMEOUT_MS = 2500;
// What a widget may take beyond its timeout, to render what it was given.
const RENDER_MS = 2000;
const MINUTE = 60_000;
const PARSED = 90; // in the page's markup; the rest are added later, by script

// 120 widgets: each fifth one is a failing kind, in turn: 20 slow, 2 reset, 2 answering 500.
const FAILING = ['drip', 'stall', 'drip', 'stall', 'reset', 'drip', 'stall', 'drip', 'stall', 'error', 'drip', 'stall'];
const SLOW = new Set(['drip', 'stall']);
const widgets = Array.from({ length: 120 }, (_, i) => ({
  id: `w${i}`,
  kind: i % 5 === 2 ? FAILING[(i / 5 | 0) % FAILING.length] : 'ok',
  // Some of those added later are <article-widget> elements, whose connection mounts them.
  tag: i >= PARSED && i % 2 ? 'article-widget' : 'div',
}));

const open = new Set();
after(() => open.forEach((stop) => stop()));

const routes = {};
for (const { id, kind } of widgets) {
  const path = `/many/${kind}-${id}.json`;
  routes[path] = {
    ok: (req, res) => res.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ...seed, headline: `Article ${id}` })),
    drip: (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"headline": "Dripped ${id}", "body": [{"type": "paragraph", "text": "x"}]`);
      const timer = setInterval(() => res.write(' '), 250);
      const stop = () => { clearInterval(timer); res.destroy(); };
      const end = setTimeout(() => { clearInterval(timer); res.end('}'); }, MINUTE);
      open.add(() => { clearTimeout(end); stop(); });
      req.on('close', () => { clearTimeout(end); clearInterval(timer); });
    },
    stall: (req, res) => {
      const end = setTimeout(() => res.destroy(), MINUTE);
      open.add(() => { clearTimeout(end); res.destroy(); });
      req.on('close', () => clearTimeout(end));
    },
    reset: (req) => req.socket.destroy(),
    error: (req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  }[kind];
}

const markup = ({ id, kind, tag }) => tag === 'div'
  ? `<div id="${id}" data-article-widget data-timeout="${TIMEOUT_MS}" data-src="/many/${kind}-${id}.json"><a class="fallback" href="https://example.com/${id}">Read ${id}</a></div>`
  : `<article-widget id="${id}" timeout="${TIMEOUT_MS}" src="/many/${kind}-${id}.json"><a class="fallback" href="https://example.com/${id}">Read ${id}</a></article-widget>`;
const later = widgets.slice(PARSED).map(markup);
routes['/t/many.html'] = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many widgets</title>
<script>
  window.settled = {};
  window.mounted = {};
  for (const type of ['ready', 'error']) {
    document.addEventListener('article-widget:' + type, (e) => { settled[e.target.id] ??= { type, at: Date.now(), message: e.detail.message }; });
  }
</script>
<script type="module" src="/article-widget.js"></script></head><body>${widgets.slice(0, PARSED).map(markup).join('\n')}
<script>
  // Before the loader runs, which mounts these once the page is parsed: their clock starts early.
  for (const element of document.querySelectorAll('[id^=w]')) mounted[element.id] = Date.now();
  // Added while the first ones still wait for their articles; mounted as they are connected.
  addEventListener('DOMContentLoaded', () => setTimeout(() => {
    for (const html of ${JSON.stringify(later)}) {
      const template = document.createElement('template');
      template.innerHTML = html;
      const element = template.content.firstElementChild;
      mounted[element.id] = Date.now();
      document.body.append(element);
    }
  }, 300));
</script></body></html>`);

// A server slow for every article alike: each answer takes 600 ms. Four waves of four fit in
// the timeout, if no request is taken for a stalled one and sent again.
const SLOW_SERVER = { widgets: 16, answerMs: 600, timeoutMs: 3500 };
for (let i = 0; i < SLOW_SERVER.widgets; i++) {
  routes[`/leisurely/a${i}.json`] = (req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ ...seed, headline: `Leisurely ${i}` })), SLOW_SERVER.answerMs);
}
routes['/t/leisurely.html'] = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slow server</title>
<script>
  window.settled = {};
  for (const type of ['ready', 'error']) document.addEventListener('article-widget:' + type, (e) => { settled[e.target.id] = type; });
</script>
<script type="module" src="/article-widget.js"></script></head><body>${Array.from({ length: SLOW_SERVER.widgets }, (_, i) =>
    `<div id="a${i}" data-article-widget data-timeout="${SLOW_SERVER.timeoutMs}" data-src="/leisurely/a${i}.json"></div>`).join('\n')}</body></html>`);

const { server, browser } = await serveAndLaunch(routes, after);

test('120 widgets with dripping, stalled, reset and failing articles each settle within their timeout of being mounted, each healthy one right', async () => {
  const tab = await browser.newPage();
  const uncaught = [];
  tab.on('pageerror', (err) => uncaught.push(err.message));
  const requests = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await tab.goto(`${server.origin}/t/many.html`);
  await tab.waitForFunction((n) => Object.keys(settled).length === n, widgets.length, { timeout: 3 * (TIMEOUT_MS + RENDER_MS) + 10_000 });

  const state = await tab.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    return [id, {
      headline: shadow.querySelector('.artw-headline')?.textContent ?? null,
      error: shadow.querySelector('.artw-error-message, .artw-error')?.textContent ?? null,
      settled: settled[id],
      mounted: mounted[id],
    }];
  })), widgets.map((w) => w.id));

  const expected = {
    drip: 'The article took too long to load.',
    stall: 'The article took too long to load.',
    reset: 'The article could not be loaded. Check your connection and try again.',
    error: 'The article could not be loaded (the server answered 500).',
  };
  const took = (id) => state[id].settled.at - state[id].mounted;
  const worst = (kinds) => Math.max(...widgets.filter((w) => kinds(w.kind)).map((w) => took(w.id)));
  const articles = requests.filter((p) => p.startsWith('/many/'));
  console.log(`120 widgets (${widgets.filter((w) => SLOW.has(w.kind)).length} slow articles, ${TIMEOUT_MS} ms timeout), `
    + `settled this long after they were mounted, at most: healthy ${worst((kind) => kind === 'ok')} ms, `
    + `slow ${worst((kind) => SLOW.has(kind))} ms, others ${worst((kind) => kind !== 'ok' && !SLOW.has(kind))} ms; `
    + `${articles.length} article requests`);
  const late = widgets.filter((w) => took(w.id) > TIMEOUT_MS + RENDER_MS).map((w) => `${w.id} (${w.kind}): ${took(w.id)} ms`);
  assert.deepEqual(late, [], `widgets settled more than ${TIMEOUT_MS + RENDER_MS} ms after they were mounted`);
  for (const { id, kind } of widgets) {
    const shown = state[id];
    if (kind === 'ok') {
      assert.equal(shown.settled.type, 'ready', `${id} shows its article, not "${shown.settled.message}"`);
      assert.equal(shown.headline, `Article ${id}`, `${id} shows its own article`);
      continue;
    }
    assert.equal(shown.settled.type, 'error', `${id} (${kind})`);
    assert.equal(shown.settled.message, expected[kind], `${id} (${kind})`);
    assert.equal(shown.headline, null, `${id} (${kind}) shows no article`);
    // Giving way to other requests does not cut a slow article's own time short.
    if (SLOW.has(kind)) assert.ok(took(id) >= TIMEOUT_MS - 20, `${id} (${kind}) failed after ${took(id)} ms, before its timeout`);
  }
  // An article that stalls (or, slow to come, seems to) may be asked for again after giving way
  // to others; one that failed is not. (Counted by the page: Chromium sends a request again,
  // unseen by the page, when a reused connection is reset.)
  for (const { id, kind } of widgets.filter((w) => w.kind === 'reset' || w.kind === 'error')) {
    const times = articles.filter((path) => path === `/many/${kind}-${id}.json`).length;
    assert.equal(times, 1, `${id} (${kind}) is requested once`);
  }
  assert.ok(requests.indexOf('/wasm/article-widget_bg.wasm') < requests.indexOf(articles[0]), 'the wasm is requested first');
  assert.deepEqual(uncaught, []);
  await tab.close();
});

test('a server slow for every article is not taken for stalled requests: each widget shows its article, asked for once', async () => {
  const tab = await browser.newPage();
  const requests = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await tab.goto(`${server.origin}/t/leisurely.html`);
  await tab.waitForFunction((n) => Object.keys(settled).length === n, SLOW_SERVER.widgets, { timeout: SLOW_SERVER.timeoutMs + 10_000 });
  const settled = await tab.evaluate(() => window.settled);
  for (let i = 0; i < SLOW_SERVER.widgets; i++) assert.equal(settled[`a${i}`], 'ready', `a${i}`);
  assert.equal(requests.filter((path) => path.startsWith('/leisurely/')).length, SLOW_SERVER.widgets, 'each article is asked for once');
  await tab.close();
});
