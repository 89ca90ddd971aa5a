// A theme pinned by the host: `embed.html?theme=dark|light` and `embed-full.html` the same.
// The pinned theme wins over the reader's system setting everywhere on the page (the page's
// colour scheme and background, the widget), from the first frame the page renders, and the
// loader keeps it. The screenshots of a pinned card in a host page go to $SCREENSHOTS (to
// retake the README's: SCREENSHOTS=docs/screenshots node --test tests/e2e/theme.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, DIST, ROOT, launch, serve } from './support.mjs';

const work = await mkdtemp(join(tmpdir(), 'artw-theme-'));
const SITE = join(work, 'site');
const SHOTS = resolve(process.env.SCREENSHOTS ?? join(work, 'shots'));
await mkdir(SHOTS, { recursive: true });
// The card's page delivered in two parts, 400 ms apart, as a slow network would: the browser
// renders frames of the half it has.
const site = await serve(SITE, {
  '/whole/embed-slow.html': async (q, r) => {
    const html = await readFile(join(SITE, 'whole/embed.html'), 'utf8');
    const half = html.indexOf('<p class="artw-card-standfirst"');
    assert.ok(half > 0, 'the card has a standfirst to cut before');
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.write(html.slice(0, half));
    await new Promise((done) => setTimeout(done, 400));
    r.end(html.slice(half));
  },
});
const BASE = `${site.origin}/`;
const built = spawnSync(CLI, ['build', join(ROOT, 'static/articles'), '--base-url', BASE, '-o', SITE, '--widget', DIST],
  { encoding: 'utf8' });
