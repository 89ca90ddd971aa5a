// The benchmark behind docs/benchmarks.md: `./dev bench` builds the release output, then runs
// this. It serves dist/ on loopback, drives headless Chromium and writes the report.
//
// Every browser timing is the median of RUNS paired runs (default 25): the variants of one
// comparison alternate within each run, each load in a fresh browser context.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CLI, DIST, PAYLOADS, ROOT, launch, serve } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.RUNS ?? 25);
const SEED = join(ROOT, 'static/articles/krebs.json');
const seed = JSON.parse(await readFile(SEED, 'utf8'));
const lastParagraph = seed.body.filter((b) => b.type === 'paragraph').at(-1).text;

const large = {
  ...seed,
  body: Array.from({ length: 1000 }, (_, i) => ({
    type: 'paragraph',
    text: `Paragraph ${i}: US president Donald Trump has fired his cyber security chief for disputing claims of fraudulent activity in the presidential elections.`,
  })),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value, base) => `${(value / base).toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

// ---------------------------------------------------------------- pages
const prerendered = execFileSync(CLI, ['render', SEED, '--assets', '/'], { encoding: 'utf8' });
const staticPage = prerendered.replace(/<script type="module"[^>]*><\/script>\n/, '');
const hostPage = (body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`;
const html = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const routes = {
  '/bench/static.html': html(staticPage),
  '/bench/prerendered.html': html(prerendered),
  '/bench/embed.html': html(hostPage('<main><div data-article-widget data-src="/articles/krebs.json"></div></main>')),
  '/bench/empty.html': html(hostPage('<main id="main"></main>')),
  '/bench/many.html': html(hostPage(`<main>${'<div data-article-widget data-src="/articles/krebs.json"></div>'.repeat(50)}</main>`)),
  '/bench/large.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(large)),
};

// Records, relative to navigation start: when the article's last paragraph is in the DOM
// (the page's or a widget's shadow root), the first ready event, FCP and LCP.
function instrument(lastText) {
  window.bench = { ready: 0 };
  const check = (root) => {
    if (bench.content) return;
    for (const p of root.querySelectorAll('p')) {
      if (p.textContent === lastText) bench.content = performance.now();
    }
  };
  const watch = (root) => new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true });
  watch(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
  document.addEventListener('article-widget:ready', () => {
    bench.ready += 1;
    bench.interactive ??= performance.now();
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    bench.lcp = list.getEntries().at(-1).startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

const server = await serve(DIST, routes);
const browser = await launch({ args: ['--enable-precise-memory-info'] });
const context = async () => browser.newContext({ viewport: { width: 1280, height: 800 } });

async function load(path, until) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.addInitScript(instrument, lastParagraph);
  await page.goto(server.origin + path);
  await page.waitForFunction(until);
  const figures = await page.evaluate(() => new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(bench), 50))));
  await ctx.close();
  return figures;
}

