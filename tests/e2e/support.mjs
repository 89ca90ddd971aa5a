// Shared by the end-to-end tests and the page scripts: a static file server on loopback and
// headless Debian Chromium driven by playwright-core.
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = join(ROOT, 'dist');
/** The release command line, which the trunk build's pre-rendering hook builds. */
export const CLI = process.env.ARTICLE_WIDGET_CLI ?? join(ROOT, 'target/release/article-widget');

/**
 * What a host downloads, gzip -9, and the budget for it in bytes: on a page whose
 * widgets are all pre-rendered, only the loader and the stylesheet; where a widget must be
 * rendered, the loader, its rendering half, the bindings, the wasm and the stylesheet.
 */
export const PAYLOADS = {
  'pre-rendered': {
    files: ['article-widget.js', 'article-widget.css'],
    budget: 5_500,
  },
  'client-rendered': {
    files: ['article-widget.js', 'article-widget-render.js', 'wasm/article-widget.js', 'wasm/article-widget_bg.wasm',
      'article-widget.css'],
    budget: 123_000,
  },
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. `routes` maps a path to a handler
 * (req, res) => void for responses a test needs to control; `headers` go with every file.
 */
export async function serve(dir, routes = {}, headers = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = routes[url.pathname];
    if (route) return route(req, res);
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((done) => server.close(done)) };
}

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    ...options,
  });
}

/**
 * Serves dist/ (with `routes`) and launches Chromium for one test file; closes both when the
 * file's tests are done.
 */
export async function serveAndLaunch(routes = {}, after) {
  const server = await serve(DIST, routes);
  const browser = await launch();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}

/** The seed article with a link of every kind: in the text, the author's, the promo's, a related one. */
export function linkedArticle(seed) {
  const linked = structuredClone(seed);
  linked.body[0].text = ['US president ', { text: 'Donald Trump', href: 'https://example.com/trump' }, ' has fired…'];
  linked.authors[0].url = 'https://example.com/bobby';
  linked.body.find((b) => b.type === 'promo').action = { label: 'Sign up', url: 'https://example.com/signup' };
  linked.related[0].url = 'https://example.com/related';
  return linked;
}

/** What `clickEveryLink` reports, as `[kind, href]` of each `article-widget:link` event. */
export const LINK_EVENTS = [
  ['body', 'https://example.com/trump'],
  ['author', 'https://example.com/bobby'],
  ['author', 'https://example.com/bobby'],
  ['promo', 'https://example.com/signup'],
  ['related', 'https://example.com/related'],
];

/** Clicks each link of a `linkedArticle` widget (a playwright locator), then its headline, which is not one. */
export async function clickEveryLink(widget) {
  for (const link of ['.artw-paragraph a', '.artw-author-name a', '.artw-author-profile', '.artw-promo-action',
    'a.artw-related-card', '.artw-headline']) {
    await widget.locator(link).click();
  }
}

/** The Nu HTML Checker's errors for a whole HTML document (vnu.jar from npm, run by Java). */
export async function nuErrors(html) {
  const vnu = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const dir = await mkdtemp(join(tmpdir(), 'artw-vnu-'));
  const file = join(dir, 'page.html');
  await writeFile(file, html);
  try {
    const args = ['-jar', vnu, '--errors-only', '--exit-zero-always', '--stdout', '--format', 'json', file];
    return JSON.parse(execFileSync('java', args, { encoding: 'utf8' })).messages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Makes `dir` a consumer project named `name` with the npm package installed from the one
 * tarball `./dev build` packed into target/npm, as a host developer installs it.
 */
export async function installPackedPackage(dir, name) {
  const packed = await readdir(join(ROOT, 'target/npm'));
  if (packed.length !== 1) throw new Error(`one tarball in target/npm (./dev build packs it), not: ${packed}`);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  await new Promise((done, fail) => execFile('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline',
    join(ROOT, 'target/npm', packed[0])], { cwd: dir }, (error, stdout, stderr) => (error ? fail(new Error(`npm install: ${stderr}`)) : done())));
}

/**
 * The article in `#w`'s shadow root as lines to compare: its elements with their attributes
 * sorted, and its texts, one line each. Adjacent text nodes (which markup parsed back cannot
 * tell apart) are joined.
 */
export const articleStructure = (tab) => tab.evaluate(() => {
  const lines = [];
  const walk = (node, depth) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.trim()) lines.push(`${' '.repeat(depth)}"${node.data}"`);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const attributes = [...node.attributes].map((a) => `${a.name}=${a.value}`).sort();
    lines.push(`${' '.repeat(depth)}<${node.localName} ${attributes.join(' ')}>`);
    for (const child of node.childNodes) walk(child, depth + 1);
  };
  const article = document.getElementById('w').shadowRoot.querySelector('.artw-article').cloneNode(true);
  article.normalize();
  walk(article, 0);
  return lines;
});
