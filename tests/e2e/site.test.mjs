// `article-widget build` end to end: the site built from static/articles and served on one
// origin, its card and whole article in iframes on a host page of a second origin (WordPress's
// embed protocol, and the generic height message), its embed code pasted into a host page,
// and what it writes for others read by their own tools: an unfurler's oEmbed discovery, two
// feed parsers, RFC 4287's Atom grammar, the sitemap XSD, the JSON Feed schema and the Nu HTML
// Checker.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import FeedParser from 'feedparser';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { unfurl } from 'unfurl.js';
import { validateXML } from 'xmllint-wasm';
import { CLI, DIST, ROOT, launch, serve } from './support.mjs';
import { HOST_SCRIPT, wordpressFilter } from './site/wordpress.mjs';

const work = await mkdtemp(join(tmpdir(), 'artw-site-'));
const SITE = join(work, 'site');
/** The Nu HTML Checker, which also carries Jing, the RELAX NG validator. */
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
// The loader is a module script and fetches the widget's files, so a host page on another
// origin needs the site to allow it (CORS), as README's Publishing section says.
const site = await serve(SITE, {}, { 'access-control-allow-origin': '*' });
const BASE = `${site.origin}/`;
const built = spawnSync(CLI, ['build', join(ROOT, 'static/articles'), '--base-url', BASE, '-o', SITE, '--widget', DIST],
  { encoding: 'utf8' });