const host = await serve(work, {
  '/host.html': (q, r) => {
    const { searchParams } = new URL(q.url, 'http://x');
    const theme = searchParams.get('theme');
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>A host page</title>
<style>:root { color-scheme: light dark } body { margin: 0; font: 18px/1.6 Georgia, serif; background: Canvas; color: CanvasText }
main { max-width: 640px; margin: 0 auto; padding: 24px 20px } iframe { display: block; max-width: 100%; border: 0 }</style>
</head><body><main><h1>A post that pins the card ${theme}</h1><p>The host's own text follows the reader's system.</p>
<iframe src="${BASE}whole/embed.html?theme=${theme}" width="600" height="420" title="The card"></iframe>
<p>The whole article, pinned ${theme} too:</p>
<iframe src="${BASE}whole/embed-full.html?theme=${theme}" width="600" height="520" title="The article"></iframe>
</main></body></html>`);
  },
});
const browser = await launch();
after(async () => {
  await browser.close();
  await host.close();
  await site.close();
  await rm(work, { recursive: true, force: true });
});

/** Relative luminance (0 black, 1 white) of a computed `rgb()`/`rgba()` colour. */
const luminance = (color) => {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const opaque = (color) => !/^rgba\(.*, 0\)$|^transparent$/.test(color);
const isDark = (color) => opaque(color) && luminance(color) < 0.1;
const isLight = (color) => opaque(color) && luminance(color) > 0.6;
// The other theme's backgrounds: near white, or near black (an accent such as the light
// theme's dark red is neither).
const whitish = (color) => luminance(color) > 0.6;
const blackish = (color) => luminance(color) < 0.03;

/** In the page: the colour scheme and background of the root and of every element that paints one. */
const paint = () => {
  const opaque = (color) => !/^rgba\(.*, 0\)$|^transparent$/.test(color);
  const elements = [...document.querySelectorAll('*')];
  return {
    scheme: getComputedStyle(document.documentElement).colorScheme,
    page: getComputedStyle(document.documentElement).backgroundColor,
    schemes: [...new Set(elements.map((e) => getComputedStyle(e).colorScheme))],
    backgrounds: [...new Set(elements.map((e) => getComputedStyle(e).backgroundColor).filter(opaque))],
    widget: document.querySelector('.artw-root') && getComputedStyle(document.querySelector('.artw-root')).backgroundColor,
  };
};

// The reader's system setting, and the theme the host pins against it.
const CASES = [
  { os: 'light', theme: 'dark', matches: isDark, opposite: whitish },
  { os: 'dark', theme: 'light', matches: isLight, opposite: blackish },
];

test('the site builds', () => assert.equal(built.status, 0, built.stderr));

for (const { os, theme, matches, opposite } of CASES) {
  describe(`theme=${theme} on a ${os} system`, () => {
    for (const page of ['embed.html', 'embed-full.html']) {
      test(`${page}: nothing on the page is ${os}, before and after the loader`, async () => {
        const tab = await browser.newPage({ viewport: { width: 600, height: 800 }, colorScheme: os });
        await tab.goto(`${BASE}whole/${page}?theme=${theme}`);
        await tab.locator('.artw-root').first().waitFor();
        if (page === 'embed-full.html') {
          await tab.waitForFunction(() => window.ArticleWidget?.ready);
          await tab.evaluate(() => window.ArticleWidget.ready);
          assert.equal(await tab.locator('[data-article-widget]').getAttribute('data-theme'), theme, 'the loader is told');
        }
        const seen = await tab.evaluate(paint);
        assert.equal(seen.scheme, theme, 'the page\'s colour scheme (scrollbars, form controls)');
        assert.ok(matches(seen.page), `the page's background ${seen.page}`);
        assert.ok(matches(seen.widget), `the widget's background ${seen.widget}`);
        assert.deepEqual(seen.schemes, [theme], 'no element follows the system');
        for (const background of seen.backgrounds) assert.ok(!opposite(background), `a ${background} background on a ${theme} page`);
        await tab.close();
      });
    }

    test('from navigation start, every frame of the card, delivered slowly, is painted in the pinned theme (requestAnimationFrame sampler)', async () => {
      const tab = await browser.newPage({ viewport: { width: 600, height: 800 }, colorScheme: os });
      // Before any of the page's own scripts: a sample in every animation frame, each taken
      // just before that frame is painted.
      await tab.addInitScript(() => {
        window.frames_ = [];
        const sample = () => {
          const root = document.documentElement;
          const card = document.querySelector('.artw-root');
          window.frames_.push({
            at: performance.now(),
            state: document.readyState,
            scheme: root && getComputedStyle(root).colorScheme,
            page: root && getComputedStyle(root).backgroundColor,
            card: card && getComputedStyle(card).backgroundColor,
          });
          if (!window.frames_.done) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await tab.goto(`${BASE}whole/embed-slow.html?theme=${theme}`);
      await tab.waitForTimeout(200);
      const frames = await tab.evaluate(() => Object.assign(window.frames_, { done: true }).slice());
      const first = await tab.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? null);
      const early = frames.filter((f) => f.at < first);
      const halfway = frames.filter((f) => f.state === 'loading' && f.card);
      assert.ok(early.length > 0, `frames sampled before the first paint at ${first} ms`);
      assert.ok(halfway.length > 5, `${halfway.length} frames of the half-delivered card`);
      for (const frame of frames) {
        assert.equal(frame.scheme, theme, `frame at ${frame.at.toFixed(1)} ms (first paint ${first} ms)`);
        assert.ok(matches(frame.page), `page background ${frame.page} at ${frame.at.toFixed(1)} ms`);
        if (frame.card) assert.ok(matches(frame.card), `card ${frame.card} at ${frame.at.toFixed(1)} ms`);
      }
      await tab.close();
    });

    test(`in a host page on a ${os} system: the card and the whole article stay ${theme} (screenshot)`, async () => {
      const tab = await browser.newPage({ viewport: { width: 700, height: 1200 }, colorScheme: os });
      await tab.goto(`${host.origin}/host.html?theme=${theme}`);
      const frames = [];
      for (const name of ['The card', 'The article']) {
        const frame = await (await tab.waitForSelector(`iframe[title="${name}"]`)).contentFrame();
        await frame.locator('.artw-root').first().waitFor();
        frames.push(frame);
      }
      await frames[1].waitForFunction(() => window.ArticleWidget?.ready);
      for (const frame of frames) {
        const seen = await frame.evaluate(paint);
        assert.deepEqual(seen.schemes, [theme]);
        assert.ok(matches(seen.page) && matches(seen.widget), JSON.stringify(seen));
      }
      const hostBackground = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.ok(!matches(hostBackground), `the host itself follows the ${os} system: ${hostBackground}`);
      await tab.screenshot({ path: join(SHOTS, `embed-theme-${theme}-on-${os}.png`) });
      await tab.close();
    });
  });
}
