// The adversarial corpus (tests/hostile/) through the embed in headless Chromium.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveAndLaunch } from './support.mjs';

const dir = join(ROOT, 'tests/hostile');
const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort();
const cases = await Promise.all(names.map(async (name) => ({ name, ...JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) })));

/** A case's bytes, as tests/hostile.rs reads them: `pieces` spell out the large or malformed ones. */
function bytesOf(c) {
  if (c.article) return Buffer.from(JSON.stringify(c.article));
  if (c.raw !== undefined) return Buffer.from(c.raw);
  return Buffer.concat(c.pieces.map((p) => (p.hex ? Buffer.from(p.hex, 'hex') : Buffer.from(p.text.repeat(p.times ?? 1)))));
}

/** The schemes a written URL may have, shared with the native suite. */
const rules = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/url-rules.json'), 'utf8'));

const routes = {};
for (const c of cases) {
  const body = bytesOf(c);
  routes[`/hostile/${c.name}.json`] = (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  const mountFromJs = c.via === 'mount'
    ? `<script type="module">import { mount } from '/article-widget.js';
       const raw = await (await fetch('/hostile/${c.name}.json')).text();
       mount(document.getElementById('w'), JSON.parse(raw));</script>`
    : '';
  const attributes = c.via === 'mount' ? '' : `data-article-widget data-src="/hostile/${c.name}.json"`;
  routes[`/hostile/${c.name}.html`] = (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${c.name}</title>
<script>window.events = []; for (const t of ['ready', 'error']) document.addEventListener('article-widget:' + t, (e) => events.push({ t, detail: e.detail }));</script>
<script type="module" src="/article-widget.js"></script>${mountFromJs}</head>
<body style="margin: 0"><div id="w" ${attributes}><p class="fallback">Fallback</p></div></body></html>`);
}

const { server, browser } = await serveAndLaunch(routes, after);

for (const c of cases) {
  test(`${c.name}: ${c.about}`, async () => {
    const tab = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const trouble = [];
    const consoleErrors = [];
    tab.on('pageerror', (err) => trouble.push(`uncaught: ${err.message}`));
    tab.on('dialog', (dialog) => { trouble.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
    tab.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
    await tab.goto(`${server.origin}/hostile/${c.name}.html`);
    await tab.waitForFunction(() => events.length > 0, null, { timeout: 20000 });
    const shown = await tab.evaluate(() => {
      const host = document.getElementById('w');
      const shadow = host.shadowRoot;
      const all = [...shadow.querySelectorAll('*')];
      const root = shadow.querySelector('.artw-root');
      return {
        event: events[0],
        text: shadow.textContent,
        error: shadow.querySelector('.artw-error')?.textContent ?? null,
        scripts: shadow.querySelectorAll('script').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName} ${a.name}`)),
        urls: all.flatMap((el) => ['href', 'src'].filter((a) => el.hasAttribute(a)).map((a) => el.getAttribute(a))),
        links: [...shadow.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        fits: root ? root.scrollWidth <= root.clientWidth && document.scrollingElement.scrollWidth <= innerWidth : null,
        fallbackShown: host.querySelector('.fallback').getClientRects().length > 0,
      };
    });
    assert.equal(shown.scripts, 0, 'no script element');
    assert.deepEqual(shown.handlers, [], 'no on… attribute');
    for (const url of shown.urls) {
      const scheme = /^([^:/?#]+):/.exec(url)?.[1]?.toLowerCase();
      assert.ok(scheme ? rules.link.includes(scheme) : !/^[\\/]{2}/.test(url), `url ${url}`);
    }
    const expect = c.expect;
    if (expect.error) {
      assert.equal(shown.event.t, 'error');
      assert.equal(shown.event.detail.message, expect.reader);
      assert.ok(shown.error.includes(expect.reader), shown.error);
      assert.ok(shown.fallbackShown, "the host's fallback comes back");
      assert.ok(consoleErrors.some((line) => line.includes(expect.error)), `console: ${consoleErrors.join(' | ')}`);
    } else {
      assert.equal(shown.event.t, 'ready', JSON.stringify(shown.event));
      for (const text of expect.text ?? []) assert.ok(shown.text.includes(text), `shows ${text}`);
      if (expect.links) assert.deepEqual(shown.links, expect.links.map((l) => l.replace('{origin}', server.origin)));
      if (expect.fits) assert.equal(shown.fits, true, 'no sideways scroll at 360 px');
      for (const selector of expect.isolated ?? []) {
        const values = await tab.evaluate((s) => [...document.getElementById('w').shadowRoot.querySelectorAll(s)]
          .map((el) => getComputedStyle(el).unicodeBidi), selector);
        assert.ok(values.length > 0 && values.every((v) => v === 'isolate'), `${selector}: ${values}`);
      }
    }
    assert.deepEqual(trouble, []);
    await tab.close();
  });
}