const file = (path) => readFile(join(SITE, path), 'utf8');
// Each article in static/articles is one page of the site, named by its file.
const SLUGS = (await readdir(join(ROOT, 'static/articles'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
// Per article: its page, card, whole-article frame, embed code, oEmbed answer and JSON; for the
// site: the index, the three feeds, the sitemap, robots.txt and the widget's files.
const SITE_FILES = 12;
const ARTICLE_FILES = 6;
const oembed = JSON.parse(await file('krebs/oembed.json'));

const hostPages = new Map();
const host = await serve(work, {
  '/wp-embed.js': (q, r) => r.writeHead(200, { 'content-type': 'text/javascript' }).end(HOST_SCRIPT),
  '/host.html': (q, r) => {
    const name = new URL(q.url, 'http://x').searchParams.get('page');
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPages.get(name));
  },
});
const browser = await launch();
after(async () => {
  await browser.close();
  await host.close();
  await site.close();
  await rm(work, { recursive: true, force: true });
});

const hostPage = (name, head, body) => {
  hostPages.set(name, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>
<style>body { margin: 0; font: 16px serif } main { max-width: 640px; margin: 0 auto } iframe { display: block; max-width: 100%; border: 0 }</style>
${head}</head><body><main><h1>A post on another site</h1><p>Before the embed.</p>${body}<p id="after">After the embed.</p></main></body></html>`);
  return `${host.origin}/host.html?page=${name}`;
};

/** The content height of the page in `frame`, as its embed script measures it. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Waits until the page in `frame` has laid itself out taller than `than` px, after a resize. */
const grown = (frame, than) => frame.waitForFunction(
  (than) => Math.ceil(document.documentElement.getBoundingClientRect().height) > than, than);

/** Waits until the iframe's height attribute is `expected(frame)` for its current content. */
async function heightFollows(tab, frame) {
  const iframe = tab.locator('iframe');
  let content;
  for (const until = Date.now() + 20_000; Date.now() < until;) {
    content = await contentHeight(frame);
    const attribute = Number(await iframe.getAttribute('height'));
    if (attribute === Math.min(1000, Math.max(200, content))) return { content, attribute };
    await tab.waitForTimeout(50);
  }
  assert.fail(`the iframe is ${await iframe.getAttribute('height')} px high for ${content} px of content`);
}

describe('the site built from static/articles', () => {
  test('builds every article and says so in one line', () => {
    assert.equal(built.status, 0, built.stderr);
    assert.equal(built.stdout, '');
    assert.match(built.stderr, new RegExp(`^built ${SLUGS.length} of ${SLUGS.length} articles into .*: ${SITE_FILES + ARTICLE_FILES * SLUGS.length} files written, 0 unchanged, 0 removed, in \\d+\\.\\d s\n$`));
  });

  test('every URL in the site files is absolute from the base URL', async () => {
    // The articles' own links, in the feeds' content, go anywhere (feeds.test.mjs checks that
    // they are absolute).
    const withoutContent = (json) => JSON.stringify({ ...json, items: json.items.map(({ content_html, ...item }) => item) });
    for (const path of ['index.html', 'feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'krebs/index.html', 'krebs/embed.html', 'krebs/embed-code.html', 'krebs/oembed.json']) {
      const text = path === 'feed.json' ? withoutContent(JSON.parse(await file(path))) : await file(path);
      const urls = [...text.matchAll(/(?:href|src)=\\?"([^"\\]*)\\?"|<(?:loc|id|uri|link|guid[^>]*)>([^<]*)<|"(?:url|id|home_page_url|feed_url|provider_url|author_url|thumbnail_url)":"([^"]*)"/g)]
        .map((m) => m[1] ?? m[2] ?? m[3]);
      assert.ok(urls.length > 0, path);
      for (const url of urls) assert.ok(url.startsWith(BASE), `${path}: ${url}`);
    }
  });

  test('the widget folder holds only the widget\'s own files', async () => {
    const files = (await readdir(join(SITE, 'widget'), { recursive: true })).sort();
    const wasm = (await readdir(join(DIST, 'wasm'))).map((name) => `wasm/${name}`);
    assert.deepEqual(files, ['article-widget-render.js', 'article-widget.css', 'article-widget.js', 'wasm', ...wasm].sort());
  });
});

describe('the card in a WordPress post (sandboxed iframe, wp-embed protocol)', () => {
  let tab;
  let frame;
  before(async () => {
    const url = hostPage('wordpress', '<script src="/wp-embed.js"></script>', wordpressFilter(oembed.html));
    tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await tab.goto(url);
    await tab.locator('iframe').waitFor();
    frame = await (await tab.waitForSelector('iframe')).contentFrame();
    assert.ok(frame, 'the card is loaded in the iframe');
    await frame.locator('.artw-card').waitFor();
  });
  after(() => tab.close());

  test('the iframe keeps WordPress\'s sandbox and the card runs in it with no wasm', async () => {
    assert.equal(await tab.locator('iframe').getAttribute('sandbox'), 'allow-scripts');
    assert.equal(await frame.evaluate(() => origin), 'null', 'an opaque origin');
    assert.equal(await frame.locator('.artw-card-headline').textContent(), 'Trump fires cyber security chief over election fraud dismissal');
  });

  test('at 600 px the height follows the content inside 200-1000 px, nothing cut off, and the fallback is hidden', async () => {
    const { content, attribute } = await heightFollows(tab, frame);
    assert.equal(Math.round((await tab.locator('iframe').boundingBox()).width), 600);
    assert.ok(content >= 200 && content <= 1000, `${content} px fits WordPress's clamp`);
    assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight) <= attribute);
    assert.equal(await tab.locator('blockquote').isVisible(), false);
    assert.equal(await tab.locator('iframe').getAttribute('style'), null, 'shown');
  });

  test('at 360 px the card grows and the iframe with it, still inside the clamp', async () => {
    const wide = await contentHeight(frame);
    await tab.setViewportSize({ width: 360, height: 900 });
    await grown(frame, wide);
    const { content } = await heightFollows(tab, frame);
    assert.equal(Math.round((await tab.locator('iframe').boundingBox()).width), 360);
    assert.ok(content > wide, `${content} px at 360 against ${wide} px at 600`);
    assert.ok(content <= 1000);
    const bottom = await frame.locator('.artw-card-link').evaluate((link) => link.getBoundingClientRect().bottom);
    assert.ok(bottom <= content, 'the link to the article is in view');
  });

  test('a click on the card\'s link navigates the host page to the article', async () => {
    await frame.locator('.artw-card-link').click();
    await tab.waitForURL(`${BASE}krebs/`);
    assert.equal(await tab.locator('.artw-headline').textContent(), 'Trump fires cyber security chief over election fraud dismissal');
  });
});

