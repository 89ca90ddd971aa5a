// When the WebAssembly cannot be had (a 404 from a CDN, a blocked download), nothing throws into
// the host page: widgets that must be rendered keep their fallback, pre-rendered ones keep
// working, `ready` rejects and mount() rejects, each saying why in the console.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT, serveAndLaunch } from './support.mjs';

const fragment = execFileSync(CLI, ['render', join(ROOT, 'static/articles/krebs.json'), '--fragment', '--assets', '/'], { encoding: 'utf8' });
const routes = {
  '/wasm/article-widget_bg.wasm': (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not here'),
  '/t/page.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No wasm</title>
<script>
  window.events = [];
  for (const type of ['ready', 'error']) document.addEventListener('article-widget:' + type, (e) => events.push([type, e.target.id]));
</script>
<script type="module" src="/article-widget.js"></script></head><body>
${fragment.replace('<div data-article-widget', '<div id="pre" data-article-widget')}
<div id="client" data-article-widget data-src="/articles/krebs.json"><p class="fallback">Read it on the publisher's site</p></div>
</body></html>`),
};
const { server, browser } = await serveAndLaunch(routes, after);

test('without its WebAssembly the page keeps its fallback and its pre-rendered widgets, and nothing throws', async () => {
  const tab = await browser.newPage();
  const uncaught = [];
  const consoleErrors = [];
  tab.on('pageerror', (err) => uncaught.push(err.message));
  tab.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  await tab.goto(`${server.origin}/t/page.html`);
  const state = await tab.evaluate(async (article) => {
    const ready = await window.ArticleWidget.ready.then(() => 'resolved', (error) => `rejected: ${error.message}`);
    const mounted = await window.ArticleWidget.mount(document.createElement('div'), article)
      .then(() => 'resolved', () => 'rejected');
    const client = document.getElementById('client');
    return {
      ready,
      mounted,
      events,
      fallback: client.querySelector('.fallback').getClientRects().length > 0,
      clientShadow: [...client.shadowRoot.children].map((c) => c.localName),
      prerendered: document.getElementById('pre').shadowRoot.querySelectorAll('.artw-body > p').length,
    };
  }, { headline: 'x', body: [{ type: 'paragraph', text: 'x' }] });
  assert.match(state.ready, /^rejected/);
  assert.equal(state.mounted, 'rejected');
  assert.deepEqual(state.events, [['ready', 'pre']], 'the pre-rendered widget was taken over');
  assert.equal(state.fallback, true, "the host's fallback stays in view");
  assert.deepEqual(state.clientShadow, ['slot']);
  assert.equal(state.prerendered, 10);
  assert.deepEqual(uncaught, [], 'nothing throws into the host page');
  assert.ok(consoleErrors.some((line) => line.startsWith('article-widget:')), consoleErrors.join(' | '));
  await tab.close();
});
