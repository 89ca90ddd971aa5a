// Every reader: axe-core on the demo pages in both themes, keyboard focus, zoom, motion,
// forced colours and print, in headless Chromium.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, linkedArticle, serveAndLaunch } from './support.mjs';

const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const linked = linkedArticle(seed);

const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="/article-widget.js"></script></head><body><main>${body}</main></body></html>`;
const routes = {
  '/t/linked.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(
    `<h1>Host page</h1><div id="w" data-article-widget data-heading-level="2"><script type="application/json">${JSON.stringify(linked)}</script></div>`)),
  '/t/slow.json': () => {},
  '/t/loading.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(
    '<div id="w" data-article-widget data-src="/t/slow.json"><p>Loading…</p></div>')),
};

const { server, browser } = await serveAndLaunch(routes, after);

/** Opens a page and waits until its widgets have all rendered or failed. */
async function open(path, widgets, options = {}) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await tab.addInitScript(() => {
    window.settled = 0;
    for (const type of ['ready', 'error']) document.addEventListener(`article-widget:${type}`, () => settled++);
  });
  await tab.goto(server.origin + path);
  if (widgets > 0) await tab.waitForFunction((n) => settled >= n, widgets);
  return tab;
}

describe('axe-core reports no violations', () => {
  for (const [path, widgets] of [['/', 1], ['/demo/embed.html', 4], ['/demo/rtl.html', 1], ['/demo/posts.html', 1], ['/t/linked.html', 1]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${path} in the ${colorScheme} theme`, async () => {
        const tab = await open(path, widgets, { colorScheme });
        await tab.addScriptTag({ content: axeSource });
        const result = await tab.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, []);
        assert.ok(result.passes.length > 20, 'axe ran its rules');
        await tab.close();
      });
    }
  }
});

test('every link takes keyboard focus in reading order, with a visible focus ring', async () => {
  const tab = await open('/t/linked.html', 1);
  const focused = [];
  for (let i = 0; i < 6; i++) {
    await tab.keyboard.press('Tab');
    focused.push(await tab.evaluate(() => {
      const el = document.getElementById('w').shadowRoot.activeElement;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { kind: el.dataset.kind, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    }));
  }
  assert.deepEqual(focused.map((f) => f?.kind), ['author', 'body', 'promo', 'author', 'author', 'related']);
  for (const f of focused) assert.equal(f.outline, 'solid 3px');
  await tab.close();
});

test('at 400 % zoom (320 CSS px) the text reflows without sideways scrolling', async () => {
  for (const path of ['/', '/demo/rtl.html']) {
    const tab = await open(path, 1, { viewport: { width: 320, height: 640 } });
    const overflow = await tab.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await tab.close();
  }
});

test('the loading placeholder only pulses when the reader allows motion', async () => {
  for (const [reducedMotion, expected] of [['reduce', 'none'], ['no-preference', 'artw-pulse']]) {
    const tab = await open('/t/loading.html', 0, { reducedMotion });
    await tab.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.artw-skeleton'));
    const animation = await tab.evaluate(() =>
      getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.artw-skeleton')).animationName);
    assert.equal(animation, expected, reducedMotion);
    await tab.close();
  }
});

test('in forced-colours mode the boxes keep their borders', async () => {
  const tab = await open('/t/linked.html', 1, { forcedColors: 'active' });
  const borders = await tab.evaluate(() => {
    const shadow = document.getElementById('w').shadowRoot;
    return ['.artw-pullquote', '.artw-promo', '.artw-related-card'].map((s) => getComputedStyle(shadow.querySelector(s)).borderTopStyle);
  });
  assert.deepEqual(borders, ['solid', 'solid', 'solid']);
  await tab.close();
});

test('print leaves out pull quotes and the promo, and shows where related links go', async () => {
  const tab = await open('/t/linked.html', 1);
  await tab.emulateMedia({ media: 'print' });
  const printed = await tab.evaluate(() => {
    const shadow = document.getElementById('w').shadowRoot;
    const display = (s) => getComputedStyle(shadow.querySelector(s)).display;
    return {
      pullquote: display('.artw-pullquote'),
      promo: display('.artw-promo'),
      paragraph: display('.artw-paragraph'),
      relatedUrl: getComputedStyle(shadow.querySelector('a.artw-related-card'), '::after').content,
    };
  });
  assert.deepEqual(printed, {
    pullquote: 'none',
    promo: 'none',
    paragraph: 'block',
    relatedUrl: '" (https://example.com/related)"',
  });
  const pdf = await tab.pdf();
  assert.ok(pdf.length > 10000, 'the article prints');
  await tab.close();
});