describe('the card pasted as its oEmbed html into a plain page (no WordPress)', () => {
  test('a click on the card\'s link navigates the host page to the article', async () => {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(hostPage('plain', '', oembed.html));
    const frame = await (await tab.waitForSelector('iframe')).contentFrame();
    await frame.locator('.artw-card').waitFor();
    assert.equal(frame.url(), `${BASE}krebs/embed.html`, 'the card is loaded in the iframe, as pasted');
    assert.match(await tab.locator('iframe').getAttribute('sandbox'), /(^| )allow-scripts( |$)/);
    await frame.locator('.artw-card-link').click();
    await tab.waitForURL(`${BASE}krebs/`);
    assert.equal(await tab.locator('.artw-headline').textContent(), 'Trump fires cyber security chief over election fraud dismissal');
    assert.deepEqual(errors, []);
    await tab.close();
  });
});

describe('an oEmbed answer fitted to maxwidth, as README shows a server doing it', () => {
  test('a 360 px answer gives a 360 px iframe whose card fits the clamp', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const snippet = readme.match(/\*\*oEmbed `maxwidth`\.\*\*[\s\S]*?```js\n([\s\S]*?)```/)[1];
    const fitOembed = new Function(`${snippet}\nreturn fitOembed;`)();
    assert.deepEqual(fitOembed(oembed, undefined), oembed, 'no maxwidth, no change');
    assert.equal(fitOembed(oembed, '900').width, oembed.width, 'never wider than the card');
    const fitted = fitOembed(oembed, '360');
    assert.equal(fitted.width, 360);
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await tab.goto(hostPage('wordpress-360', '<script src="/wp-embed.js"></script>', wordpressFilter(fitted.html)));
    await tab.locator('iframe').waitFor();
    const frame = await (await tab.waitForSelector('iframe')).contentFrame();
    await frame.locator('.artw-card').waitFor();
    const { content, attribute } = await heightFollows(tab, frame);
    assert.equal(Math.round((await tab.locator('iframe').boundingBox()).width), 360);
    assert.ok(content >= 200 && content <= 1000, `${content} px fits WordPress's clamp`);
    assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight) <= attribute, 'nothing cut off');
    await tab.close();
  });
});

describe('the whole article in a WordPress post', () => {
  test('a click on a link to the site inside the article navigates the host page through the link message', async () => {
    // As WordPress writes an embedded iframe into a post: with its secret in the URL and in
    // data-secret. (Given one only by wp-embed.js at run time, the frame may already be loading
    // its first address, and a browser may then never show it the secret.)
    const secret = 'Full123abc';
    const iframe = `<iframe class="wp-embedded-content" sandbox="allow-scripts" src="${BASE}krebs/embed-full.html#?secret=${secret}"
      data-secret="${secret}" width="600" height="400" title="The article"></iframe>`;
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await tab.goto(hostPage('wordpress-full', '<script src="/wp-embed.js"></script>', iframe));
    // The frame is attached once the iframe element is there: looked up at once, a loaded
    // machine may not have it yet.
    const frame = await (await tab.waitForSelector('iframe.wp-embedded-content')).contentFrame();
    await frame.locator('.artw-article').waitFor();
    // The markup is there before the loader has taken it over and listens for link clicks: on
    // a loaded machine a click could come first, and a sandboxed frame cannot follow it alone.
    await frame.waitForFunction(() => window.ArticleWidget?.ready);
    await frame.evaluate(() => window.ArticleWidget.ready);
    // The fixtures link nowhere on the site, so the article is given one such link.
    await frame.evaluate((href) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: 'the Arabic edition' });
      document.querySelector('.artw-paragraph').append(' See ', link);
    }, `${BASE}ar-krebs/`);
    await frame.getByRole('link', { name: 'the Arabic edition' }).click();
    await tab.waitForURL(`${BASE}ar-krebs/`);
    await tab.close();
  });
});