// ---------------------------------------------------------------- 1. payload
const describeFile = {
  'article-widget.js': 'loader',
  'wasm/article-widget-client.js': 'bindings',
  'wasm/article-widget-client_bg.wasm': 'code and stylesheet',
  'wasm/article-widget.js': 'bindings',
  'wasm/article-widget_bg.wasm': 'code and stylesheet',
};
const payloads = {};
for (const [build, { files, budget }] of Object.entries(PAYLOADS)) {
  const rows = [];
  for (const file of files) {
    const bytes = await readFile(join(DIST, file));
    rows.push({
      name: `${file} (${describeFile[file]})`,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = (key) => rows.reduce((sum, f) => sum + f[key], 0);
  payloads[build] = { rows, total, budget };
}
const css = await readFile(join(DIST, 'article-widget.css'));
const cssGzip = gzipSync(css, { level: 9 }).length;

// ---------------------------------------------------------------- 2. time to content
const variants = {
  static: ['/bench/static.html', () => bench.content && bench.lcp],
  prerendered: ['/bench/prerendered.html', () => bench.content && bench.ready > 0 && bench.lcp],
  embed: ['/bench/embed.html', () => bench.content && bench.ready > 0 && bench.lcp],
};
const loads = { static: [], prerendered: [], embed: [] };
const order = Object.keys(variants);
for (let run = 0; run < RUNS; run++) {
  const rotated = order.slice(run % order.length).concat(order.slice(0, run % order.length));
  for (const name of rotated) loads[name].push(await load(...variants[name]));
}
const pick = (name, key) => median(loads[name].map((l) => l[key]).filter((v) => v !== undefined));

// ---------------------------------------------------------------- 3 and 5. a large article
// The same markup the widget writes for a paragraph, built by hand with the DOM, styled by the
// widget's stylesheet as the widget is (so both sides pay for the same layout).
function plainDom(article, host, css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  host.adoptedStyleSheets = [sheet];
  const root = document.createElement('div');
  root.className = 'artw-root';
  const el = document.createElement('article');
  el.className = 'artw-article';
  const h1 = document.createElement('h1');
  h1.className = 'artw-headline';
  h1.textContent = article.headline;
  el.append(h1);
  const body = document.createElement('div');
  body.className = 'artw-body';
  for (const block of article.body) {
    const p = document.createElement('p');
    p.className = 'artw-paragraph';
    p.textContent = block.text;
    body.append(p);
  }
  el.append(body);
  root.append(el);
  host.append(root);
}

const largeRuns = { widget: [], plain: [], update: [] };
for (let run = 0; run < RUNS; run++) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(`${server.origin}/bench/empty.html`);
  await page.waitForFunction(() => window.ArticleWidget);
  await page.addScriptTag({ content: plainDom.toString() });
  const result = await page.evaluate(async (first) => {
    const article = await (await fetch('/bench/large.json')).json();
    const css = await (await fetch('/article-widget.css')).text();
    const main = document.getElementById('main');
    const a = document.createElement('div');
    const b = document.createElement('div');
    main.append(a, b);
    const timeWidget = async () => {
      const start = performance.now();
      const handle = await window.ArticleWidget.mount(a, article);
      void a.shadowRoot.querySelector('.artw-root').offsetHeight;
      return [performance.now() - start, handle];
    };
    const timePlain = () => {
      const start = performance.now();
      plainDom(article, b.attachShadow({ mode: 'open' }), css);
      void b.shadowRoot.querySelector('.artw-root').offsetHeight;
      return performance.now() - start;
    };
    let widget;
    let handle;
    let plainTime;
    if (first === 'widget') {
      [widget, handle] = await timeWidget();
      plainTime = timePlain();
    } else {
      plainTime = timePlain();
      [widget, handle] = await timeWidget();
    }
    const updates = [];
    for (let i = 0; i < 5; i++) {
      const changed = structuredClone(article);
      changed.body[500].text = `Changed paragraph, update ${i}.`;
      const ready = new Promise((r) => a.addEventListener('article-widget:ready', r, { once: true }));
      const start = performance.now();
      handle.update(changed);
      await ready;
      void a.shadowRoot.querySelector('.artw-root').offsetHeight;
      updates.push(performance.now() - start);
    }
    return { widget, plain: plainTime, update: updates.sort((x, y) => x - y)[2] };
  }, run % 2 ? 'plain' : 'widget');
  largeRuns.widget.push(result.widget);
  largeRuns.plain.push(result.plain);
  largeRuns.update.push(result.update);
  await ctx.close();
}

// ---------------------------------------------------------------- 4. fifty widgets
async function memory(path, readyCount) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.addInitScript(instrument, lastParagraph);
  await page.goto(server.origin + path);
  await page.waitForFunction((n) => bench.ready >= n, readyCount);
  const allReady = await page.evaluate(async () => {
    const now = performance.now();
    await window.ArticleWidget.ready;
    return now;
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  const wasm = await page.evaluate(async () => (await (await import('/wasm/article-widget.js')).default()).memory.buffer.byteLength);
  await ctx.close();
  return { allReady, heap, wasm };
}
const many = { ready: [], heap: [], wasm: [] };
const empty = { heap: [], wasm: [] };
for (let run = 0; run < RUNS; run++) {
  const fifty = await memory('/bench/many.html', 50);
  const none = await memory('/bench/empty.html', 0);
  many.ready.push(fifty.allReady);
  many.heap.push(fifty.heap);
  many.wasm.push(fifty.wasm);
  empty.heap.push(none.heap);
  empty.wasm.push(none.wasm);
}
const perWidget = (median(many.heap) - median(empty.heap) + median(many.wasm) - median(empty.wasm)) / 50;

await browser.close();
await server.close();

// ---------------------------------------------------------------- 6. native
const nativeOut = execFileSync('cargo', ['bench', '--quiet', '--features', 'ssr', '--bench', 'render'], { cwd: ROOT, encoding: 'utf8' });
const native = JSON.parse(nativeOut.trim().split('\n').at(-1));
const cliRuns = (file) => median(Array.from({ length: RUNS }, () => {
  const start = process.hrtime.bigint();
  const run = spawnSync(CLI, ['render', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(process.hrtime.bigint() - start) / 1e6;
}));
const largeFile = join(ROOT, 'target/bench-large.json');
await writeFile(largeFile, JSON.stringify(large));
const cliSeed = cliRuns(SEED);
const cliLarge = cliRuns(largeFile);

// ---------------------------------------------------------------- report
const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const nativeOf = (name) => native.find((n) => n.article === name);
const staticContent = pick('static', 'content');
const verdict = (ok, text) => `${ok ? 'met' : '**not met**'}${text ? ` (${text})` : ''}`;

const report = `# Benchmarks

Measured by \`./dev bench\` (\`scripts/bench.mjs\` and \`benches/render.rs\`) on
${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores; ${chromium}, headless, 1280×800.
Browser timings are medians of ${RUNS} paired runs, the variants alternating within each run, every
load in a fresh browser context, all files served from loopback (so network time is close to zero
and the figures are dominated by parsing, compiling and rendering).

## 1. Payload a host downloads for one widget

There are two builds. The loader picks the one that can hydrate only on pages with pre-rendered
widgets; everywhere else it loads the client-only build, which is lighter.

${Object.entries(payloads).map(([build, { rows, total }]) => `**${build}**

| file | raw | gzip -9 | brotli |
| --- | ---: | ---: | ---: |
${rows.map((f) => `| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join('\n')}
| **total** | **${kb(total('raw'))}** | **${kb(total('gzip'))}** | **${kb(total('brotli'))}** |
`).join('\n')}
The stylesheet is compiled into the wasm (it is ${kb(css.length)}, ${kb(cssGzip)} gzipped, on its
own as \`article-widget.css\`, which only pre-rendered pages link).

## 2. Time to content (the seed article)

From navigation start until the article's last paragraph is in the DOM.

| page | content | ratio to static | interactive (ready) | FCP | LCP |
| --- | ---: | ---: | ---: | ---: | ---: |
| (c) static HTML, same markup and stylesheet, no script | ${ms(staticContent)} | 1.00× | — | ${ms(pick('static', 'fcp'))} | ${ms(pick('static', 'lcp'))} |
| (b) pre-rendered page, hydrated | ${ms(pick('prerendered', 'content'))} | ${ratio(pick('prerendered', 'content'), staticContent)} | ${ms(pick('prerendered', 'interactive'))} | ${ms(pick('prerendered', 'fcp'))} | ${ms(pick('prerendered', 'lcp'))} |
| (a) client-rendered embed | ${ms(pick('embed', 'content'))} | ${ratio(pick('embed', 'content'), staticContent)} | ${ms(pick('embed', 'interactive'))} | ${ms(pick('embed', 'fcp'))} | ${ms(pick('embed', 'lcp'))} |

## 3. A 1,000-paragraph article

| render | time | ratio |
| --- | ---: | ---: |
| hand-written plain DOM (same paragraph markup and stylesheet, into a shadow root) | ${ms(median(largeRuns.plain))} | 1.00× |
| the widget: \`mount(element, article)\` until it resolves, then layout | ${ms(median(largeRuns.widget))} | ${ratio(median(largeRuns.widget), median(largeRuns.plain))} |

The widget's time includes reading and validating the article (its JSON text), the virtual
DOM, the DOM and, on this first render in the page, compiling the wasm functions it calls for
the first time; the plain build only creates elements. Both include parsing the stylesheet
and laying out the result.

## 4. Fifty widgets on one page

| measure | value |
| --- | ---: |
| navigation start until all 50 are ready | ${ms(median(many.ready))} |
| JS heap, 50 widgets / none | ${kb(median(many.heap))} / ${kb(median(empty.heap))} |
| wasm memory, 50 widgets / none | ${kb(median(many.wasm))} / ${kb(median(empty.wasm))} |
| memory per widget (JS heap plus wasm memory) | ${kb(perWidget)} |

## 5. Updates

\`update()\` with one changed paragraph on the 1,000-paragraph article, until the ready event
and layout: **${ms(median(largeRuns.update))}** (median over runs of the median of 5 updates).

## 6. Native pre-rendering

| article | widget markup | whole page | parsing and validation | \`article-widget render\` process |
| --- | ---: | ---: | ---: | ---: |
| seed | ${nativeOf('seed').markup_us.toFixed(0)} µs | ${nativeOf('seed').page_us.toFixed(0)} µs | ${nativeOf('seed').parse_us.toFixed(0)} µs | ${ms(cliSeed)} |
| 1,000 paragraphs | ${(nativeOf('large').markup_us / 1000).toFixed(2)} ms | ${(nativeOf('large').page_us / 1000).toFixed(2)} ms | ${(nativeOf('large').parse_us / 1000).toFixed(2)} ms | ${ms(cliLarge)} |

## Budgets

| budget | measured | verdict |
| --- | ---: | --- |
${Object.entries(payloads).map(([build, { total, budget }]) =>
  `| ${build} payload ≤ ${budget / 1000} KB gzip | ${kb(total('gzip'))} | ${verdict(total('gzip') <= budget, 'see below')} |`).join('\n')}
| pre-rendered time to content ≤ 1.1× static | ${ratio(pick('prerendered', 'content'), staticContent)} | ${verdict(pick('prerendered', 'content') <= 1.1 * staticContent)} |
| client-rendered time to content ≤ 1.5× static | ${ratio(pick('embed', 'content'), staticContent)} | ${verdict(pick('embed', 'content') <= 1.5 * staticContent, 'see below')} |
| 1,000 paragraphs ≤ 1.6× plain DOM | ${ratio(median(largeRuns.widget), median(largeRuns.plain))} | ${verdict(median(largeRuns.widget) <= 1.6 * median(largeRuns.plain), 'see below')} |
| update of one paragraph < 16 ms | ${ms(median(largeRuns.update))} | ${verdict(median(largeRuns.update) < 16)} |
| 50 widgets ready < 1 s | ${ms(median(many.ready))} | ${verdict(median(many.ready) < 1000)} |
| ≤ 1 MB memory per widget | ${kb(perWidget)} | ${verdict(perWidget <= 1e6)} |
| native render of the seed < 100 µs | ${nativeOf('seed').markup_us.toFixed(0)} µs | ${verdict(nativeOf('seed').markup_us < 100)} |
`;

await writeFile(join(ROOT, 'docs/benchmarks.md'), report + (process.env.BENCH_NOTES ?? await readFile(join(ROOT, 'docs/benchmarks-notes.md'), 'utf8').catch(() => '')));
console.log(report);
