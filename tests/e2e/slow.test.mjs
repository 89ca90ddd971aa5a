// One slow article never holds the others back: a page of many widgets on one HTTP/1.1 origin,
// where some articles drip their body for a minute, some never answer, some reset the
// connection and some answer 500. Every healthy widget shows its own article, every failing one
// ends in its error panel within the timeout of its own request, and nothing throws.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveAndLaunch } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const TIMEOUT_MS = 2000;
const SLOTS = 4; // the loader's parallel fetches
const MINUTE = 60_000;

// 120 widgets: each fifth one is a failing kind, in turn.
const FAILING = ['drip', 'stall', 'reset', 'error', 'drip', 'stall'];
const widgets = Array.from({ length: 120 }, (_, i) => ({
  id: `w${i}`,
  kind: i % 5 === 2 ? FAILING[(i / 5 | 0) % FAILING.length] : 'ok',
}));

const started = new Map(); // path -> when the server saw the request
const order = [];
const open = new Set();
after(() => open.forEach((stop) => stop()));

function recorded(handler) {
  return (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    started.set(pathname, Date.now());
    order.push(pathname);
    handler(req, res, pathname);
  };
}

const article = () => recorded((req, res, path) => {
  const id = path.match(/(w\d+)/)[1];
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...seed, headline: `Article ${id}` }));
});

const routes = {};
for (const { id, kind } of widgets) {
  const path = `/many/${kind}-${id}.json`;
  routes[path] = {
    ok: article(),
    drip: recorded((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"headline": "Dripped ${id}", "body": [{"type": "paragraph", "text": "x"}]`);
      const timer = setInterval(() => res.write(' '), 250);
      const stop = () => { clearInterval(timer); res.destroy(); };
      const end = setTimeout(() => { clearInterval(timer); res.end('}'); }, MINUTE);
      open.add(() => { clearTimeout(end); stop(); });
      req.on('close', () => { clearTimeout(end); clearInterval(timer); });
    }),
    stall: recorded((req, res) => {
      const end = setTimeout(() => res.destroy(), MINUTE);
      open.add(() => { clearTimeout(end); res.destroy(); });
      req.on('close', () => clearTimeout(end));
    }),
    reset: recorded((req) => req.socket.destroy()),
    error: recorded((req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom')),
  }[kind];
}
const body = widgets.map(({ id, kind }) =>
  `<div id="${id}" data-article-widget data-timeout="${TIMEOUT_MS}" data-src="/many/${kind}-${id}.json"><a class="fallback" href="https://example.com/${id}">Read ${id}</a></div>`).join('\n');
routes['/t/many.html'] = recorded((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many widgets</title>
<script>
  window.settled = {};
  for (const type of ['ready', 'error']) {
    document.addEventListener('article-widget:' + type, (e) => { settled[e.target.id] = { type, at: Date.now(), message: e.detail.message }; });
  }
</script>
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`));

const { server, browser } = await serveAndLaunch(routes, after);

test('120 widgets with dripping, stalled, reset and failing articles all settle, each healthy one right', async () => {
  const tab = await browser.newPage();
  const uncaught = [];
  tab.on('pageerror', (err) => uncaught.push(err.message));
  const requests = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const loaded = Date.now();
  await tab.goto(`${server.origin}/t/many.html`);
  const slow = widgets.filter((w) => w.kind === 'drip' || w.kind === 'stall').length;
  const bound = Math.ceil(slow / SLOTS) * TIMEOUT_MS + 10_000;
  await tab.waitForFunction((n) => Object.keys(settled).length === n, widgets.length, { timeout: bound });
  const took = Date.now() - loaded;

  const state = await tab.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const shadow = document.getElementById(id).shadowRoot;
    return [id, {
      headline: shadow.querySelector('.artw-headline')?.textContent ?? null,
      error: shadow.querySelector('.artw-error-message, .artw-error')?.textContent ?? null,
      settled: settled[id],
    }];
  })), widgets.map((w) => w.id));

  const expected = {
    drip: 'The article took too long to load.',
    stall: 'The article took too long to load.',
    reset: 'The article could not be loaded. Check your connection and try again.',
    error: 'The article could not be loaded (the server answered 500).',
  };
  // An error found before the WebAssembly runs is shown once it does: no later than the first
  // healthy widget is shown.
  const running = Math.min(...widgets.filter((w) => w.kind === 'ok').map((w) => state[w.id].settled.at));
  for (const { id, kind } of widgets) {
    const shown = state[id];
    if (kind === 'ok') {
      assert.equal(shown.settled.type, 'ready', id);
      assert.equal(shown.headline, `Article ${id}`, `${id} shows its own article`);
      continue;
    }
    assert.equal(shown.settled.type, 'error', `${id} (${kind})`);
    assert.equal(shown.settled.message, expected[kind], `${id} (${kind})`);
    assert.equal(shown.headline, null, `${id} (${kind}) shows no article`);
    const since = shown.settled.at - Math.max(started.get(`/many/${kind}-${id}.json`), running - TIMEOUT_MS);
    assert.ok(since <= TIMEOUT_MS + 1500, `${id} (${kind}) ended ${since} ms after its request started (or its timeout after the WebAssembly ran)`);
  }
  const articles = requests.filter((p) => p.startsWith('/many/'));
  assert.equal(articles.length, widgets.length, 'each article is requested once');
  assert.ok(requests.indexOf('/wasm/article-widget_bg.wasm') < requests.indexOf(articles[0]), 'the wasm is requested first');
  assert.deepEqual(uncaught, []);
  console.log(`120 widgets settled in ${took} ms (${slow} slow articles, ${SLOTS} fetches at a time, ${TIMEOUT_MS} ms timeout)`);
  await tab.close();
});