describe('the whole article in an iframe, sized by the generic message', () => {
  test('the height follows the content at 600 px and after a resize to 360 px', async () => {
    const url = hostPage('generic', `<script>
      addEventListener('message', (event) => {
        const frame = document.querySelector('iframe');
        if (event.source === frame.contentWindow && event.data?.type === 'article-widget:height') {
          frame.height = event.data.height;
          window.heightMessages = (window.heightMessages ?? 0) + 1;
        }
      });
    </script>`, `<iframe src="${BASE}ar-krebs/embed-full.html" sandbox="allow-scripts allow-top-navigation-by-user-activation" width="600" height="150" title="The article"></iframe>`);
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const wasm = [];
    tab.on('request', (request) => request.url().includes('/wasm/') && wasm.push(request.url()));
    await tab.goto(url);
    await tab.locator('iframe').waitFor();
    const frame = await (await tab.waitForSelector('iframe')).contentFrame();
    await frame.locator('.artw-article').waitFor();
    const exact = async () => {
      for (const until = Date.now() + 20_000; Date.now() < until;) {
        const content = await contentHeight(frame);
        if (Number(await tab.locator('iframe').getAttribute('height')) === content) return content;
        await tab.waitForTimeout(50);
      }
      assert.fail('the iframe did not take its content\'s height');
    };
    const wide = await exact();
    assert.ok(wide > 1000, `the whole article (${wide} px) is not clamped`);
    await tab.setViewportSize({ width: 360, height: 900 });
    await grown(frame, wide);
    const narrow = await exact();
    assert.ok(narrow > wide, `${narrow} px at 360 against ${wide} px at 600`);
    // The frame is the content's height rounded up; scrollHeight rounds to the nearest pixel.
    const scrolled = await frame.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(scrolled <= narrow, `nothing cut off: ${scrolled} px of content in ${narrow} px`);
    assert.deepEqual(wasm, []);
    await tab.close();
  });
});

describe('the embed code pasted into a host page', () => {
  test('shows the article with no wasm request', async () => {
    const url = hostPage('pasted', '', await file('krebs/embed-code.html'));
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests = [];
    const errors = [];
    tab.on('request', (request) => requests.push(request.url()));
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.addInitScript(() => document.addEventListener('article-widget:ready', () => { window.ready = true; }));
    await tab.goto(url);
    await tab.waitForFunction(() => window.ArticleWidget);
    await tab.evaluate(() => window.ArticleWidget.ready);
    const headline = tab.locator('[data-article-widget] .artw-headline');
    assert.equal(await headline.textContent(), 'Trump fires cyber security chief over election fraud dismissal');
    assert.ok(await headline.isVisible());
    assert.ok((await tab.locator('[data-article-widget] .artw-article').boundingBox()).height > 1000);
    assert.deepEqual(requests.filter((r) => r.includes('/wasm/')), []);
    assert.ok(requests.includes(`${BASE}widget/article-widget.js`), 'the loader comes from the site');
    assert.deepEqual(errors, []);
    await tab.close();
  });
});

describe('the site index', () => {
  test('lists every article with an embed code that its copy button copies', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const tab = await context.newPage();
    await tab.goto(BASE);
    const titles = await tab.locator('.entry h2').allTextContents();
    assert.equal(titles.length, SLUGS.length);
    assert.ok(titles.includes('Trump fires cyber security chief over election fraud dismissal'));
    const button = tab.getByRole('button', { name: 'Copy embed code' }).first();
    assert.equal(await button.getAttribute('aria-describedby'), 'title-krebs');
    await button.click();
    await tab.locator('#copy-status', { hasText: 'Embed code copied' }).waitFor();
    assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), await file('krebs/embed-code.html'));
    await tab.getByRole('button', { name: 'Copy iframe code' }).first().click();
    await tab.locator('#copy-status', { hasText: 'Iframe code copied' }).waitFor();
    assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), oembed.html);
    await context.close();
  });
});

