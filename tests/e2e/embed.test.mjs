// The embed contract, end to end: dist/ served over HTTP, driven in headless Chromium.
import { execFileSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, DIST, LINK_EVENTS, ROOT, clickEveryLink, linkedArticle, serve, serveAndLaunch } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const THREE_MB = 3 * 1024 * 1024;

/** Late answers: requests held open, and those waiting for every one of them to end. */
const late = { open: 0, held: [], drained: [], arrivals: [] };
/** Resolves once a late request has reached the server. */
const lateArrived = () => new Promise((resolve) => (late.open > 0 ? resolve() : late.arrivals.push(resolve)));
/** Sends every held answer and resolves once each request has ended, answered or abandoned. */
const releaseLate = () => new Promise((resolve) => {
  if (late.open === 0) return resolve();
  late.drained.push(resolve);
  late.held.splice(0).forEach((send) => send());
});

/** The answers of /busy/article.json still being sent. */
const busy = new Set();

const routes = {
  '/fail/slow.json': () => {}, // never answers
  // Held until the test releases it, so the page has moved on before the answer comes.
  '/late/article.json': (req, res) => {
    late.open += 1;
    late.arrivals.splice(0).forEach((resolve) => resolve());
    res.on('close', () => {
      late.open -= 1;
      if (late.open === 0) late.drained.splice(0).forEach((resolve) => resolve());
    });
    late.held.push(() => res.writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ...seed, headline: 'The late answer' })));
  },
  // Never ends, but never stalls: a few kilobytes every tenth of a second, until the test ends it.
  '/busy/article.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '.repeat(4096)), 100);
    busy.add(res);
    res.on('close', () => {
      clearInterval(timer);
      busy.delete(res);
    });
  },
  '/fail/500.json': (req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  '/fail/not-json.json': (req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Sign in to continue</p>'),
  '/fail/invalid.json': (req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"headline": "", "body": []}'),
  '/fail/huge.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': THREE_MB });
    res.end(' '.repeat(THREE_MB));
  },
  '/fail/huge-chunked.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = ' '.repeat(64 * 1024);
    let sent = 0;
    const more = () => {
      while (sent < THREE_MB) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => {});
    more();
  },
};

