// The site's feeds carry the whole article, and its News sitemap lists the last two days: the
// feeds read by two feed parsers each (feedparser for Atom and RSS, feedsmith for Atom, RSS
// and JSON Feed), Atom by RFC 4287's grammar (Jing), each article's HTML by the Nu HTML
// Checker, and the News sitemap by the sitemaps.org and Google News XSDs (xmllint).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import FeedParser from 'feedparser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { validateXML } from 'xmllint-wasm';
import { CLI, DIST, ROOT } from './support.mjs';

const work = await mkdtemp(join(tmpdir(), 'artw-feeds-'));
after(() => rm(work, { recursive: true, force: true }));
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const BASE = 'https://news.example/';

// static/articles, and two copies of the whole fixture published lately (an hour and a day
// and a half before the build) for the News sitemap; the fixtures themselves are years old.
const ARTICLES = join(work, 'articles');
await mkdir(ARTICLES);
const fixtures = (await readdir(join(ROOT, 'static/articles'))).filter((f) => f.endsWith('.json'));
for (const name of fixtures) await copyFile(join(ROOT, 'static/articles', name), join(ARTICLES, name));
const whole = JSON.parse(await readFile(join(ROOT, 'static/articles/whole.json'), 'utf8'));
const hoursAgo = (hours) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const recent = { 'today': 1, 'yesterday': 36 };
for (const [slug, hours] of Object.entries(recent)) {
  const article = { ...whole, headline: `${whole.headline} (${slug})`, published: hoursAgo(hours), updated: hoursAgo(hours) };
  await writeFile(join(ARTICLES, `${slug}.json`), JSON.stringify(article));
}

const SITE = join(work, 'site');
const built = spawnSync(CLI, ['build', ARTICLES, '--base-url', BASE, '-o', SITE, '--widget', DIST, '--news'],
  { encoding: 'utf8' });
const file = (path) => readFile(join(SITE, path), 'utf8');

/** What the whole fixture's HTML must carry, whichever reader read it. */
function assertWholeArticle(html, reader) {
  const parts = [
    ['the lead image first, with an absolute src', new RegExp(`^<figure><img src="${BASE}articles/count.svg" alt="Counting staff`)],
    ['a heading', /<h2>What the coalition has promised<\/h2>/],
    ['a list nested in a list item, and one in that', /<li>Build the cycle bridge by 2026, with:<ul><li>a <em>separate<\/em> footpath;<\/li><li>lighting along the whole span, paid for by:<ol start="3"><li>the transport grant;/],
    ['a link in a table cell', /<td>see <a href="https:\/\/example.com\/elections\/2024">the full results<\/a><\/td>/],
    ['the table\'s caption, header scope and spans', /<caption>Provisional turnout, votes and seats by ward<\/caption><thead><tr><th scope="col" rowspan="2">Ward<\/th><th scope="col" colspan="2">Turnout<\/th>/],
    ['a row header and a cell spanning rows', /<th scope="row">Northfield<\/th>.*<td rowspan="2">2 each<\/td>/],
    ['code', /<pre><code>SELECT ward,\n {7}round/],
    ['a divider', /<hr>/],
    ['the notes at the end', /<p><strong>Update<\/strong> \(3 May 2024\): The returning officer has confirmed the provisional figures\.<\/p>$/],
  ];
  for (const [what, pattern] of parts) assert.match(html, pattern, `${reader}: ${what}`);
}

/** Every URL in `html` absolute, and no script, style, class or shadow root; its URLs. */
function assertPlainHtml(html, where) {
  const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  for (const url of urls) assert.ok(URL.canParse(url) && /^(https?|mailto):/.test(url), `${where}: ${url} is absolute`);
  assert.doesNotMatch(html, /<script|<style|\sstyle=|\sclass=|<template|shadowroot/i, where);
  return urls;
}

/** Items read by npm feedparser, with the feed's type. */
async function feedparser(xml) {
  const parser = new FeedParser({});
  const items = [];
  parser.on('readable', () => { for (let item; (item = parser.read());) items.push(item); });
  await new Promise((done, fail) => {
    parser.on('end', done);
    parser.on('error', fail);
    parser.end(xml);
  });
  return { type: parser.meta['#type'], items };
}

const wholeUrl = `${BASE}whole/`;

