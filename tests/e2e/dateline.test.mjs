// The dateline as a sighted reader sees it, with the stylesheet applied: which date is the
// update, one date when both fall on the same day, the same text pre-rendered, taken over by
// the loader and rendered in the browser, and a clean wrap on a 360 px phone.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, serveAndLaunch } from './support.mjs';

const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const arabic = JSON.parse(await readFile(join(ROOT, 'static/articles/ar-krebs.json'), 'utf8'));
const dated = (article, published, updated) => ({ ...structuredClone(article), published, updated });

const CASES = {
  'same-day': {
    article: dated(seed, '2019-11-19T09:00:00-05:00', '2019-11-19T14:41:00Z'),
    dates: ['19 November 2019', 'Updated 9:41 AM UTC-5'],
  },
  'days-apart': {
    article: dated(seed, '2019-11-19T09:00:00Z', '2019-11-21T10:00:00Z'),
    dates: ['19 November 2019', 'Updated 21 November 2019'],
  },
  'arabic-same-day': {
    article: dated(arabic, '2019-11-19T09:00:00+03:00', '2019-11-19T13:30:00+03:00'),
    dates: ['19 نوفمبر 2019', 'حُدّث الساعة 1:30 م UTC+3'],
  },
};

const dir = await mkdtemp(join(tmpdir(), 'artw-dateline-'));
const fragments = {};
for (const [name, { article }] of Object.entries(CASES)) {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(article));
  fragments[name] = execFileSync(CLI, ['render', file, '--fragment', '--assets', '/'], { encoding: 'utf8' });
}
await rm(dir, { recursive: true, force: true });

const page = (body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dateline</title>
<meta name="viewport" content="width=device-width">
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`;

const routes = {};
for (const name of Object.keys(CASES)) {
  routes[`/t/${name}-pre.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page(fragments[name]));
  routes[`/t/${name}-client.html`] = (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page(
    `<div id="client"></div><script type="module">
      import { mount } from '/article-widget.js';
      window.mounted = mount(document.getElementById('client'), ${JSON.stringify(CASES[name].article)});
    </script>`));
}

const { server, browser } = await serveAndLaunch(routes, after);

/**
 * Each dateline item's text as it is drawn: text inside a visually hidden element (a box of
 * a pixel or less) is left out, as a sighted reader never sees it.
 */
async function visibleDateline(tab) {
  return tab.evaluate(() => {
    const host = document.querySelector('[data-article-widget], #client');
    const root = host.shadowRoot ?? host;
    return [...root.querySelectorAll('.artw-dateline .artw-dateline-item')].map((item) => {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const box = node.parentElement.getBoundingClientRect();
        if (box.width > 1 && box.height > 1) text += node.textContent;
      }
      return text.replace(/\s+/g, ' ').trim();
    });
  });
}

async function open(path, width = 1024) {
  const tab = await browser.newPage({ viewport: { width, height: 800 } });
  await tab.goto(server.origin + path);
  await tab.evaluate(() => (window.mounted ?? window.ArticleWidget.ready));
  await tab.waitForSelector('.artw-dateline', { state: 'attached' }).catch(() => {});
  return tab;
}

describe('the visible dateline', () => {
  for (const [name, { dates }] of Object.entries(CASES)) {
    test(`${name}: "Updated" stands before the update, and pre-rendered and client-rendered read alike`, async () => {
      const pre = await open(`/t/${name}-pre.html`);
      const preItems = await visibleDateline(pre);
      const client = await open(`/t/${name}-client.html`);
      const clientItems = await visibleDateline(client);
      await pre.close();
      await client.close();
      // The publisher first, the reading time last: the dates are what lies between.
      assert.deepEqual(preItems.slice(1, -1), dates, 'pre-rendered, after the loader took it over');
      assert.deepEqual(clientItems, preItems, 'client-rendered');
    });
  }

  test('the same day shows its date once', async () => {
    const tab = await open('/t/same-day-pre.html');
    const text = (await visibleDateline(tab)).join(' · ');
    await tab.close();
    assert.equal(text.split('19 November 2019').length - 1, 1, text);
  });

  test('on a 360 px phone no line of the dateline starts with a separator', async () => {
    for (const name of Object.keys(CASES)) {
      const tab = await open(`/t/${name}-pre.html`, 360);
      const separators = await tab.evaluate(() => {
        const root = document.querySelector('[data-article-widget]').shadowRoot;
        const items = [...root.querySelectorAll('.artw-dateline .artw-dateline-item')];
        const rtl = getComputedStyle(items[0]).direction === 'rtl';
        const start = (box) => (rtl ? box.right : box.left);
        const lineStart = start(items[0].getBoundingClientRect());
        return items.map((item) => {
          const box = item.getBoundingClientRect();
          const em = parseFloat(getComputedStyle(item).fontSize);
          // Where the separator is drawn, just before the item on its line's reading side.
          const x = rtl ? box.right + 0.55 * em : box.left - 0.55 * em;
          const hit = root.elementFromPoint(x, box.top + box.height / 2);
          return { startsLine: Math.abs(start(box) - lineStart) < 2, shown: hit === item };
        });
      });
      await tab.close();
      assert.ok(separators.some((s) => s.startsLine && separators.indexOf(s) > 0), `${name}: the dateline wraps at 360 px`);
      for (const [i, { startsLine, shown }] of separators.entries()) {
        assert.equal(shown, !startsLine, `${name}: item ${i} ${startsLine ? 'starts a line and shows' : 'follows another and hides'} its separator`);
      }
    }
  });

  test('on a 360 px phone the dateline wraps between items, inside the widget', async () => {
    for (const name of Object.keys(CASES)) {
      const tab = await open(`/t/${name}-pre.html`, 360);
      const layout = await tab.evaluate(() => {
        const root = document.querySelector('[data-article-widget]').shadowRoot;
        const line = root.querySelector('.artw-dateline');
        const bounds = line.getBoundingClientRect();
        const items = [...line.querySelectorAll('.artw-dateline-item')].map((item) => {
          const rects = [...item.getClientRects()];
          return { lines: rects.length, left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
        });
        return { width: document.documentElement.scrollWidth, bounds: { left: bounds.left, right: bounds.right }, items };
      });
      await tab.close();
      assert.ok(layout.width <= 360, `${name}: the page does not widen (${layout.width} px)`);
      for (const item of layout.items) {
        assert.equal(item.lines, 1, `${name}: an item is not broken across lines`);
        assert.ok(item.left >= layout.bounds.left - 0.5 && item.right <= layout.bounds.right + 0.5,
          `${name}: ${JSON.stringify(item)} inside ${JSON.stringify(layout.bounds)}`);
      }
    }
  });
});
