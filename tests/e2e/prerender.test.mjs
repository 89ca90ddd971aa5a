// Pre-rendered pages: readable without scripts, valid HTML, taken over by the loader without
// WebAssembly, updated in place, no layout shift.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, LINK_EVENTS, ROOT, clickEveryLink, linkedArticle, nuErrors, serveAndLaunch } from './support.mjs';

const SEED = join(ROOT, 'static/articles/krebs.json');
const seedText = (await readFile(join(ROOT, 'tests/fixtures/krebs-seed.txt'), 'utf8')).split('\n');
const PARAGRAPHS = [3, 4, 5, 6, 7, 8, 9, 12, 13, 14].map((i) => seedText[i]);

const cli = (...args) => execFileSync(CLI, args, { encoding: 'utf8' });
const standalonePage = cli('render', SEED, '--assets', '/');
const fragment = cli('render', SEED, '--fragment', '--assets', '/');

// The seed with a link of every kind and an author picture that fails to load.
const seed = JSON.parse(await readFile(SEED, 'utf8'));
const linked = linkedArticle(seed);
linked.authors[0].avatar = '/no-such-avatar.png';
const linkedDir = await mkdtemp(join(tmpdir(), 'artw-linked-'));
const LINKED = join(linkedDir, 'linked.json');
await writeFile(LINKED, JSON.stringify(linked));
const linkedFragment = cli('render', LINKED, '--fragment', '--assets', '/');
const linkedPage = cli('render', LINKED, '--assets', '/');
await rm(linkedDir, { recursive: true, force: true });
const hostPage = (body, head = '') => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A host page</title>${head}</head>
<body><h1>A host page</h1>${body}<p id="below">The host's own content, after the widget.</p></body></html>
`;
const recorder = `<script>
  window.shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push(e.value); })
    .observe({ type: 'layout-shift', buffered: true });
  window.readyCount = 0;
  document.addEventListener('article-widget:ready', () => readyCount++);
</script>`;

const routes = {
  '/t/standalone.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(standalonePage),
  '/t/fragment.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(
    hostPage(fragment, `${recorder}<script type="module" src="/article-widget.js"></script>`)),
  '/t/linked-fragment.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(
    hostPage(linkedFragment.replace('<div data-article-widget', '<div data-theme="dark" data-article-widget'),
      `${recorder}<script type="module" src="/article-widget.js"></script>`)),
  '/t/linked-page.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(linkedPage),
  '/t/client.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(
    '<div class="reserve" data-article-widget data-src="/articles/krebs.json"><a href="https://example.com/">Read: Trump fires cyber security chief…</a></div>',
    `${recorder}<style>.reserve { display: block; min-height: 100vh }</style><script type="module" src="/article-widget.js"></script>`)),
  // The loader is imported while the page is still arriving: the widget comes half a second
  // after the script has run.
  '/t/early-loader.html': (q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.write(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Early</title>${recorder}
<script>import('/article-widget.js');</script></head><body><h1>A host page</h1>`);
    setTimeout(() => r.end(`${fragment}</body></html>`), 500);
  },
};

const { server, browser } = await serveAndLaunch(routes, after);

describe('without JavaScript', () => {
  for (const [what, path, inShadow] of [
    ['the pre-rendered demo page', '/', false],
    ['the page from `article-widget render`', '/t/standalone.html', false],
    ['a host page with the `--fragment` markup', '/t/fragment.html', true],
  ]) {
    test(`${what} shows every paragraph, styled`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const tab = await context.newPage();
      await tab.goto(server.origin + path);
      const shown = await tab.evaluate((inShadow) => {
        const scope = inShadow ? document.querySelector('[data-article-widget]').shadowRoot : document;
        const headline = scope.querySelector('.artw-headline');
        const style = getComputedStyle(headline);
        return {
          paragraphs: [...scope.querySelectorAll('.artw-body > p')].map((p) => p.textContent),
          visible: headline.getBoundingClientRect().height > 0,
          weight: style.fontWeight,
          size: parseFloat(style.fontSize),
          author: scope.querySelector('.artw-author-name')?.textContent,
        };
      }, inShadow);
      assert.deepEqual(shown.paragraphs, PARAGRAPHS);
      assert.ok(shown.visible);
      assert.equal(shown.weight, '700', 'the stylesheet applies');
      assert.ok(shown.size > 28, `headline is set large (${shown.size}px)`);
      assert.equal(shown.author, 'Bobby Hellard');
      await context.close();
    });
  }
});