/** A test page: records the widget's events in window.events, then loads the embed script. */
function page(name, body, head = '') {
  routes[`/t/${name}.html`] = (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}
<script>
  window.events = [];
  for (const type of ['ready', 'error', 'link']) {
    document.addEventListener('article-widget:' + type, (e) =>
      events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
  }
</script>
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`);
  };
  return `/t/${name}.html`;
}

const { server, browser } = await serveAndLaunch(routes, after);

/** Opens a page and fails the test on any uncaught error of ours. */
async function open(path, { width = 1000, before = () => {} } = {}) {
  const tab = await browser.newPage({ viewport: { width, height: 800 } });
  tab.uncaught = [];
  tab.consoleErrors = [];
  tab.on('pageerror', (err) => tab.uncaught.push(err.message));
  tab.on('console', (msg) => msg.type() === 'error' && tab.consoleErrors.push(msg.text()));
  before(tab);
  await tab.goto(server.origin + path);
  return tab;
}

async function close(tab) {
  assert.deepEqual(tab.uncaught, [], 'nothing may throw into the host page');
  await tab.close();
}

const eventsOf = (tab, type) => tab.evaluate((t) => events.filter((e) => e.type === t), type);
const waitForEvents = (tab, type, count) =>
  tab.waitForFunction(([t, n]) => events.filter((e) => e.type === t).length >= n, [type, count], { timeout: 20000 });

/** What a widget shows: the text in its shadow root, and whether the host's fallback is visible. */
const inspect = (tab, id) =>
  tab.evaluate((id) => {
    const el = document.getElementById(id);
    const shadow = el.shadowRoot;
    const slot = shadow?.querySelector('slot');
    const fallback = el.querySelector('.fallback');
    return {
      headline: shadow?.querySelector('.artw-headline')?.textContent ?? null,
      paragraphs: shadow ? shadow.querySelectorAll('.artw-body > p').length : 0,
      error: shadow?.querySelector('.artw-error')?.textContent ?? null,
      fallbackVisible: !!fallback && fallback.getClientRects().length > 0 && (!shadow || slot?.assignedNodes().includes(fallback)),
      fallbackInDom: el.querySelector('.fallback') !== null,
    };
  }, id);

describe('mounting', () => {
  test('auto-mounts data-src, inline JSON and elements added later, sharing one wasm instance', async () => {
    const inline = JSON.stringify({ headline: 'Inline headline', body: [{ type: 'paragraph', text: 'Inline text.' }] });
    const tab = await open(page('auto', `
      <div id="by-url" data-article-widget data-src="/articles/krebs.json"><a class="fallback" href="/x">Read it</a></div>
      <div id="inline" data-article-widget><script type="application/json">${inline}</script><p class="fallback">Fallback</p></div>`));
    await waitForEvents(tab, 'ready', 2);
    const byUrl = await inspect(tab, 'by-url');
    assert.equal(byUrl.headline, seed.headline);
    assert.equal(byUrl.paragraphs, 10);
    assert.equal(byUrl.fallbackVisible, false, 'the fallback hides once the article is shown');
    assert.equal(byUrl.fallbackInDom, true, "the host's own children are left in place");
    assert.equal((await inspect(tab, 'inline')).headline, 'Inline headline');

    await tab.evaluate(() => {
      const late = document.createElement('section');
      late.id = 'late';
      late.setAttribute('data-article-widget', '');
      late.setAttribute('data-src', '/articles/krebs.json');
      document.body.append(late);
      const flagged = document.createElement('div');
      flagged.id = 'flagged';
      flagged.setAttribute('data-src', '/articles/krebs.json');
      document.body.append(flagged);
      setTimeout(() => flagged.setAttribute('data-article-widget', ''), 50);
    });
    await waitForEvents(tab, 'ready', 4);
    assert.equal((await inspect(tab, 'late')).paragraphs, 10);
    assert.equal((await inspect(tab, 'flagged')).paragraphs, 10);
    const readyIds = (await eventsOf(tab, 'ready')).map((e) => e.id).sort();
    assert.deepEqual(readyIds, ['by-url', 'flagged', 'inline', 'late']);

    const wasmFetches = await tab.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
    assert.equal(wasmFetches, 1, 'every widget on the page shares one WebAssembly instance');
    await close(tab);
  });

  test('the WebAssembly is requested before the article, and each once', async () => {
    const requested = [];
    const tab = await open(page('early', '<div id="w" data-article-widget data-src="/articles/krebs.json"></div>'), {
      before: (tab) => tab.on('request', (request) => requested.push(new URL(request.url()).pathname)),
    });
    await waitForEvents(tab, 'ready', 1);
    const order = (path) => requested.indexOf(path);
    const log = requested.join(' ');
    for (const path of ['/articles/krebs.json', '/wasm/article-widget_bg.wasm', '/wasm/article-widget.js']) {
      assert.equal(requested.filter((p) => p === path).length, 1, `${path} once: ${log}`);
    }
    assert.ok(order('/wasm/article-widget_bg.wasm') < order('/articles/krebs.json'), log);
    await close(tab);
  });

  test('a pre-rendered widget added to a page later is taken over as it is', async () => {
    const tab = await open(page('late-prerendered', '<div id="first" data-article-widget data-src="/articles/krebs.json"></div>'));
    await waitForEvents(tab, 'ready', 1);
    const fragment = execFileSync(CLI, ['render', join(ROOT, 'static/articles/krebs.json'), '--fragment', '--no-shadow'], { encoding: 'utf8' });
    await tab.evaluate((html) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      holder.firstElementChild.id = 'second';
      document.body.append(holder.firstElementChild);
    }, fragment);
    await waitForEvents(tab, 'ready', 2);
    const second = await tab.evaluate(() => {
      const el = document.getElementById('second');
      const root = el.shadowRoot ?? el;
      return { paragraphs: root.querySelectorAll('.artw-body > p').length, hosts: root.querySelectorAll('.artw-host').length };
    });
    assert.deepEqual(second, { paragraphs: 10, hosts: 1 });
    await close(tab);
  });

  test('mount(), update() and destroy() from JavaScript; destroy leaves the element as it was', async () => {
    const tab = await open(page('api', `<div id="target" class="host-box"><p class="fallback">Fallback text</p></div>`));
    const result = await tab.evaluate(async (article) => {
      const { mount } = await import('/article-widget.js');
      const el = document.getElementById('target');
      const before = el.outerHTML;
      const handle = await mount(el, article, { theme: 'dark', headingLevel: 2 });
      const shadow = el.shadowRoot;
      const mounted = {
        headline: shadow.querySelector('h2.artw-headline')?.textContent,
        theme: shadow.querySelector('.artw-root').dataset.theme,
        sameApi: window.ArticleWidget.mount === mount,
      };
      const next = (type) => new Promise((r) => el.addEventListener(`article-widget:${type}`, r, { once: true }));
      const rendered = next('ready');
      const validUpdate = await handle.update({ ...article, headline: 'Changed headline' });
      await rendered;
      const updated = shadow.querySelector('.artw-headline').textContent;
      const failed = next('error');
      const invalidUpdate = await handle.update({ ...article, body: [] });
      await failed;
      const error = shadow.querySelector('.artw-error')?.textContent;
      handle.destroy();
      handle.destroy();
      const after = el.outerHTML;
      const fallbackHeight = el.querySelector('.fallback').getBoundingClientRect().height;
      const leftInShadow = [...shadow.children].map((c) => c.localName);
      const again = await mount(el, article);
      const remounted = shadow.querySelector('.artw-headline')?.textContent;
      again.destroy();
      return { before, after, mounted, validUpdate, updated, invalidUpdate, error, fallbackHeight, leftInShadow, remounted };
    }, seed);
    assert.equal(result.mounted.headline, seed.headline, 'headingLevel 2 makes the headline an h2');
    assert.equal(result.mounted.theme, 'dark');
    assert.equal(result.mounted.sameApi, true, 'window.ArticleWidget.mount is the module export');
    assert.equal(result.validUpdate, true);
    assert.equal(result.updated, 'Changed headline');
    assert.equal(result.invalidUpdate, false);
    assert.match(result.error, /has a mistake in it/);
    assert.equal(result.after, result.before, 'destroy leaves the element as it was before mount');
    assert.deepEqual(result.leftInShadow, ['slot']);
    assert.ok(result.fallbackHeight > 0, 'the fallback shows again after destroy');
    assert.equal(result.remounted, seed.headline, 'the element can be mounted again');
    const ready = await eventsOf(tab, 'ready');
    const errors = await eventsOf(tab, 'error');
    assert.deepEqual(ready.map((e) => e.id), ['target', 'target', 'target']);
    assert.deepEqual(errors.map((e) => e.detail.message), ['The article has a mistake in it and cannot be shown.']);
    await close(tab);
  });

  test('dates: written by the labels in their six languages, by Intl in any other', async () => {
    const tab = await open(page('dates', '<div id="a"></div><div id="b"></div><div id="c"></div>'));
    const shown = await tab.evaluate(async (article) => {
      const published = '2020-11-18T09:30:00+00:00';
      const dateIn = async (id, lang) => {
        const el = document.getElementById(id);
        await window.ArticleWidget.mount(el, { ...article, lang, published });
        return el.shadowRoot.querySelector('.artw-published time').textContent;
      };
      return {
        en: await dateIn('a', 'en-GB'),
        de: await dateIn('b', 'de'),
        ja: await dateIn('c', 'ja'),
        jaIntl: new Intl.DateTimeFormat('ja', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2020-11-18')),
      };
    }, seed);
    assert.equal(shown.en, '18 November 2020', 'as pre-rendering writes it');
    assert.equal(shown.de, '18. November 2020');
    assert.equal(shown.ja, shown.jaIntl);
    assert.match(shown.ja, /2020年11月18日/);
    await close(tab);
  });

  test('mount() refuses what is not an element, without breaking the page', async () => {
    const tab = await open(page('bad-args', ''));
    const message = await tab.evaluate(async () => {
      try {
        await window.ArticleWidget.mount('not an element', '/articles/krebs.json');
        return 'resolved';
      } catch (err) {
        return err.message;
      }
    });
    assert.match(message, /mount\(\) needs a DOM element/);
    await close(tab);
  });
});

describe('in any order', () => {
  /** Sends the late answers the page still waits for, then lets the page handle them. */
  const afterLateAnswer = async (tab) => {
    await releaseLate();
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  };

  test('an element removed mid-fetch is unmounted, and a remount mid-fetch replaces the first', async () => {
    const tab = await open(page('races', `
      <div id="removed" data-article-widget data-src="/late/article.json"><p class="fallback">Fallback</p></div>
      <div id="remounted"><p class="fallback">Fallback</p></div>`));
    await lateArrived();
    await tab.evaluate(async (article) => {
      window.kept = document.getElementById('removed');
      kept.remove();
      const { mount } = window.ArticleWidget;
      mount(document.getElementById('remounted'), '/late/article.json');
      await mount(document.getElementById('remounted'), { ...article, headline: 'Mounted again' });
    }, seed);
    await afterLateAnswer(tab);
    const state = await tab.evaluate(() => ({
      removed: [...kept.shadowRoot.children].map((c) => c.localName),
      remounted: document.getElementById('remounted').shadowRoot.querySelector('.artw-headline').textContent,
      ready: events.filter((e) => e.type === 'ready').map((e) => e.id),
    }));
    assert.deepEqual(state.removed, ['slot'], 'the removed element was unmounted and its answer dropped');
    assert.equal(state.remounted, 'Mounted again', "the first mount's late answer is dropped");
    assert.deepEqual(state.ready, ['remounted']);
    await close(tab);
  });

  test('a destroy or an update before the answer arrives wins over the answer', async () => {
    const tab = await open(page('races-2', '<div id="a"><p class="fallback">A</p></div><div id="b"><p class="fallback">B</p></div>'));
    await tab.evaluate((article) => {
      const { mount } = window.ArticleWidget;
      // mount() resolves after the answer; keep the pending promises and act on the elements now.
      window.pendingA = mount(document.getElementById('a'), '/late/article.json');
      window.pendingB = mount(document.getElementById('b'), '/late/article.json');
      window.article = article;
    }, seed);
    // A second mount with an object settles at once and replaces the pending one on #b.
    await tab.evaluate(async () => {
      const handle = await window.ArticleWidget.mount(document.getElementById('b'), { ...article, headline: 'Updated first' });
      handle.update({ ...article, headline: 'Updated again' });
    });
    // Destroy #a through a replacement mount that is destroyed at once.
    await tab.evaluate(async () => {
      const handle = await window.ArticleWidget.mount(document.getElementById('a'), article);
      handle.destroy();
      window.afterDestroy = await handle.update(article);
    });
    await afterLateAnswer(tab);
    const state = await tab.evaluate(() => ({
      a: [...document.getElementById('a').shadowRoot.children].map((c) => c.localName),
      aFallback: document.querySelector('#a .fallback').getClientRects().length > 0,
      b: document.getElementById('b').shadowRoot.querySelector('.artw-headline').textContent,
      afterDestroy,
    }));
    assert.deepEqual(state.a, ['slot'], 'the destroyed widget stays destroyed when the late answer comes');
    assert.equal(state.aFallback, true);
    assert.equal(state.b, 'Updated again', 'the late answer does not overwrite newer content');
    assert.equal(state.afterDestroy, false, 'update() after destroy() does nothing');
    await close(tab);
  });
  test('a mount whose fetch still waits for a slot settles once it is replaced', async () => {
    // Four widgets hold the loader's four fetch slots with answers the server keeps back.
    const tab = await open(page('queued', [1, 2, 3, 4].map((i) =>
      `<div id="held-${i}" data-article-widget data-src="/late/article.json"></div>`).join('') + '<div id="queued"></div>'));
    await tab.waitForFunction(() => window.ArticleWidget);
    await tab.evaluate(() => {
      window.ArticleWidget.mount(document.getElementById('queued'), '/late/article.json')
        .then(() => { window.firstSettled = true; });
    });
    // Rendering, and waiting for its article: the loading panel is up.
    await tab.waitForFunction(() => document.getElementById('queued').shadowRoot?.querySelector('.artw-loading'));
    await tab.evaluate((article) =>
      window.ArticleWidget.mount(document.getElementById('queued'), { ...article, headline: 'Replaced' }), seed);
    await tab.waitForFunction(() => window.firstSettled === true, null, { timeout: 5000 });
    assert.equal(await tab.evaluate(() => document.getElementById('queued').shadowRoot.querySelector('.artw-headline').textContent), 'Replaced');
    await afterLateAnswer(tab);
    await close(tab);
  });

  test('a fetch still waiting for a slot when its timeout ends fails then, and is never sent', async () => {
    const requested = [];
    const tab = await open(page('queued-past-deadline', [1, 2, 3, 4].map((i) =>
      `<div id="held-${i}" data-article-widget data-src="/busy/article.json"></div>`).join('')), {
      before: (tab) => tab.on('request', (request) => requested.push(new URL(request.url()).pathname)),
    });
    // Four answers that keep coming hold the four slots.
    for (let waited = 0; busy.size < 4; waited += 20) {
      assert.ok(waited < 10_000, `${busy.size} of the 4 requests reached the server`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const took = await tab.evaluate(() => new Promise((resolve) => {
      const element = document.createElement('div');
      element.id = 'queued';
      element.dataset.timeout = '300';
      element.dataset.src = '/fail/slow.json';
      element.addEventListener('article-widget:error', () => resolve(Date.now() - mounted));
      const mounted = Date.now();
      document.body.append(element);
      window.ArticleWidget.mount(element);
    }));
    assert.ok(took >= 300 && took < 300 + 2000, `failed ${took} ms after it was mounted, its timeout 300 ms`);
    assert.match((await inspect(tab, 'queued')).error, /The article took too long to load\./);
    assert.equal(requested.filter((path) => path === '/fail/slow.json').length, 0, 'the request was never sent');
    await close(tab);
    busy.forEach((res) => res.destroy());
  });
});

describe('events', () => {
  test('link clicks report href and kind for body, author, promo and related links', async () => {
    const article = linkedArticle(seed);
    const tab = await open(page('links', `<div id="w" data-article-widget><script type="application/json">${JSON.stringify(article)}</script></div>`));
    await waitForEvents(tab, 'ready', 1);
    await tab.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    await clickEveryLink(tab.locator('#w'));
    const links = (await eventsOf(tab, 'link')).map((e) => [e.id, e.detail.kind, e.detail.href]);
    assert.deepEqual(links, LINK_EVENTS.map((event) => ['w', ...event]));
    await close(tab);
  });
});

describe('failures end in an error panel over the intact fallback', () => {
  const cases = [
    ['HTTP 404', '/articles/missing.json', 'The article could not be found.'],
    ['HTTP 500', '/fail/500.json', 'The article could not be loaded (the server answered 500).'],
    ['a body that is not JSON', '/fail/not-json.json', 'The article is not in a format the widget can read.'],
    ['an invalid article', '/fail/invalid.json', 'The article has a mistake in it and cannot be shown.'],
    ['a body over the byte cap', '/fail/huge.json', 'The article is too large to show.'],
    ['a chunked body over the byte cap', '/fail/huge-chunked.json', 'The article is too large to show.'],
    ['an unreachable server', 'http://127.0.0.1:9/article.json', 'The article could not be loaded. Check your connection and try again.'],
    ['no complete answer within the timeout', '/fail/slow.json', 'The article took too long to load.', 'data-timeout="300"'],
  ];
  for (const [what, src, message, attributes = ''] of cases) {
    test(what, async () => {
      const tab = await open(page(`fail-${what.replace(/\W+/g, '-')}`,
        `<div id="w" data-article-widget data-src="${src}" ${attributes}><a class="fallback" href="https://example.com/">Read on the publisher's site</a></div>`));
      await waitForEvents(tab, 'error', 1);
      const shown = await inspect(tab, 'w');
      assert.equal(shown.headline, null);
      assert.match(shown.error, new RegExp(message.replace(/[.()]/g, '\\$&')));
      assert.equal(shown.fallbackVisible, true);
      assert.equal(shown.fallbackInDom, true);
      const [error] = await eventsOf(tab, 'error');
      assert.equal(error.detail.message, message, 'the event carries the message the reader sees');
      assert.ok(tab.consoleErrors.some((line) => line.startsWith('article-widget:')), 'details go to the console');
      await close(tab);
    });
  }

  test("the loading and error panels speak the host page's language", async () => {
    const tab = await open(page('host-language', `
      <section lang="fr">
        <div id="missing" data-article-widget data-src="/fail/missing.json"></div>
        <div id="waiting" data-article-widget data-src="/fail/slow.json"></div>
      </section>
      <div lang="ja"><div id="elsewhere" data-article-widget data-src="/fail/missing.json"></div></div>`));
    await waitForEvents(tab, 'error', 2);
    const panels = await tab.evaluate(() => {
      const panel = (id, selector) => {
        const root = document.getElementById(id).shadowRoot.querySelector('.artw-root');
        return { lang: root.lang, text: root.querySelector(selector)?.textContent };
      };
      return {
        missing: panel('missing', '.artw-error'),
        waiting: panel('waiting', '.artw-loading'),
        elsewhere: panel('elsewhere', '.artw-error'),
        events: events.filter((e) => e.type === 'error').map((e) => [e.id, e.detail.message]).sort(),
      };
    });
    assert.deepEqual(panels.missing, {
      lang: 'fr',
      text: 'Impossible d’afficher cet article.L’article est introuvable.',
    });
    assert.deepEqual(panels.waiting, { lang: 'fr', text: 'Chargement de l’article…' });
    assert.deepEqual(panels.elsewhere, {
      lang: 'en',
      text: 'This article could not be shown.The article could not be found.',
    }, 'no labels in Japanese: English, and said to be');
    assert.deepEqual(panels.events, [
      ['elsewhere', 'The article could not be found.'],
      ['missing', 'L’article est introuvable.'],
    ]);
    await close(tab);
  });

  test('two widgets where one fails: the other works', async () => {
    const tab = await open(page('two', `
      <div id="bad" data-article-widget data-src="/fail/500.json"><p class="fallback">Bad</p></div>
      <div id="good" data-article-widget data-src="/articles/krebs.json"><p class="fallback">Good</p></div>`));
    await waitForEvents(tab, 'ready', 1);
    await waitForEvents(tab, 'error', 1);
    assert.equal((await inspect(tab, 'good')).paragraphs, 10);
    assert.equal((await inspect(tab, 'bad')).fallbackVisible, true);
    await close(tab);
  });
});

