// Lists and tables on a phone: a table wider than the widget scrolls in its own box, which the
// keyboard can reach, and never widens the page; axe-core finds nothing, in both themes, both
// client-rendered and pre-rendered.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, ROOT, serveAndLaunch } from './support.mjs';

const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const wholePath = join(ROOT, 'static/articles/whole.json');
const whole = await readFile(wholePath, 'utf8');
const prerendered = execFileSync(CLI, ['render', wholePath, '--fragment', '--assets', '/'], { encoding: 'utf8' });

const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<script type="module" src="/article-widget.js"></script></head><body><main>${body}</main></body></html>`;
const routes = {
  '/t/whole.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(
    `<div id="w" data-article-widget><script type="application/json">${whole}</script></div>`)),
  '/t/whole-prerendered.html': (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(
    prerendered.replace('<div data-article-widget', '<div id="w" data-article-widget'))),
};

const { server, browser } = await serveAndLaunch(routes, after);

async function open(path, options = {}) {
  const tab = await browser.newPage({ viewport: { width: 360, height: 740 }, ...options });
  await tab.addInitScript(() => {
    window.settled = 0;
    for (const type of ['ready', 'error']) document.addEventListener(`article-widget:${type}`, () => settled++);
  });
  await tab.goto(server.origin + path);
  await tab.waitForFunction(() => document.getElementById('w')?.shadowRoot?.querySelector('.artw-table'));
  return tab;
}

for (const path of ['/t/whole.html', '/t/whole-prerendered.html']) {
  test(`${path}: at 360 px the wide table scrolls in its own box and the page does not`, async () => {
    const tab = await open(path);
    const found = await tab.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const box = root.querySelector('.artw-table');
      return {
        pageOverflow: document.scrollingElement.scrollWidth - innerWidth,
        boxWidth: box.getBoundingClientRect().width,
        scrolls: box.scrollWidth > box.clientWidth,
        overflowX: getComputedStyle(box).overflowX,
        role: box.getAttribute('role'),
        tabindex: box.getAttribute('tabindex'),
        label: box.getAttribute('aria-label'),
        caption: box.querySelector('caption')?.textContent,
        heads: box.querySelectorAll('thead tr').length,
        spans: [...box.querySelectorAll('[colspan], [rowspan]')].length,
        lists: [...root.querySelectorAll('.artw-list')].map((l) => [l.tagName, l.getAttribute('start')]),
        nestedStart: root.querySelector('.artw-list ul ol')?.getAttribute('start'),
      };
    });
    assert.ok(found.pageOverflow <= 0, `the page scrolls sideways by ${found.pageOverflow}px`);
    assert.ok(found.boxWidth <= 360, `the table's box is ${found.boxWidth}px wide`);
    assert.ok(found.scrolls, 'the table is wider than its box, which scrolls');
    assert.equal(found.overflowX, 'auto');
    assert.deepEqual([found.role, found.tabindex], ['region', '0']);
    assert.equal(found.label, 'Provisional turnout, votes and seats by ward');
    assert.equal(found.caption, found.label);
    assert.equal(found.heads, 2);
    assert.ok(found.spans >= 5);
    assert.deepEqual(found.lists, [['OL', null]]);
    assert.equal(found.nestedStart, '3');

    // The keyboard reaches the box and scrolls it.
    const box = tab.locator('#w .artw-table').first();
    await box.focus();
    await tab.keyboard.press('ArrowRight');
    await tab.keyboard.press('ArrowRight');
    await tab.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.artw-table').scrollLeft > 0);
    const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'a visible focus ring');
    await tab.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`${path}: axe-core reports no violations in the ${colorScheme} theme`, async () => {
      const tab = await open(path, { colorScheme });
      await tab.addScriptTag({ content: axeSource });
      const result = await tab.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, []);
      await tab.close();
    });
  }
}