/** Opens a page, recording what it requests from wasm/ and anything it throws. */
async function openRecorded(path, viewport = { width: 1280, height: 800 }) {
  const tab = await browser.newPage({ viewport });
  tab.uncaught = [];
  tab.on('pageerror', (err) => tab.uncaught.push(err.message));
  tab.wasm = [];
  tab.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/wasm/')) tab.wasm.push(pathname);
  });
  await tab.addInitScript(() => {
    window.readyEvents = 0;
    window.links = [];
    document.addEventListener('article-widget:ready', () => readyEvents++);
    document.addEventListener('article-widget:link', (e) => links.push([e.detail.kind, e.detail.href]));
    document.addEventListener('click', (e) => e.preventDefault());
  });
  await tab.goto(server.origin + path);
  await tab.waitForFunction(() => readyEvents > 0);
  return tab;
}

describe('taken over without WebAssembly', () => {
  for (const [what, path, inShadow] of [
    ['the pre-rendered demo page', '/', false],
    ['a host page with the `--fragment` markup', '/t/fragment.html', true],
  ]) {
    test(`${what}: ready, every node kept, no wasm requested`, async () => {
      const tab = await browser.newPage();
      const uncaught = [];
      tab.on('pageerror', (err) => uncaught.push(err.message));
      const wasm = [];
      tab.on('request', (request) => new URL(request.url()).pathname.startsWith('/wasm/') && wasm.push(request.url()));
      await tab.addInitScript((inShadow) => {
        window.readyEvents = 0;
        document.addEventListener('article-widget:ready', () => readyEvents++);
        const scope = () => (inShadow ? document.querySelector('[data-article-widget]').shadowRoot : document);
        const walk = () => {
          const found = [];
          const visit = (node) => {
            found.push(node);
            node.childNodes.forEach(visit);
          };
          visit(scope().querySelector('.artw-host'));
          return found;
        };
        document.addEventListener('DOMContentLoaded', () => { window.before = walk(); });
        window.compare = () => {
          const after = walk();
          return { before: before.length, after: after.length, same: before.filter((n, i) => n === after[i]).length };
        };
      }, inShadow);
      await tab.goto(server.origin + path);
      await tab.waitForFunction(() => readyEvents > 0);
      const ready = await tab.evaluate(() => window.ArticleWidget.ready.then(() => readyEvents));
      assert.equal(ready, 1, 'one ready event, and the ready promise resolves');
      const nodes = await tab.evaluate(() => compare());
      assert.ok(nodes.before > 50, `${nodes.before} nodes were pre-rendered`);
      assert.deepEqual(nodes, { before: nodes.before, after: nodes.before, same: nodes.before });
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(wasm, [], 'no WebAssembly and no bindings are downloaded');
      assert.deepEqual(uncaught, []);
      await tab.close();
    });
  }

  for (const [what, path, inShadow] of [
    ['in a declarative shadow root', '/t/linked-fragment.html', true],
    ['on the page from `article-widget render`', '/t/linked-page.html', false],
  ]) {
    test(`${what}: link events, the avatar fallback and data-theme, with no wasm`, async () => {
      const tab = await openRecorded(path);
      const widget = tab.locator('[data-article-widget]');
      await clickEveryLink(widget);
      assert.deepEqual(await tab.evaluate(() => links), LINK_EVENTS);
      // The picture loads lazily: in view, it fails, and the initials under it show.
      await widget.locator('.artw-avatar').scrollIntoViewIfNeeded();
      await tab.waitForFunction((inShadow) => {
        const el = document.querySelector('[data-article-widget]');
        return (inShadow ? el.shadowRoot : el).querySelector('img.artw-avatar-image').hidden;
      }, inShadow);
      const avatar = await tab.evaluate((inShadow) => {
        const el = document.querySelector('[data-article-widget]');
        const scope = inShadow ? el.shadowRoot : el;
        const initials = scope.querySelector('.artw-avatar-initials');
        const box = scope.querySelector('.artw-avatar').getBoundingClientRect();
        const topmost = (inShadow ? el.shadowRoot : document).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          text: initials.textContent,
          onTop: initials.contains(topmost) || topmost === initials.parentElement,
          theme: scope.querySelector('.artw-root').dataset.theme,
        };
      }, inShadow);
      assert.equal(avatar.text, 'BH');
      assert.ok(avatar.onTop, 'the initials are what the reader sees');
      assert.equal(avatar.theme, inShadow ? 'dark' : 'auto', "the element's data-theme applies");
      assert.deepEqual(tab.wasm, []);
      assert.deepEqual(tab.uncaught, []);
      await tab.close();
    });
  }

  test('mount() without a source takes the markup over; destroy() shows the fallback again', async () => {
    const tab = await openRecorded('/t/fragment.html');
    const state = await tab.evaluate(async () => {
      const el = document.querySelector('[data-article-widget]');
      const fallback = document.createElement('p');
      fallback.className = 'fallback';
      fallback.textContent = 'Read it on the publisher’s site';
      el.append(fallback);
      const handle = await window.ArticleWidget.mount(el);
      const kept = el.shadowRoot.querySelectorAll('.artw-body > p').length;
      handle.destroy();
      return { kept, shadow: [...el.shadowRoot.children].map((c) => c.localName), fallback: fallback.getClientRects().length > 0 };
    });
    assert.deepEqual(state, { kept: 10, shadow: ['slot'], fallback: true });
    assert.deepEqual(tab.wasm, []);
    await tab.close();
  });

  for (const [what, path] of [['a fragment in a shadow root', '/t/fragment.html'], ['the light-DOM demo page', '/']]) {
    test(`update() on ${what} fetches the wasm once and renders in place without a shift`, async () => {
      const tab = await openRecorded(path);
      const result = await tab.evaluate(async (article) => {
        const el = document.querySelector('[data-article-widget]');
        const scope = el.shadowRoot ?? el;
        const headline = () => scope.querySelector('.artw-headline')?.textContent;
        const height = el.getBoundingClientRect().height;
        const shifts = [];
        new PerformanceObserver((list) => shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value)))
          .observe({ type: 'layout-shift' });
        // Every frame until the update has settled: what is shown, and how tall the element is.
        const frames = [];
        let settled = false;
        const sample = () => {
          frames.push([headline(), el.getBoundingClientRect().height]);
          if (!settled) requestAnimationFrame(sample);
        };
        sample();
        const handle = await window.ArticleWidget.mount(el);
        const shown = await handle.update({ ...article, headline: 'Updated in place' });
        settled = true;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const again = await handle.update({ ...article, headline: 'Again' });
        return { shown, height, frames, shifts, after: headline(), again };
      }, seed);
      assert.equal(result.shown, true);
      assert.equal(result.again, true);
      const before = result.frames.filter(([text]) => text === seed.headline);
      assert.ok(before.length > 0, 'frames were drawn while the wasm loaded');
      assert.ok(before.every(([, h]) => h === result.height), `the size held: ${JSON.stringify(result.frames)}`);
      assert.ok(result.frames.every(([text]) => text === seed.headline || text === 'Updated in place'),
        `the old article until the new one, nothing in between: ${JSON.stringify(result.frames)}`);
      assert.deepEqual(result.shifts, [], 'no layout shift');
      assert.deepEqual(tab.wasm.filter((p) => p.endsWith('.wasm')), ['/wasm/article-widget_bg.wasm']);
      assert.deepEqual(tab.uncaught, []);
      await tab.close();
    });
  }
});

