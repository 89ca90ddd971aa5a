// The trunk demo page, built for release, in headless Chromium: what `./dev serve` shows.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveAndLaunch } from './support.mjs';

const { server, browser } = await serveAndLaunch({}, after);

const seedText = (await readFile(join(ROOT, 'tests/fixtures/krebs-seed.txt'), 'utf8')).split('\n');

for (const width of [1280, 360]) {
  test(`the demo page shows the whole seed article at ${width}px without sideways scroll`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.origin}/`);
    const widget = page.locator('[data-article-widget]');
    await widget.locator('.artw-article').waitFor();

    assert.equal(await widget.locator('h1.artw-headline').textContent(), seedText[0]);
    const paragraphs = await widget.locator('.artw-body > p').allTextContents();
    assert.deepEqual(paragraphs, [3, 4, 5, 6, 7, 8, 9, 12, 13, 14].map((i) => seedText[i]));
    assert.equal(await widget.locator('.artw-promo-title').textContent(), 'Get the ITPro. daily newsletter');
    assert.equal(await widget.locator('.artw-author-name').textContent(), 'Bobby Hellard');
    assert.equal(await widget.locator('.artw-related-title').count(), 2);
    assert.equal(await widget.locator('.artw-pullquote').count(), 1);

    const fallbackShown = await widget.evaluate((el) => el.querySelector('.demo-fallback') !== null);
    assert.equal(fallbackShown, false, 'the pre-rendered article replaced the client-side fallback');
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
