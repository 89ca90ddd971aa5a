// The <article-widget> custom element in a plain page: dist/ served over HTTP, headless Chromium.
import { execFileSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, ROOT, serveAndLaunch } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const other = { ...seed, headline: 'A second article, from another URL' };
const prerendered = execFileSync(CLI, ['render', join(ROOT, 'static/articles/krebs.json'), '--fragment', '--assets', '/'], { encoding: 'utf8' })
  .replace(/^<div data-article-widget>/, '<article-widget>')
  .replace(/<\/div>\s*$/, '</article-widget>');

/** Widgets of both kinds: an element and a data-article-widget one, each by URL. */
const CLOBBERED = `<article-widget id="element" src="/articles/krebs.json"></article-widget>
  <div id="convention" data-article-widget data-src="/other.json"></div>`;

const page = (body, head = '') => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}</head><body>${body}</body></html>`);
const LOADER = '<script type="module" src="/article-widget.js"></script>';

const { server, browser } = await serveAndLaunch({
  '/other.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(other)),
  '/plain.html': page(`<article-widget src="/articles/krebs.json" theme="dark" heading-level="2">
      <p id="fallback">Read the article</p></article-widget>${LOADER}`),
  '/missing.html': page(`<article-widget src="/nowhere.json"><p id="fallback">Read the article</p></article-widget>${LOADER}`),
  '/twice.html': page(`<article-widget src="/articles/krebs.json"></article-widget>${LOADER}
      <script type="module" src="/article-widget.js?copy=2"></script>`),
  '/clash.html': page(`<article-widget src="/articles/krebs.json"><p id="theirs">theirs</p></article-widget>
      <div data-article-widget data-src="/articles/krebs.json"></div>${LOADER}`,
  '<script>customElements.define("article-widget", class extends HTMLElement {});</script>'),
  '/prerendered.html': page(`${prerendered}${LOADER}`),
  '/empty.html': page(LOADER),
  // Sanitizers keep id and name, so a host's markup can name elements after what the loader reads.
  '/clobbered-by-id.html': page(`<a id="ArticleWidget" href="/">ArticleWidget</a>${CLOBBERED}${LOADER}`),
  '/clobbered-by-form.html': page(`<form name="ArticleWidget"><input name="mount"><input name="ready"></form>${CLOBBERED}${LOADER}`),
  '/clobbered-document.html': page(`<img name="readyState" alt=""><img name="documentElement" alt=""><img name="addEventListener" alt="">
      <img name="baseURI" alt="">${CLOBBERED}${LOADER}`),
  // The WebAssembly's own bindings read document.createElement, so only pre-rendered markup is tried.
  '/clobbered-create.html': page(`<img name="createElement" alt="">${prerendered}${LOADER}`),
  '/slowly.json': (req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(other)), 300),
  '/unparsable.html': page(`<article-widget id="unparsable" src="http://[::1"><p>Read the article</p></article-widget>${LOADER}`),
  '/patient.html': page(`<article-widget id="patient" src="/slowly.json" timeout="3000000000"><p>Read the article</p></article-widget>${LOADER}`),
}, after);

async function open(path) {
  const tab = await browser.newPage();
  const seen = { requests: [], warnings: [], errors: [] };
  tab.on('request', (request) => seen.requests.push(new URL(request.url()).pathname));
  tab.on('console', (message) => {
    if (message.type() === 'warning') seen.warnings.push(message.text());
    // A failed request is named by its response; the console does not say which it was.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) seen.errors.push(message.text());
  });
  tab.on('response', (response) => {
    if (response.status() >= 400) seen.errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  tab.on('pageerror', (error) => seen.errors.push(error.message));
  // Events are collected from the start, so none is missed before a test listens.
  await tab.addInitScript(() => {
    window.widgetEvents = [];
    for (const type of ['ready', 'error', 'link']) {
      document.addEventListener(`article-widget:${type}`, (event) => window.widgetEvents.push({ type, detail: event.detail }));
    }
  });
  await tab.goto(server.origin + path);
  return { tab, seen };
}

/** Resolves once the page has seen `count` events of `type`. */
const events = (tab, type, count = 1) =>
  tab.waitForFunction(([type, count]) => window.widgetEvents.filter((e) => e.type === type).length >= count, [type, count]);

const headline = (tab) => tab.locator('article-widget .artw-headline');

describe('<article-widget>', () => {
  test('renders its src with the theme and heading level of its attributes', async () => {
    const { tab, seen } = await open('/plain.html');
    const shownAtReady = await tab.evaluate(() => globalThis.ArticleWidget.ready.then(() =>
      document.querySelector('article-widget').shadowRoot.querySelector('.artw-headline')?.textContent));
    assert.equal(shownAtReady, seed.headline, 'ready waits for the page\'s <article-widget> elements');
    await events(tab, 'ready');
    assert.equal(await headline(tab).textContent(), seed.headline);
    assert.equal(await headline(tab).evaluate((h) => h.localName), 'h2');
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'dark');
    assert.equal(await tab.locator('#fallback').isVisible(), false, 'the fallback gives way to the article');
    assert.ok(seen.requests.includes('/wasm/article-widget_bg.wasm'));
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  test('properties mirror its attributes, and changing them applies at once', async () => {
    const { tab, seen } = await open('/plain.html');
    await events(tab, 'ready');
    const element = tab.locator('article-widget');
    assert.deepEqual(await element.evaluate((el) => [el.src, el.theme, el.headingLevel]), ['/articles/krebs.json', 'dark', 2]);

    await element.evaluate((el) => { el.theme = 'light'; });
    assert.equal(await element.getAttribute('theme'), 'light');
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'light');

    await element.evaluate((el) => el.setAttribute('heading-level', '4'));
    await tab.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('h4.artw-headline'));
    assert.equal(await element.evaluate((el) => el.headingLevel), 4);

    await element.evaluate((el) => el.removeAttribute('theme'));
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'auto');
    assert.equal(await element.evaluate((el) => el.theme), 'auto');

    await element.evaluate((el) => { el.src = '/other.json'; });
    await events(tab, 'ready', 2);
    assert.equal(await headline(tab).textContent(), other.headline);
    assert.equal(await headline(tab).evaluate((h) => h.localName), 'h4', 'a new article keeps the heading level');

    await element.evaluate((el, article) => { el.article = article; }, { ...seed, headline: 'Given as an object' });
    await events(tab, 'ready', 3);
    assert.equal(await headline(tab).textContent(), 'Given as an object');
    assert.equal(await element.evaluate((el) => el.article.headline), 'Given as an object');
    assert.equal(seen.requests.filter((path) => path.startsWith('/wasm/')).length, 2, 'the wasm and its bindings, once');
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  test('a src that fails shows the error panel and fires an error event', async () => {
    const { tab } = await open('/missing.html');
    await events(tab, 'error');
    const [event] = await tab.evaluate(() => window.widgetEvents);
    assert.match(event.detail.message, /could not be found|not found/i);
    assert.equal(await tab.locator('article-widget .artw-error').isVisible(), true);
    await tab.close();
  });

  test('created by script, then removed: removing it destroys the widget', async () => {
    const { tab } = await open('/empty.html');
    await tab.evaluate(() => {
      const element = document.createElement('article-widget');
      element.setAttribute('src', '/articles/krebs.json');
      element.append('Read the article');
      document.body.append(element);
    });
    await events(tab, 'ready');
    assert.equal(await headline(tab).textContent(), seed.headline);
    // Moved within the page, it keeps its article.
    await tab.evaluate(() => document.body.prepend(document.querySelector('article-widget')));
    assert.equal(await headline(tab).count(), 1);
    const shown = await tab.evaluate(async () => {
      window.removed = document.querySelector('article-widget');
      window.removed.remove();
      await new Promise((resolve) => setTimeout(resolve));
      return [...window.removed.shadowRoot.children].map((child) => child.localName);
    });
    assert.deepEqual(shown, ['slot'], 'destroyed: the fallback is back');
    await tab.evaluate(() => document.body.append(window.removed));
    await events(tab, 'ready', 2);
    assert.equal(await headline(tab).textContent(), seed.headline, 'added again, it renders again');
    await tab.close();
  });

  test('is defined once when the loader is included twice', async () => {
    const { tab, seen } = await open('/twice.html');
    await events(tab, 'ready');
    assert.equal(await tab.evaluate(() => customElements.get('article-widget') === globalThis.ArticleWidget.ArticleWidgetElement), true);
    assert.equal(await headline(tab).count(), 1);
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  test('leaves another definition of article-widget alone, and the data-article-widget convention still works', async () => {
    const { tab, seen } = await open('/clash.html');
    await events(tab, 'ready');
    assert.equal(await tab.locator('div[data-article-widget] .artw-headline').textContent(), seed.headline);
    assert.equal(await tab.locator('#theirs').isVisible(), true, 'the other element keeps its own content');
    assert.equal(await tab.evaluate(() => document.querySelector('article-widget').shadowRoot), null);
    assert.ok(seen.warnings.some((text) => text.includes('another <article-widget> is defined')), seen.warnings.join('\n'));
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  test('pre-rendered: taken over with no wasm; a theme applies without it, a heading level renders', async () => {
    const { tab, seen } = await open('/prerendered.html');
    await events(tab, 'ready');
    const element = tab.locator('article-widget');
    await element.evaluate((el) => { el.theme = 'dark'; });
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'dark');
    assert.deepEqual(seen.requests.filter((path) => path.startsWith('/wasm/')), [], 'no wasm for a theme');

    await element.evaluate((el) => { el.headingLevel = 3; });
    await events(tab, 'ready', 2);
    assert.equal(await headline(tab).evaluate((h) => h.localName), 'h3');
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'dark');
    assert.equal(await headline(tab).textContent(), seed.headline, 'rendered from its inline JSON');
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  for (const [what, path] of [
    ['an <a id="ArticleWidget">', '/clobbered-by-id.html'],
    ['a <form name="ArticleWidget"> with inputs named mount and ready', '/clobbered-by-form.html'],
    ['images named readyState, documentElement, addEventListener and baseURI', '/clobbered-document.html'],
  ]) {
    test(`is defined, and the page's widgets start, under ${what}`, async () => {
      const { tab, seen } = await open(path);
      await events(tab, 'ready', 2);
      assert.equal(await tab.locator('#element .artw-headline').textContent(), seed.headline);
      assert.equal(await tab.locator('#convention .artw-headline').textContent(), other.headline);
      assert.equal(await tab.evaluate(async () => {
        const module = await import('/article-widget.js');
        return customElements.get('article-widget') === module.ArticleWidgetElement
          && window.ArticleWidget === module.default && typeof window.ArticleWidget.mount === 'function';
      }), true);
      assert.equal(await tab.evaluate(() => window.ArticleWidget.ready.then(() => 'ready')), 'ready');
      assert.deepEqual(seen.errors, []);
      await tab.close();
    });
  }

  test('under an image named createElement, a pre-rendered element is taken over, and removing it restores its fallback', async () => {
    const { tab, seen } = await open('/clobbered-create.html');
    await events(tab, 'ready');
    const shown = await tab.evaluate(async () => {
      const element = document.querySelector('article-widget');
      element.remove();
      await new Promise((resolve) => setTimeout(resolve));
      return [...element.shadowRoot.children].map((child) => child.localName);
    });
    assert.deepEqual(shown, ['slot']);
    assert.deepEqual(seen.errors, []);
    await tab.close();
  });

  test('an unparsable src ends in the error panel with an error event', async () => {
    const { tab } = await open('/unparsable.html');
    await tab.waitForFunction(() => window.widgetEvents.length > 0, null, { timeout: 5000 });
    const unparsable = tab.locator('#unparsable');
    assert.equal(await unparsable.locator('.artw-error').isVisible(), true);
    const errors = await tab.evaluate(() => window.widgetEvents.filter((e) => e.type === 'error').map((e) => e.detail.message));
    assert.deepEqual(errors, ['The article could not be found.']);
    await tab.close();
  });

  test('a timeout beyond what setTimeout can count waits, rather than failing at once', async () => {
    const { tab } = await open('/patient.html');
    await tab.waitForFunction(() => window.widgetEvents.length > 0, null, { timeout: 5000 });
    assert.deepEqual(await tab.evaluate(() => window.widgetEvents.map((e) => e.type)), ['ready']);
    assert.equal(await tab.locator('#patient .artw-headline').textContent(), other.headline);
    await tab.close();
  });
});