describe('the feeds carry the whole article', () => {
  test('the build with --news succeeds', () => {
    assert.equal(built.status, 0, built.stderr);
  });

  test('feedparser reads the whole article from Atom and from RSS, with the summary beside it', async () => {
    for (const [name, type] of [['feed.xml', 'atom'], ['rss.xml', 'rss']]) {
      const feed = await feedparser(await file(name));
      assert.equal(feed.type, type);
      const item = feed.items.find((i) => i.link === wholeUrl);
      assertWholeArticle(item.description, `feedparser ${name}`);
      assert.match(item.summary, /^A test fixture for whole articles/, `${name}: the summary is the description`);
      assert.deepEqual(item.categories, ['Politics', 'local elections', 'Riverside council', 'turnout'], name);
      assert.equal(item.author, 'Priya Natarajan', name);
    }
  });

  test('feedsmith reads it from Atom, RSS and JSON Feed', async () => {
    const atom = parseAtomFeed(await file('feed.xml'));
    const entry = atom.entries.find((e) => e.id === wholeUrl);
    assertWholeArticle(entry.content.value ?? entry.content, 'feedsmith Atom');
    assert.equal(entry.content.type ?? 'html', 'html');

    const rss = parseRssFeed(await file('rss.xml'));
    assert.deepEqual(rss.atom.links, [{ href: `${BASE}rss.xml`, rel: 'self', type: 'application/rss+xml' }]);
    const item = rss.items.find((i) => i.link === wholeUrl);
    assertWholeArticle(item.content.encoded, 'feedsmith RSS');
    assert.deepEqual(item.dc.creators, ['Priya Natarajan']);
    assert.deepEqual(item.categories.map((c) => c.name), ['Politics', 'local elections', 'Riverside council', 'turnout']);
    assert.deepEqual(item.media.contents, [{ url: `${BASE}articles/count.svg`, medium: 'image', width: 1200, height: 630 }]);
    assert.deepEqual(item.media.thumbnails, [{ url: `${BASE}articles/count.svg`, width: 1200, height: 630 }]);
    assert.equal(item.guid.value, wholeUrl);
    assert.match(item.pubDate, /^Fri, 03 May 2024 06:15:00 GMT$/);

    const json = parseJsonFeed(await file('feed.json'));
    const jsonItem = json.items.find((i) => i.id === wholeUrl);
    assertWholeArticle(jsonItem.content_html, 'feedsmith JSON Feed');
    assert.match(jsonItem.content_text, /^Voters in all five wards/, 'the text version stays');
    assert.match(jsonItem.summary, /^A test fixture for whole articles/);
  });

  test('every feed item\'s HTML is plain, with every URL absolute, and passes the Nu HTML Checker as a fragment', async () => {
    const items = JSON.parse(await file('feed.json')).items;
    assert.equal(items.length, fixtures.length + Object.keys(recent).length);
    const pages = [];
    let urls = 0;
    for (const [i, item] of items.entries()) {
      urls += assertPlainHtml(item.content_html, item.id).length;
      const page = join(work, `content-${i}.html`);
      await writeFile(page, `<!DOCTYPE html><html lang="${item.language}"><head><meta charset="utf-8"><title>${i}</title></head><body>${item.content_html}</body></html>`);
      pages.push(page);
    }
    assert.ok(urls > 3, 'the URLs were found');
    const control = join(work, 'control.html');
    await writeFile(control, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>c</title></head><body><ul><p>Not an item.</p></ul></body></html>');
    const out = execFileSync('java', ['-jar', VNU, '--errors-only', '--exit-zero-always', '--stdout', '--format', 'json', ...pages, control], { encoding: 'utf8' });
    const messages = JSON.parse(out).messages;
    assert.ok(messages.some((m) => m.url.endsWith('/control.html')), 'the checker can fail');
    assert.deepEqual(messages.filter((m) => !m.url.endsWith('/control.html')), []);
  });

  test('the Atom feed with HTML content still passes RFC 4287\'s grammar (Jing)', () => {
    const checked = spawnSync('java', ['-cp', VNU, 'nu.validator.vendor.thaiopensource.relaxng.util.Driver',
      '-c', join(ROOT, 'tests/e2e/site/atom.rnc'), join(SITE, 'feed.xml')], { encoding: 'utf8' });
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  });

  test('the index and every article page link to all three feeds', async () => {
    const pages = ['index.html', ...(await readdir(SITE, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && entry.name !== 'widget')
      .map((entry) => `${entry.name}/index.html`)];
    assert.ok(pages.length > fixtures.length);
    for (const page of pages) {
      const links = [...(await file(page)).matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">/g)]
        .map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(links, [
        `application/atom+xml ${BASE}feed.xml`,
        `application/rss+xml ${BASE}rss.xml`,
        `application/feed+json ${BASE}feed.json`,
      ], page);
    }
  });
});

describe('the News sitemap', () => {
  const schemas = async () => ({
    schema: [{
      fileName: 'schemas.xsd',
      contents: `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
<xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
<xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="sitemap-news.xsd"/>
</xsd:schema>`,
    }],
    preload: [
      { fileName: 'sitemap.xsd', contents: await readFile(join(ROOT, 'node_modules/sitemap/schema/sitemap.xsd'), 'utf8') },
      { fileName: 'sitemap-news.xsd', contents: await readFile(join(ROOT, 'tests/e2e/site/sitemap-news.xsd'), 'utf8') },
    ],
  });

  test('lists the articles of the last two days, valid against the sitemap and News XSDs (xmllint)', async () => {
    const xml = await file('sitemap-news.xml');
    const result = await validateXML({ xml: [{ fileName: 'sitemap-news.xml', contents: xml }], ...await schemas() });
    assert.ok(result.valid, result.rawOutput);
    const listed = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(listed, [`${BASE}today/`, `${BASE}yesterday/`]);
    assert.match(xml, /<news:publication>\n<news:name>Riverside Gazette<\/news:name>\n<news:language>en<\/news:language>\n<\/news:publication>/);
    assert.match(xml, new RegExp(`<news:publication_date>${hoursAgo(1).slice(0, 13)}`));
    assert.match(xml, /<news:title>Turnout rises in every ward as the council changes hands \(today\)<\/news:title>/);
    for (const broken of [xml.replace('<news:language>en', '<news:language>en-GB'), xml.replace('</news:title>', '</news:title><news:genres>News</news:genres>')]) {
      const checked = await validateXML({ xml: [{ fileName: 'broken.xml', contents: broken }], ...await schemas() });
      assert.equal(checked.valid, false, 'the check can fail');
    }
  });

  test('robots.txt names both sitemaps', async () => {
    assert.equal(await file('robots.txt'),
      `User-agent: *\nAllow: /\n\nSitemap: ${BASE}sitemap.xml\nSitemap: ${BASE}sitemap-news.xml\n`);
  });
});