describe('isolation', () => {
  const probes = ['.artw-root', '.artw-headline', '.artw-standfirst', '.artw-body > p', '.artw-pullquote-text',
    '.artw-promo', '.artw-author-name', '.artw-author-bio', '.artw-related-title', '.artw-section-title'];
  const properties = ['font-size', 'font-family', 'font-weight', 'color', 'background-color', 'line-height',
    'letter-spacing', 'margin-top', 'margin-left', 'padding-top', 'border-top-style', 'text-transform', 'width'];
  const hostile = '<link rel="stylesheet" href="/demo/bootstrap.min.css"><link rel="stylesheet" href="/demo/hostile.css">';
  const widget = '<div id="w" data-article-widget data-src="/articles/krebs.json" style="width: 760px"></div>';

  const widgetStyles = (tab) => tab.evaluate(([probes, properties]) => {
    const shadow = document.getElementById('w').shadowRoot;
    return probes.map((selector) => {
      const style = getComputedStyle(shadow.querySelector(selector));
      return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
    });
  }, [probes, properties]);

  test("a hostile host stylesheet changes nothing in the widget's computed styles", async () => {
    const plain = await open(page('plain', widget));
    const attacked = await open(page('hostile', widget, hostile));
    await waitForEvents(plain, 'ready', 1);
    await waitForEvents(attacked, 'ready', 1);
    const hostColour = await attacked.evaluate(() => getComputedStyle(document.body).color);
    assert.equal(hostColour, 'rgb(0, 128, 0)', 'the hostile stylesheet is in force on the host page');
    assert.deepEqual(await widgetStyles(attacked), await widgetStyles(plain));
    await close(plain);
    await close(attacked);
  });

  test("the widget's stylesheet changes nothing on the host page", async () => {
    const tab = await open(page('host-styles', `
      <h1 id="h">Host heading</h1><p id="p">Host paragraph with <a id="a" href="#">a link</a></p>
      <article id="art"><p class="artw-paragraph" id="q">A host element using the widget's own class name</p></article>
      <div id="w"></div>`, hostile));
    const hostStyles = () => tab.evaluate(() => ['h', 'p', 'a', 'art', 'q'].map((id) => {
      const s = getComputedStyle(document.getElementById(id));
      return [id, s.fontSize, s.fontFamily, s.color, s.marginTop, s.lineHeight, s.backgroundColor, s.textDecorationLine];
    }));
    await tab.waitForFunction(() => window.ArticleWidget);
    const before = await hostStyles();
    await tab.evaluate((article) => window.ArticleWidget.mount(document.getElementById('w'), article), seed);
    assert.equal(await tab.evaluate(() => document.getElementById('w').shadowRoot.querySelectorAll('.artw-body > p').length), 10);
    assert.deepEqual(await hostStyles(), before);
    await close(tab);
  });
});