describe('what others read', () => {
  test('an unfurler (unfurl.js) discovers the oEmbed answer and reads the page\'s cards', async () => {
    const result = await unfurl(`${BASE}krebs/`);
    assert.equal(result.oEmbed.type, 'rich');
    assert.equal(result.oEmbed.version, '1.0');
    assert.equal(result.oEmbed.title, 'Trump fires cyber security chief over election fraud dismissal');
    assert.equal(result.oEmbed.author_name, 'Bobby Hellard');
    assert.equal(result.oEmbed.provider_name, 'ITPro');
    assert.equal(result.oEmbed.width, 600);
    assert.ok(result.oEmbed.height >= 200 && result.oEmbed.height <= 1000);
    assert.ok(result.oEmbed.cache_age > 0);
    assert.match(result.oEmbed.html, new RegExp(`<iframe [^>]*src="${BASE}krebs/embed.html"`));
    assert.equal(result.open_graph.title, 'Trump fires cyber security chief over election fraud dismissal');
    assert.equal(result.open_graph.url, `${BASE}krebs/`);
    assert.equal(result.twitter_card.card, 'summary');
  });

  test('the page gives link previews the reading time (twitter:label1 and data1)', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${BASE}ar-krebs/`);
    const meta = (name) => tab.locator(`meta[name="${name}"]`).getAttribute('content');
    assert.equal(await meta('twitter:label1'), 'مدة القراءة');
    assert.equal(await meta('twitter:data1'), 'دقيقة واحدة للقراءة');
    await tab.close();
  });

  test('feed.xml is Atom to two feed parsers (feedparser, feedsmith)', async () => {
    const xml = await file('feed.xml');
    const items = [];
    const parser = new FeedParser({ feedurl: `${BASE}feed.xml` });
    const meta = await new Promise((done, fail) => {
      parser.on('error', fail);
      parser.on('readable', () => { for (let item; (item = parser.read());) items.push(item); });
      parser.on('end', () => done(parser.meta));
      parser.end(xml);
    });
    assert.equal(meta['#type'], 'atom');
    assert.equal(meta.title, '127.0.0.1:' + new URL(BASE).port);
    assert.deepEqual(items.map((i) => i.link).sort(), SLUGS.map((slug) => `${BASE}${slug}/`).sort());
    const atom = parseAtomFeed(xml);
    assert.equal(atom.id, BASE);
    assert.ok(atom.updated);
    assert.equal(atom.entries.length, SLUGS.length);
    for (const entry of atom.entries) {
      assert.ok(entry.id.startsWith(BASE) && entry.title && entry.updated && entry.summary, JSON.stringify(entry));
    }
  });

  test('feed.xml is Atom as RFC 4287 defines it: its grammar (Jing) and the rules of section 4', async () => {
    const jing = (path) => spawnSync('java', ['-cp', VNU, 'nu.validator.vendor.thaiopensource.relaxng.util.Driver',
      '-c', join(ROOT, 'tests/e2e/site/atom.rnc'), path], { encoding: 'utf8' });
    const checked = jing(join(SITE, 'feed.xml'));
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    const xml = await file('feed.xml');
    const broken = join(work, 'broken-feed.xml');
    await writeFile(broken, xml.replace('</updated>', ' yesterday</updated>'));
    assert.equal(jing(broken).status, 1, 'the grammar can fail');

    // What the RFC's Schematron rules stand for, over a feed library's reading of the feed.
    const atom = parseAtomFeed(xml);
    const absolute = (iri) => URL.canParse(iri) && new URL(iri).href === iri;
    const alternates = (links) => (links ?? []).filter((link) => (link.rel ?? 'alternate') === 'alternate');
    const oneAlternateEach = (links) => {
      const kinds = alternates(links).map((link) => `${link.type} ${link.hreflang}`);
      return new Set(kinds).size === kinds.length;
    };
    assert.ok(atom.authors?.length || atom.entries.every((entry) => entry.authors?.length), 'an author for every entry');
    assert.ok(absolute(atom.id), atom.id);
    assert.equal(atom.links.find((link) => link.rel === 'self')?.href, `${BASE}feed.xml`);
    assert.ok(oneAlternateEach(atom.links));
    assert.equal(new Set(atom.entries.map((entry) => entry.id)).size, atom.entries.length, 'entry ids are unique');
    for (const entry of atom.entries) {
      assert.ok(absolute(entry.id), entry.id);
      assert.ok(oneAlternateEach(entry.links), JSON.stringify(entry.links));
      assert.ok(entry.content || alternates(entry.links).length, 'an entry without content links to it');
      assert.ok(!entry.content?.src || entry.summary, 'an entry with out-of-line content has a summary');
      assert.ok(entry.xml?.lang, 'each entry says its language');
    }
  });

  test('feed.json is JSON Feed 1.1 to a parser (feedsmith) and to the schema of the spec', async () => {
    const text = await file('feed.json');
    const feed = parseJsonFeed(text);
    assert.equal(feed.title, `127.0.0.1:${new URL(BASE).port}`);
    assert.equal(feed.items.length, SLUGS.length);
    const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(ROOT, 'tests/e2e/site/jsonfeed-1.1.schema.json'), 'utf8')));
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
    assert.equal(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1' }] }), false,
      'an item without content is refused');
  });

  test('sitemap.xml passes the sitemaps.org XSD (xmllint)', async () => {
    const schema = [{ fileName: 'sitemap.xsd', contents: await readFile(join(ROOT, 'node_modules/sitemap/schema/sitemap.xsd'), 'utf8') }];
    const xml = await file('sitemap.xml');
    const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: xml }], schema });
    assert.ok(result.valid, result.rawOutput);
    assert.equal((xml.match(/<url>/g) ?? []).length, SLUGS.length + 1, 'the articles and the index');
    const broken = await validateXML({ xml: [{ fileName: 'broken.xml', contents: xml.replace('<lastmod>', '<lastmod>yesterday') }], schema });
    assert.equal(broken.valid, false, 'the check can fail');
  });

  test('every HTML page passes the Nu HTML Checker', async () => {
    const pages = ['index.html', 'krebs/index.html', 'krebs/embed.html', 'krebs/embed-full.html', 'ar-krebs/index.html', 'ar-krebs/embed.html', 'ar-krebs/embed-full.html'];
    const pasted = join(work, 'pasted.html');
    hostPage('pasted', '', await file('krebs/embed-code.html'));
    await writeFile(pasted, hostPages.get('pasted'));
    const files = [...pages.map((p) => join(SITE, p)), pasted];
    const out = execFileSync('java', ['-jar', VNU, '--errors-only', '--exit-zero-always', '--stdout', '--format', 'json', ...files], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out).messages, []);
  });
});

describe('axe-core reports no violations on the site\'s own pages', () => {
  const axeSource = readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  for (const path of ['', 'krebs/embed.html', 'ar-krebs/embed.html']) {
    for (const colorScheme of ['light', 'dark']) {
      test(`/${path} in the ${colorScheme} theme, 360 px wide`, async () => {
        const tab = await browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme });
        await tab.goto(BASE + path);
        await tab.addScriptTag({ content: await axeSource });
        const result = await tab.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, []);
        assert.ok(result.passes.length > 15, 'axe ran its rules');
        assert.ok(await tab.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'no sideways scrolling');
        await tab.close();
      });
    }
  }
});
