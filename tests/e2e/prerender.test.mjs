// Pre-rendered pages: readable without scripts, valid HTML, hydrated in place, no layout shift.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, serveAndLaunch } from './support.mjs';

const SEED = join(ROOT, 'static/articles/krebs.json');
const seedText = (await readFile(join(ROOT, 'tests/fixtures/krebs-seed.txt'), 'utf8')).split('\n');
const PARAGRAPHS = [3, 4, 5, 6, 7, 8, 9, 12, 13, 14].map((i) => seedText[i]);

const cli = (...args) => execFileSync(CLI, args, { encoding: 'utf8' });
const standalonePage = cli('render', SEED, '--assets', '/');
const fragment = cli('render', SEED, '--fragment', '--assets', '/');
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

describe('hydration', () => {
  for (const [what, path, inShadow] of [
    ['the pre-rendered demo page', '/', false],
    ['a host page with the `--fragment` markup', '/t/fragment.html', true],
  ]) {
    test(`${what}: the script takes over every node without replacing one`, async () => {
      const tab = await browser.newPage();
      const uncaught = [];
      tab.on('pageerror', (err) => uncaught.push(err.message));
      const wasm = [];
      tab.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(new URL(request.url()).pathname));
      await tab.addInitScript((inShadow) => {
        window.readyCount = 0;
        document.addEventListener('article-widget:ready', () => readyCount++);
        const scope = () => (inShadow ? document.querySelector('[data-article-widget]').shadowRoot : document);
        const walk = () => {
          const found = [];
          const visit = (node) => {
            if (node.nodeType !== Node.COMMENT_NODE) found.push(node);
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
      await tab.waitForFunction(() => readyCount > 0);
      const nodes = await tab.evaluate(() => compare());
      assert.ok(nodes.before > 50, `${nodes.before} nodes were pre-rendered`);
      assert.deepEqual(nodes, { before: nodes.before, after: nodes.before, same: nodes.before });
      assert.deepEqual(wasm, ['/wasm/article-widget_bg.wasm'], 'the build that hydrates');

      // Interactive afterwards: a click on a link is reported.
      const clicked = await tab.evaluate(async (inShadow) => {
        const scope = inShadow ? document.querySelector('[data-article-widget]').shadowRoot : document;
        const host = document.querySelector('[data-article-widget]');
        const link = document.createElement('a');
        link.href = '#';
        link.dataset.kind = 'body';
        link.textContent = 'probe';
        scope.querySelector('.artw-body p').append(link);
        const event = new Promise((resolve) => host.addEventListener('article-widget:link', (e) => resolve(e.detail.kind)));
        link.click();
        return event;
      }, inShadow);
      assert.equal(clicked, 'body');
      assert.deepEqual(uncaught, []);
      await tab.close();
    });
  }
});

test('a loader that runs before the page is parsed still finds the pre-rendered widget and hydrates it', async () => {
  const tab = await browser.newPage();
  const wasm = [];
  tab.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(new URL(request.url()).pathname));
  await tab.goto(server.origin + '/t/early-loader.html');
  await tab.waitForFunction(() => readyCount > 0);
  assert.deepEqual(wasm, ['/wasm/article-widget_bg.wasm']);
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
  const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const check = async (html) => {
    const dir = await mkdtemp(join(tmpdir(), 'artw-vnu-'));
    const file = join(dir, 'page.html');
    await writeFile(file, html);
    try {
      const args = ['-jar', vnu, '--errors-only', '--exit-zero-always', '--stdout', '--format', 'json', file];
      return JSON.parse(execFileSync('java', args, { encoding: 'utf8' })).messages;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

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