test('dist/ works when copied to another path: a page elsewhere with only the two-line snippet', async () => {
  const site = await mkdtemp(join(tmpdir(), 'artw-site-'));
  await cp(DIST, join(site, 'cdn', 'widget', 'v1'), { recursive: true });
  await mkdir(join(site, 'blog', 'posts'), { recursive: true });
  await cp(join(ROOT, 'static/articles/krebs.json'), join(site, 'blog', 'krebs.json'));
  await writeFile(join(site, 'blog', 'posts', 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body>
<script type="module" src="/cdn/widget/v1/article-widget.js"></script>
<div data-article-widget data-src="../krebs.json">
  <a href="https://publisher.example/krebs">Read: Trump fires cyber security chief…</a>
</div>
</body></html>`);
  const elsewhere = await serve(site);
  const tab = await browser.newPage();
  const uncaught = [];
  tab.on('pageerror', (err) => uncaught.push(err.message));
  await tab.goto(`${elsewhere.origin}/blog/posts/`);
  const widget = tab.locator('[data-article-widget]');
  await widget.locator('.artw-article').waitFor();
  assert.equal(await widget.locator('.artw-body > p').count(), 10);
  assert.equal(await widget.locator('.artw-headline').textContent(), seed.headline);
  assert.deepEqual(uncaught, []);
  await tab.close();
  await elsewhere.close();
  await rm(site, { recursive: true, force: true });
});