test('a loader that runs before the page is parsed still finds the pre-rendered widget', async () => {
  const tab = await openRecorded('/t/early-loader.html');
  assert.deepEqual(tab.wasm, []);
  await tab.close();
});

describe('layout shift from load to ready, measured in Chromium', () => {
  const measure = async (path) => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await tab.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push(e.value); })
        .observe({ type: 'layout-shift', buffered: true });
      window.readyCount = 0;
      document.addEventListener('article-widget:ready', () => readyCount++);
    });
    await tab.goto(server.origin + path);
    await tab.waitForFunction(() => readyCount > 0);
    // Layout shifts are reported after the frame that caused them: let two frames pass.
    const score = await tab.evaluate(() => new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts.reduce((a, b) => a + b, 0))))));
    await tab.close();
    return score;
  };

  test('the pre-rendered demo page does not shift at all', async () => {
    assert.equal(await measure('/'), 0);
  });

  test('a pre-rendered fragment on a host page does not shift at all', async () => {
    assert.equal(await measure('/t/fragment.html'), 0);
  });

  test('a client-rendered embed whose host reserves the space shifts less than 0.01', async () => {
    const score = await measure('/t/client.html');
    assert.ok(score < 0.01, `cumulative layout shift ${score}`);
  });
});

describe('HTML validity (Nu HTML Checker)', () => {
  const check = nuErrors;

  test('the checker itself reports errors in broken markup', async () => {
    const messages = await check('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p></body></html>');
    assert.ok(messages.length > 0);
  });

  test('the rendered seed page has no errors', async () => {
    assert.deepEqual(await check(standalonePage), []);
  });

  test('the fragment inside a minimal page has no errors', async () => {
    assert.deepEqual(await check(hostPage(fragment)), []);
  });
});
