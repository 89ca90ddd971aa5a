// Whole articles (static/articles/whole.json, and whole-ar.json right to left) on a phone:
// tables and code scroll in their own boxes, which the keyboard can reach, and never widen the
// page; the pre-rendered markup is the markup the browser renders; axe-core finds nothing in
// light, dark and right to left; print lets wide boxes flow; the Nu checker finds no error.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, ROOT, articleStructure as structure, nuErrors, serveAndLaunch } from './support.mjs';

const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const FIXTURES = ['whole', 'whole-ar'];
const source = (name) => join(ROOT, `static/articles/${name}.json`);

const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>
<script type="module" src="/article-widget.js"></script></head><body><main>${body}</main></body></html>`;
const html = (text) => (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(text);
const routes = {};
for (const name of FIXTURES) {
  const json = await readFile(source(name), 'utf8');
  const prerendered = execFileSync(CLI, ['render', source(name), '--fragment', '--assets', '/'], { encoding: 'utf8' });
  routes[`/t/${name}.html`] = html(hostPage(
    `<div id="w" data-article-widget><script type="application/json">${json}</script></div>`));
  routes[`/t/${name}-prerendered.html`] = html(hostPage(
    prerendered.replace('<div data-article-widget', '<div id="w" data-article-widget')));
}

const { server, browser } = await serveAndLaunch(routes, after);

async function open(path, options = {}) {
  const tab = await browser.newPage({ viewport: { width: 360, height: 740 }, ...options });
  await tab.goto(server.origin + path);
  await tab.waitForFunction(() => document.getElementById('w')?.shadowRoot?.querySelector('.artw-notes'));
  return tab;
}

for (const name of FIXTURES) {
  describe(`${name}.json`, () => {
    test('pre-rendered, it is the markup the browser renders from the JSON', async () => {
      const client = await open(`/t/${name}.html`);
      const prerendered = await open(`/t/${name}-prerendered.html`);
      const [rendered, taken] = [await structure(client), await structure(prerendered)];
      assert.ok(rendered.length > 100, `${rendered.length} lines`);
      assert.deepEqual(taken, rendered);
      await client.close();
      await prerendered.close();
    });

    for (const path of [`/t/${name}.html`, `/t/${name}-prerendered.html`]) {
      test(`${path}: at 360 px the table and the code scroll in their own boxes and the page does not`, async () => {
        const tab = await open(path);
        const found = await tab.evaluate(() => {
          const root = document.getElementById('w').shadowRoot;
          const box = (element) => ({
            width: element.getBoundingClientRect().width,
            scrolls: element.scrollWidth > element.clientWidth,
            overflowX: getComputedStyle(element).overflowX,
            role: element.getAttribute('role'),
            tabindex: element.getAttribute('tabindex'),
            label: element.getAttribute('aria-label'),
          });
          const table = root.querySelector('.artw-table');
          const notes = root.querySelector('.artw-notes');
          return {
            pageOverflow: document.scrollingElement.scrollWidth - innerWidth,
            table: box(table),
            code: box(root.querySelector('.artw-code pre')),
            caption: table.querySelector('caption')?.textContent,
            heads: table.querySelectorAll('thead tr').length,
            spans: table.querySelectorAll('[colspan], [rowspan]').length,
            lists: [...root.querySelectorAll('.artw-list')].map((l) => [l.tagName, l.getAttribute('start')]),
            nestedStart: root.querySelector('.artw-list ul ol')?.getAttribute('start'),
            codeText: root.querySelector('.artw-code code').textContent,
            language: root.querySelector('.artw-code-language')?.textContent,
            dividers: root.querySelectorAll('hr.artw-divider').length,
            lead: root.querySelector('.artw-header + .artw-figure img')?.getAttribute('src'),
            notesLabel: notes.getAttribute('aria-label'),
            notesAfterBody: root.querySelector('.artw-body + .artw-notes') === notes,
            notes: [...notes.querySelectorAll('.artw-note time')].map((t) => t.getAttribute('datetime')),
          };
        });
        assert.ok(found.pageOverflow <= 0, `the page scrolls sideways by ${found.pageOverflow}px`);
        for (const [what, box] of [['table', found.table], ['code', found.code]]) {
          assert.ok(box.width <= 360, `the ${what}'s box is ${box.width}px wide`);
          assert.ok(box.scrolls, `the ${what} is wider than its box, which scrolls`);
          assert.equal(box.overflowX, 'auto');
          assert.deepEqual([box.role, box.tabindex], ['region', '0'], what);
          assert.ok(box.label, `the ${what}'s box is named`);
        }
        assert.equal(found.table.label, found.caption);
        assert.equal(found.heads, 2);
        assert.ok(found.spans >= 5);
        assert.deepEqual(found.lists, [['OL', null]]);
        assert.equal(found.nestedStart, '3');
        assert.match(found.codeText, /^SELECT ward,\n {7}round\(/, 'the code keeps its lines and spacing');
        assert.equal(found.language, 'sql');
        assert.equal(found.dividers, 1);
        assert.equal(found.lead, '/articles/count.svg');
        assert.ok(found.notesLabel && found.notesAfterBody, 'the notes follow the story, named');
        assert.equal(found.notes.length, 2);

        // The keyboard reaches each box and scrolls it, with a visible focus ring.
        for (const selector of ['.artw-table', '.artw-code pre']) {
          const box = tab.locator(`#w ${selector}`).first();
          await box.focus();
          // Towards the end of the line: left in a right-to-left box.
          const key = await box.evaluate((el) => (getComputedStyle(el).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight'));
          await tab.keyboard.press(key);
          await tab.keyboard.press(key);
          await tab.waitForFunction((s) => document.getElementById('w').shadowRoot.querySelector(s).scrollLeft !== 0, selector);
          const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
          assert.notEqual(outline, 'none', `a visible focus ring on ${selector}`);
        }
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

    test('in print the table and the code flow rather than scroll', async () => {
      const tab = await open(`/t/${name}-prerendered.html`);
      await tab.emulateMedia({ media: 'print' });
      const found = await tab.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        return {
          table: getComputedStyle(root.querySelector('.artw-table')).overflowX,
          code: getComputedStyle(root.querySelector('.artw-code pre')).whiteSpace,
        };
      });
      assert.deepEqual(found, { table: 'visible', code: 'pre-wrap' });
      await tab.close();
    });

    test('the Nu HTML Checker finds no error in its rendered page', async () => {
      const page = execFileSync(CLI, ['render', source(name)], { encoding: 'utf8' });
      assert.deepEqual(await nuErrors(page), []);
    });
  });
}
