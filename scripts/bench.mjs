// The benchmark behind docs/benchmarks.md: `./dev bench` builds the release output, then runs
// this. It serves dist/ on loopback, drives headless Chromium and writes the report.
//
// Every browser figure is the median of RUNS paired runs (default 25): the variants of one
// comparison alternate within each run, each load in a fresh browser context, and a ratio is
// the median of the per-run ratios. dist/ is read once at the start and served from memory,
// gzip -9 encoded (as a host's server or CDN would), so a rebuild during the run changes
// nothing. The throttled profile is Chromium's network emulation (CDP): 150 ms round trip,
// 1.6 Mbps down, 750 kbps up.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CLI, DIST, PAYLOADS, ROOT, launch } from '../tests/e2e/support.mjs';
import { sectionsNow } from './bench-report.mjs';
import { partsSection, sizeSection } from './bench-size.mjs';

const RUNS = Number(process.env.RUNS ?? 25);
const begun = Date.now();
const log = (line) => console.error(`bench [${((Date.now() - begun) / 1000).toFixed(0)} s] ${line}`);

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
  const sorted = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
const times = (value) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const percent = (value) => `${(100 * value).toFixed(0)} %`;

// ---------------------------------------------------------------- what is served
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
async function snapshot(dir) {
  const files = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(`/${relative(dir, path)}`, { type: TYPES[extname(path)] ?? 'application/octet-stream', body: await readFile(path) });
  }
  return files;
}
const dist = await snapshot(DIST);
const distFile = (file) => {
  const entry = dist.get(`/${file}`);
  if (!entry) throw new Error(`dist/${file} is missing: run ./dev build first`);
  return entry.body;
};

const prerendered = execFileSync(CLI, ['render', SEED, '--assets', '/'], { encoding: 'utf8' });
const staticPage = prerendered.replace(/<script type="module"[^>]*><\/script>\n/, '');
if (staticPage === prerendered) throw new Error('the pre-rendered page has no module script to take out');
const hostPage = (body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/article-widget.js"></script></head><body>${body}</body></html>`;
const page = (body) => ({ type: TYPES['.html'], body: Buffer.from(body) });
const widgetElement = '<div data-article-widget data-src="/articles/krebs.json"></div>';
const routes = new Map([
  ['/bench/static.html', page(staticPage)],
  ['/bench/prerendered.html', page(prerendered)],
  ['/bench/client.html', page(hostPage(`<main>${widgetElement}</main>`))],
  ['/bench/empty.html', page(hostPage('<main id="main"></main>'))],
  ['/bench/many.html', page(hostPage(`<main>${widgetElement.repeat(50)}</main>`))],
  ['/bench/large.json', { type: TYPES['.json'], body: Buffer.from(JSON.stringify(large)) }],
]);

/** Serves `routes` and the dist/ snapshot on 127.0.0.1, gzip -9 when the browser accepts it. */
async function serve() {
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const entry = routes.get(path) ?? dist.get(path) ?? dist.get(join(path, 'index.html'));
    if (!entry) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const headers = { 'content-type': entry.type };
    let { body } = entry;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, { level: 9 }));
      body = gzipped.get(path);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// ---------------------------------------------------------------- 1. payload
const describeFile = {
  'article-widget.js': 'loader',
  'article-widget-render.js': 'rendering half of the loader',
  'article-widget.css': 'stylesheet',
  'wasm/article-widget.js': 'bindings',
  'wasm/article-widget_bg.wasm': 'WebAssembly',
};
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const payloads = {};
for (const [name, { files, budget }] of Object.entries(PAYLOADS)) {
  const rows = files.map((file) => {
    const bytes = distFile(file);
    return {
      file,
      name: `${file} (${describeFile[file] ?? 'other'})`,
      raw: bytes.length,
      gzip: gzipSize(bytes),
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = (key) => rows.reduce((sum, f) => sum + f[key], 0);
  payloads[name] = { rows, total, budget };
}
const ourFiles = new Set(Object.values(PAYLOADS).flatMap((p) => p.files).map((file) => `/${file}`));

// ---------------------------------------------------------------- the browser
// Records, relative to navigation start: when the article's last paragraph is in the DOM
// (the page's or a widget's shadow root), ready events, FCP and LCP.
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
    bench.lastReady = performance.now();
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    bench.lcp = list.getEntries().at(-1).startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

const THROTTLED = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };

const server = await serve();
const browser = await launch();

/** A fresh context and page, throttled or not, recording every response's size on the wire. */
async function open(profile) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await ctx.newPage();
  if (profile === 'throttled') {
    const cdp = await ctx.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLED);
  }
  const responses = [];
  const paths = [];
  const requested = [];
  tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
  tab.on('requestfinished', (request) => {
    paths.push(new URL(request.url()).pathname);
    responses.push(request.sizes().then((sizes) => ({
      path: new URL(request.url()).pathname,
      body: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
    })));
  });
  return { ctx, tab, responses: () => Promise.all(responses.slice()), finished: () => paths, requested: () => requested.slice() };
}
const wasmBytes = (responses) => responses.filter((r) => r.path.endsWith('.wasm')).reduce((sum, r) => sum + r.body + r.headers, 0);

/** One page load until `until` holds in the page; the instrument's figures and the downloads. */
async function load(path, until, profile) {
  const { ctx, tab, responses, requested } = await open(profile);
  await tab.addInitScript(instrument, lastParagraph);
  await tab.goto(server.origin + path, { timeout: 120_000 });
  await tab.waitForFunction(until, null, { timeout: 120_000 });
  const figures = await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve({
    ...bench,
    document: performance.getEntriesByType('navigation')[0].responseEnd,
    resources: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, end: e.responseEnd })),
  }), 50))));
  figures.responses = await responses();
  figures.requested = requested();
  await ctx.close();
  return figures;
}

// ---------------------------------------------------------------- 2. time to content
const PROFILES = ['loopback', 'throttled'];
const variants = {
  static: ['/bench/static.html', () => bench.content && bench.lcp],
  prerendered: ['/bench/prerendered.html', () => bench.content && bench.ready > 0 && bench.lcp],
  client: ['/bench/client.html', () => bench.content && bench.ready > 0 && bench.lcp],
};
const loads = Object.fromEntries(PROFILES.map((p) => [p, { static: [], prerendered: [], client: [] }]));
const order = Object.keys(variants);
log(`time to content: ${RUNS} runs of ${order.length} pages on ${PROFILES.length} network profiles`);
for (let run = 0; run < RUNS; run++) {
  const rotated = order.slice(run % order.length).concat(order.slice(0, run % order.length));
  for (const profile of run % 2 ? [...PROFILES].reverse() : PROFILES) {
    for (const name of rotated) loads[profile][name].push(await load(...variants[name], profile));
  }
}
const pick = (profile, name, key) => median(loads[profile][name].map((l) => l[key]));
/** The median over runs of a variant's figure divided by the static page's in the same run. */
const paired = (profile, name, key) => median(loads[profile][name].map((l, run) => l[key] / loads[profile].static[run][key]));

// The client-rendered page: when each download ended, and the share of the time to content
// spent until the last of them (our files; then anything, the article included) had arrived.
const lastOf = (l, all) => Math.max(...(all ? [l.document] : []), ...l.resources.filter((r) => all || ourFiles.has(r.path)).map((r) => r.end));
const shares = (runs) => ({
  ours: median(runs.map((l) => lastOf(l, false) / l.content)),
  all: median(runs.map((l) => lastOf(l, true) / l.content)),
  lastOurs: median(runs.map((l) => lastOf(l, false))),
  lastAll: median(runs.map((l) => lastOf(l, true))),
});
const clientThrottled = loads.throttled.client;
const arrival = (l, path) => l.resources.find((r) => r.path === path)?.end;
const downloadShare = shares(clientThrottled);
const loopbackShare = shares(loads.loopback.client);
const timeline = [
  ['the page (HTML)', median(clientThrottled.map((l) => l.document))],
  ...['/article-widget.js', '/wasm/article-widget_bg.wasm', '/article-widget-render.js', '/article-widget.css',
    '/wasm/article-widget.js', '/articles/krebs.json'].map((path) => [path.slice(1), median(clientThrottled.map((l) => arrival(l, path)))]),
].sort((a, b) => (a[1] ?? Infinity) - (b[1] ?? Infinity));

// ---------------------------------------------------------------- 3. the pre-rendered page
// Main-thread time of our scripts, from a Chromium trace of the load: the union of the
// script events (compiling and evaluating the module, microtasks, callbacks, timers, code
// cache) on the renderer's main thread, from navigation until the page has been idle for
// 500 ms. The page has no other script, so all of it is ours; the static page, traced the
// same way, shows what the instrumentation itself costs.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];
const SCRIPT_EVENTS = new Set(['v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache', 'EvaluateScript',
  'v8.compile', 'v8.run', 'v8.callFunction', 'FunctionCall', 'RunMicrotasks', 'TimerFire']);
function scriptTime(trace) {
  const events = trace.traceEvents ?? trace;
  // Renderer main threads, of the page's process only (headless Chromium runs WebUI renderers
  // of its own, chrome://omnibox-popup, which trace too).
  const renderers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const main = new Set(events.filter((e) => renderers.has(`${e.pid}:${e.tid}`) && e.args && JSON.stringify(e.args).includes(server.origin))
    .map((e) => `${e.pid}:${e.tid}`));
  const spans = [];
  const open = new Map();
  for (const e of events) {
    if (!SCRIPT_EVENTS.has(e.name) || !main.has(`${e.pid}:${e.tid}`)) continue;
    const key = `${e.pid}:${e.tid}:${e.name}`;
    if (e.ph === 'X') spans.push([e.ts, e.ts + (e.dur ?? 0), e.tdur ?? e.dur ?? 0]);
    else if (e.ph === 'B') open.set(key, e);
    else if (e.ph === 'E' && open.has(key)) {
      const b = open.get(key);
      spans.push([b.ts, e.ts, (e.tts ?? 0) - (b.tts ?? 0)]);
      open.delete(key);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let wall = 0;
  let cpu = 0;
  let end = -Infinity;
  for (const [start, finish, thread] of spans) {
    if (start >= end) cpu += thread; // an outermost event
    if (finish <= end) continue;
    wall += finish - Math.max(start, end);
    end = finish;
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

async function traced(path, control) {
  const { ctx, tab, responses, finished, requested } = await open('loopback');
  await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
  await tab.goto(server.origin + path);
  await tab.waitForTimeout(500);
  const script = scriptTime(JSON.parse((await browser.stopTracing()).toString()));
  const result = { ...script, responses: await responses(), requested: requested() };
  if (control) {
    // The loader has started (its ready resolved) and took the widget over; then, as a control
    // of the request recording, update() brings in the WebAssembly.
    result.started = await tab.evaluate(async () => {
      await window.ArticleWidget.ready;
      return document.querySelectorAll('[data-article-widget] .artw-root').length;
    });
    result.updated = await tab.evaluate(async (article) => {
      const handle = await window.ArticleWidget.mount(document.querySelector('[data-article-widget]'));
      return handle.update(article);
    }, seed);
    // Playwright reports a finished request a little after the page has used it.
    for (let wait = 0; wait < 50 && !finished().some((path) => path.endsWith('.wasm')); wait++) await tab.waitForTimeout(100);
    result.afterUpdate = await responses();
  }
  await ctx.close();
  return result;
}
log(`pre-rendered page: ${RUNS} traced runs`);
const mainThread = { static: [], prerendered: [] };
for (let run = 0; run < RUNS; run++) {
  const pair = [['static', '/bench/static.html'], ['prerendered', '/bench/prerendered.html']];
  for (const [name, path] of run % 2 ? pair.reverse() : pair) mainThread[name].push(await traced(path, name === 'prerendered'));
}
const prerenderedRuns = [...PROFILES.flatMap((p) => loads[p].prerendered), ...mainThread.prerendered];
const prerenderedLoads = prerenderedRuns.map((l) => l.responses);
const prerenderedWasm = Math.max(...prerenderedLoads.map(wasmBytes));
const prerenderedWasmRequests = prerenderedRuns.reduce((sum, l) => sum + l.requested.filter((path) => path.endsWith('.wasm')).length, 0);
const ownDownloads = (responses) => responses.filter((r) => ourFiles.has(r.path) || r.path.startsWith('/wasm/'));
const prerenderedOwn = median(prerenderedLoads.map((responses) => ownDownloads(responses).reduce((sum, r) => sum + r.body, 0)));
const prerenderedFiles = [...new Set(prerenderedRuns.flatMap((l) => l.requested))];
const controlWasm = median(mainThread.prerendered.map((l) => wasmBytes(l.afterUpdate)));
const scriptWall = median(mainThread.prerendered.map((l) => l.wall));
const scriptCpu = median(mainThread.prerendered.map((l) => l.cpu));
const staticScript = median(mainThread.static.map((l) => l.wall));
const ourScript = median(mainThread.prerendered.map((l, run) => l.wall - mainThread.static[run].wall));

// ---------------------------------------------------------------- 4 and 6. a large article
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

log(`1,000 paragraphs: ${RUNS} runs`);
const largeRuns = { cold: [], warm: [], plain: [], update: [], checks: [] };
for (let run = 0; run < RUNS; run++) {
  const { ctx, tab } = await open('loopback');
  await tab.goto(`${server.origin}/bench/empty.html`);
  await tab.waitForFunction(() => window.ArticleWidget);
  await tab.addScriptTag({ content: plainDom.toString() });
  const result = await tab.evaluate(async (warmFirst) => {
    const article = await (await fetch('/bench/large.json')).json();
    const css = await (await fetch('/article-widget.css')).text();
    const main = document.getElementById('main');
    const [cold, warm, plain] = [0, 1, 2].map(() => main.appendChild(document.createElement('div')));
    // Lets the previous measure's frame be painted before the next one starts.
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const timeWidget = async (element) => {
      const start = performance.now();
      const handle = await window.ArticleWidget.mount(element, article);
      void element.shadowRoot.querySelector('.artw-root').offsetHeight;
      return [performance.now() - start, handle];
    };
    const timePlain = () => {
      const start = performance.now();
      plainDom(article, plain.attachShadow({ mode: 'open' }), css);
      void plain.shadowRoot.querySelector('.artw-root').offsetHeight;
      return performance.now() - start;
    };
    await settle();
    const [coldTime, handle] = await timeWidget(cold);
    await settle();
    let warmTime;
    let plainTime;
    if (warmFirst) {
      [warmTime] = await timeWidget(warm);
      await settle();
      plainTime = timePlain();
    } else {
      plainTime = timePlain();
      await settle();
      [warmTime] = await timeWidget(warm);
    }
    await settle();
    const updates = [];
    let updated = true;
    for (let i = 0; i < 5; i++) {
      const changed = structuredClone(article);
      changed.body[500].text = `Changed paragraph, update ${i}.`;
      const start = performance.now();
      updated &&= await handle.update(changed);
      void cold.shadowRoot.querySelector('.artw-root').offsetHeight;
      updates.push(performance.now() - start);
      await settle();
    }
    const paragraphs = (element) => element.shadowRoot.querySelectorAll('p.artw-paragraph').length;
    const changed = [...cold.shadowRoot.querySelectorAll('p')].some((p) => p.textContent === 'Changed paragraph, update 4.');
    return {
      cold: coldTime,
      warm: warmTime,
      plain: plainTime,
      update: updates.sort((x, y) => x - y)[2],
      checks: { paragraphs: [paragraphs(cold), paragraphs(warm), paragraphs(plain)], updated, changed },
    };
  }, run % 2 === 0);
  for (const key of Object.keys(largeRuns)) largeRuns[key].push(result[key]);
  await ctx.close();
}
const largeOk = largeRuns.checks.every((c) => c.paragraphs.every((n) => n === 1000) && c.updated && c.changed);
if (!largeOk) log(`warning: a 1,000-paragraph check failed: ${JSON.stringify(largeRuns.checks)}`);
const coldRatio = median(largeRuns.cold.map((t, run) => t / largeRuns.plain[run]));
const warmRatio = median(largeRuns.warm.map((t, run) => t / largeRuns.plain[run]));

// ---------------------------------------------------------------- 5. fifty widgets
async function memory(path, readyCount) {
  const { ctx, tab } = await open('loopback');
  await tab.addInitScript(instrument, lastParagraph);
  await tab.goto(server.origin + path);
  await tab.waitForFunction((n) => bench.ready >= n, readyCount, { timeout: 60_000 });
  const allReady = await tab.evaluate(() => bench.lastReady);
  const cdp = await ctx.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  // The exports' names are shortened in the release build: the memory is the one Memory.
  const wasm = await tab.evaluate(async () => Object.values(await (await import('/wasm/article-widget.js')).default())
    .find((value) => value instanceof WebAssembly.Memory).buffer.byteLength);
  await ctx.close();
  return { allReady, heap, wasm };
}
log(`50 widgets: ${RUNS} runs`);
const many = { ready: [], heap: [], wasm: [] };
const one = { heap: [], wasm: [] };
for (let run = 0; run < RUNS; run++) {
  const pair = [['many', '/bench/many.html', 50], ['one', '/bench/client.html', 1]];
  for (const [name, path, count] of run % 2 ? pair.reverse() : pair) {
    const figures = await memory(path, count);
    const into = name === 'many' ? many : one;
    if (name === 'many') many.ready.push(figures.allReady);
    into.heap.push(figures.heap);
    into.wasm.push(figures.wasm);
  }
}
const perWidget = (median(many.heap) - median(one.heap) + median(many.wasm) - median(one.wasm)) / 49;

await browser.close();
await server.close();

// ---------------------------------------------------------------- 7. native
// A step that cannot run (the source does not build, a tool is missing) is reported as not
// measured, with its error, instead of losing the browser figures.
const failure = (error) => String(error.stderr || error.message).trim().split('\n').filter(Boolean).slice(-3).join(' / ');
log('native pre-rendering (cargo bench)');
let native = null;
let nativeError;
let cliSeed;
let cliLarge;
try {
  const nativeOut = execFileSync('cargo', ['bench', '--quiet', '--locked', '--features', 'ssr', '--bench', 'render'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  native = JSON.parse(nativeOut.trim().split('\n').at(-1));
  const cliRuns = (file) => median(Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    const run = spawnSync(CLI, ['render', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }));
  const largeFile = join(ROOT, 'target/bench-large.json');
  await writeFile(largeFile, JSON.stringify(large));
  cliSeed = cliRuns(SEED);
  cliLarge = cliRuns(largeFile);
} catch (error) {
  nativeError = failure(error);
  log(`native pre-rendering not measured: ${nativeError}`);
}

// ---------------------------------------------------------------- 7b. the server renderer
// article-widget/server (dist/server/) in a fresh Node process: its import, its first render
// (which loads the WebAssembly) and then the median of warm renders of the seed.
log('the server renderer from JavaScript (Node)');
let serverRenderer = null;
let serverError;
try {
  const serverFiles = ['article-widget-server_bg.wasm', 'article-widget-server.js', 'render.js', 'node.js'];
  const serverBytes = serverFiles.map((file) => distFile(`server/${file}`));
  const probe = `
    const started = performance.now();
    const { renderToString } = await import(${JSON.stringify(pathToFileURL(join(DIST, 'server/node.js')).href)});
    const imported = performance.now();
    const seed = ${JSON.stringify(JSON.stringify(seed))};
    await renderToString(seed, { assets: '/', shadow: true });
    const first = performance.now();
    const warm = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await renderToString(seed, { assets: '/', shadow: true });
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    console.log(JSON.stringify({ import: imported - started, first: first - imported, warm: warm[100] }));`;
  const runs = Array.from({ length: Math.min(RUNS, 5) }, () =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).trim().split('\n').at(-1)));
  serverRenderer = {
    raw: serverBytes.reduce((sum, bytes) => sum + bytes.length, 0),
    gzip: serverBytes.reduce((sum, bytes) => sum + gzipSize(bytes), 0),
    wasmGzip: gzipSize(serverBytes[0]),
    import: median(runs.map((r) => r.import)),
    first: median(runs.map((r) => r.first)),
    warm: median(runs.map((r) => r.warm)),
    runs: runs.length,
  };
} catch (error) {
  serverError = failure(error);
  log(`the server renderer not measured: ${serverError}`);
}

// ---------------------------------------------------------------- 8. size breakdown
log('size breakdown (a wasm build with names, twiggy)');
let size;
try {
  size = sizeSection({ log, shipped: distFile('wasm/article-widget_bg.wasm'), shippedCss: distFile('article-widget.css').toString() });
} catch (error) {
  const why = failure(error);
  log(`size breakdown not measured: ${why}`);
  size = { markdown: `**Not measured in this run**: ${why.replaceAll('|', '\\|')}\n` };
}

// ---------------------------------------------------------------- report
const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const nativeOf = (name) => native.find((n) => n.article === name);
const notMet = (why) => `**not met** (see ${why} below)`;
const verdict = (ok, why) => (ok ? 'met' : why ? notMet(why) : '**not met**');
const NOTES = {
  payload: '[Payload](#payload)',
  client: '[Client-rendered time to content](#client-rendered-time-to-content)',
  large: '[1,000 paragraphs](#1000-paragraphs)',
  noise: '[Run to run](#run-to-run)',
  script: '[Main-thread time on the pre-rendered page](#main-thread-time-on-the-pre-rendered-page)',
};

const pre = payloads['pre-rendered'];
const client = payloads['client-rendered'];
const ratioPair = (profile, name) => ({ content: paired(profile, name, 'content'), lcp: paired(profile, name, 'lcp') });
const preLoop = ratioPair('loopback', 'prerendered');
const preThrottled = ratioPair('throttled', 'prerendered');
const clientLoop = ratioPair('loopback', 'client');
const clientThrottledRatio = ratioPair('throttled', 'client');
const both = (r) => `${times(r.content)} / ${times(r.lcp)}`;
const within = (r, limit) => r.content <= limit && r.lcp <= limit;
const elapsed = (Date.now() - begun) / 1000;

const contentTable = (profile) => `| page | content (last paragraph in the DOM) | ratio to static | LCP | ratio to static | ready event | FCP |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| static HTML: the same page, no script | ${ms(pick(profile, 'static', 'content'))} | 1.00× | ${ms(pick(profile, 'static', 'lcp'))} | 1.00× | — | ${ms(pick(profile, 'static', 'fcp'))} |
| pre-rendered page (\`article-widget render\`) | ${ms(pick(profile, 'prerendered', 'content'))} | ${times(paired(profile, 'prerendered', 'content'))} | ${ms(pick(profile, 'prerendered', 'lcp'))} | ${times(paired(profile, 'prerendered', 'lcp'))} | ${ms(pick(profile, 'prerendered', 'interactive'))} | ${ms(pick(profile, 'prerendered', 'fcp'))} |
| client-rendered (a \`data-src\` element on a host page) | ${ms(pick(profile, 'client', 'content'))} | ${times(paired(profile, 'client', 'content'))} | ${ms(pick(profile, 'client', 'lcp'))} | ${times(paired(profile, 'client', 'lcp'))} | ${ms(pick(profile, 'client', 'interactive'))} | ${ms(pick(profile, 'client', 'fcp'))} |`;

const report = `# Benchmarks

Measured by \`./dev bench\` (\`scripts/bench.mjs\`, \`scripts/bench-size.mjs\` and
\`benches/render.rs\`) on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores; ${chromium},
headless, 1280×800; the run took ${(elapsed / 60).toFixed(1)} minutes. Browser figures are medians of ${RUNS} paired runs:
the variants of a comparison alternate within each run, every load is in a fresh browser
context, and a ratio is the median of the per-run ratios. dist/ is served from 127.0.0.1,
gzip -9 encoded, either as it is (**loopback**) or through Chromium's network emulation
(**throttled**: 150 ms round trip, 1.6 Mbps down, 750 kbps up, set through CDP). Every
run's figures are in \`target/bench-runs.json\` after a run.

## 1. Payload

What a host downloads (\`PAYLOADS\` in tests/e2e/support.mjs). A page whose widgets are all
pre-rendered loads the loader and links the stylesheet; a widget that must be rendered brings
in the rest, once, for the whole page.

${Object.entries(payloads).map(([name, { rows, total }]) => `**${name}**

| file | raw | gzip -9 | brotli |
| --- | ---: | ---: | ---: |
${rows.map((f) => `| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join('\n')}
| **total** | **${kb(total('raw'))}** | **${kb(total('gzip'))}** | **${kb(total('brotli'))}** |
`).join('\n')}
**By block type.** What the parts of the stylesheet and the loader that only some block types
use add to them:

${partsSection({ css: distFile('article-widget.css').toString() }).markdown}

## 2. The pre-rendered page

The page \`article-widget render\` writes for the seed article, which links the stylesheet and
the loader.

| measure | value |
| --- | ---: |
| files it requested, over all its ${prerenderedLoads.length} loads (both profiles and the traced runs) | ${prerenderedFiles.map((f) => `\`${f}\``).join(', ')} |
| WebAssembly requests issued before \`update()\`/\`mount()\`, in all those loads | ${prerenderedWasmRequests} |
| WebAssembly downloaded before \`update()\`/\`mount()\`, the most in any of those loads | ${prerenderedWasm} bytes |
| our bytes on the wire (loader and stylesheet bodies, gzip -9) | ${kb(prerenderedOwn)} |
| main-thread time of our scripts until idle | ${ms(scriptWall)} (${ms(scriptCpu)} CPU) |
| the same measure on the static page (what the tracing itself shows) | ${ms(staticScript)} |
| control: WebAssembly downloaded once \`update(article)\` was called on that page | ${kb(controlWasm)} |

Main-thread time is read from a Chromium trace of each load (${RUNS} runs, paired with the
static page, without the time-to-content instrument): the union of the script events on the
renderer's main thread (compiling and evaluating the module, microtasks, callbacks and timers,
code caching) from navigation until the page has been idle for 500 ms. That page runs no other
script, so it is all ours. CDP's \`Performance.getMetrics\` ScriptDuration was not used: in a
calibration it did not count a 20 ms loop run in a promise callback, where the loader does its
work. ${mainThread.prerendered.every((l) => l.started === 1 && l.updated) ? 'In every traced run the loader had taken the widget over (ready resolved) and the control `update()` resolved to true.' : `**A check failed**: widgets taken over ${JSON.stringify(mainThread.prerendered.map((l) => l.started))}, update() ${JSON.stringify(mainThread.prerendered.map((l) => l.updated))}.`}

## 3. Time to content (the seed article)

From navigation start: when the article's last paragraph is in the DOM (the page's or the
widget's shadow root; a MutationObserver added before the page's own scripts), and the largest
contentful paint. Ratios are to the static page of the same run.

**Loopback**

${contentTable('loopback')}

**Throttled**

${contentTable('throttled')}

On the throttled client-rendered page the last of our files had arrived at ${ms(downloadShare.lastOurs)},
**${percent(downloadShare.ours)}** of its time to content (median of the per-run shares); the last
download of any kind (the article included) at ${ms(downloadShare.lastAll)}, ${percent(downloadShare.all)}. The rest is compiling,
starting and rendering. (On loopback the last of our files arrived at ${ms(loopbackShare.lastOurs)}, ${percent(loopbackShare.ours)} of
that page's time to content.) When each download ended (Resource Timing \`responseEnd\`, medians):

| download | ended |
| --- | ---: |
${timeline.map(([name, end]) => `| ${name} | ${ms(end)} |`).join('\n')}
| content (last paragraph in the DOM) | ${ms(pick('throttled', 'client', 'content'))} |

## 4. A 1,000-paragraph article

In one page (a host page with the loader and no widget), each run: \`mount(element, article)\`
into a first element (**cold**: the first render in the page, which downloads, compiles and
starts the WebAssembly), then into a second element (**warm**) and the plain DOM into a third,
those two in alternating order; each until it resolves, then layout, with a frame between
measures.

| render | time | ratio to plain DOM |
| --- | ---: | ---: |
| hand-written plain DOM (the widget's paragraph markup and stylesheet, into a shadow root) | ${ms(median(largeRuns.plain))} | 1.00× |
| the widget, second mount in the page (warm) | ${ms(median(largeRuns.warm))} | ${times(warmRatio)} |
| the widget, first mount in the page (cold) | ${ms(median(largeRuns.cold))} | ${times(coldRatio)} |

The widget's time includes reading and validating the article (its JSON text), the virtual
DOM and the DOM; the cold one also the WebAssembly's download from loopback, compiling and
instantiating it, and V8 compiling each function on its first call. The plain build only creates
elements, and parses the stylesheet each time (the widget parses it once per page). ${largeOk ? 'Every run checked that each shadow root holds 1,000 paragraphs and that the updates below landed.' : '**A check of the rendered paragraphs or updates failed.**'}

## 5. Fifty widgets on one page

Fifty \`data-src\` elements for the seed article on a host page, compared with one.

| measure | value |
| --- | ---: |
| navigation start until all 50 are ready | ${ms(median(many.ready))} |
| JS heap, 50 widgets / one | ${kb(median(many.heap))} / ${kb(median(one.heap))} |
| wasm memory, 50 widgets / one | ${kb(median(many.wasm))} / ${kb(median(one.wasm))} |
| memory per widget beyond the first (JS heap and wasm memory) | ${kb(perWidget)} |

## 6. Updates

\`update()\` with one paragraph of the 1,000 changed, until its promise resolves and layout:
**${ms(median(largeRuns.update))}** (median over runs of the median of 5 updates).

## 7. Native pre-rendering

${native ? `| article | widget markup | whole page | parsing and validation | \`article-widget render\` process |
| --- | ---: | ---: | ---: | ---: |
| seed | ${nativeOf('seed').markup_us.toFixed(0)} µs | ${nativeOf('seed').page_us.toFixed(0)} µs | ${nativeOf('seed').parse_us.toFixed(0)} µs | ${ms(cliSeed)} |
| 1,000 paragraphs | ${(nativeOf('large').markup_us / 1000).toFixed(2)} ms | ${(nativeOf('large').page_us / 1000).toFixed(2)} ms | ${(nativeOf('large').parse_us / 1000).toFixed(2)} ms | ${ms(cliLarge)} |` : `**Not measured in this run**: ${nativeError.replaceAll('|', '\\|')}`}

### The server renderer from JavaScript

${serverRenderer ? `\`article-widget/server\` under Node's \`node\` condition (its WebAssembly, bindings, \`render.js\`
and \`node.js\`): ${kb(serverRenderer.raw)} raw, ${kb(serverRenderer.gzip)} gzip -9 (the WebAssembly ${kb(serverRenderer.wasmGzip)}).
In a fresh Node ${process.version} process, medians of ${serverRenderer.runs} processes: import
${ms(serverRenderer.import)}, first \`renderToString\` of the seed (loading the WebAssembly)
${ms(serverRenderer.first)}, then **${serverRenderer.warm.toFixed(2)} ms** per render once warm (the median of 200).` : `**Not measured in this run**: ${serverError.replaceAll('|', '\\|')}`}

## 8. Where the WebAssembly's bytes are

${size.markdown}
## Budgets

| budget | measured | verdict |
| --- | ---: | --- |
| pre-rendered page: WebAssembly downloaded before \`update()\`/\`mount()\` = 0 | ${prerenderedWasm} bytes (${prerenderedWasmRequests} requests in ${prerenderedRuns.length} loads) | ${verdict(prerenderedWasm === 0 && prerenderedWasmRequests === 0)} |
| pre-rendered page: our bytes (loader and stylesheet) ≤ ${pre.budget / 1000} KB gzip | ${kb(pre.total('gzip'))} (${kb(prerenderedOwn)} on the wire) | ${verdict(pre.total('gzip') <= pre.budget && prerenderedOwn <= pre.budget, NOTES.payload)} |
| pre-rendered page: main-thread time of our scripts until idle ≤ 5 ms | ${ms(scriptWall)} (${ms(scriptCpu)} CPU) | ${verdict(scriptWall <= 5, NOTES.script)} |
| pre-rendered time to content ≤ 1.05× static, loopback (DOM / LCP) | ${both(preLoop)} | ${verdict(within(preLoop, 1.05), NOTES.noise)} |
| pre-rendered time to content ≤ 1.05× static, throttled (DOM / LCP) | ${both(preThrottled)} | ${verdict(within(preThrottled, 1.05), NOTES.noise)} |
| client-rendered payload ≤ ${client.budget / 1000} KB gzip | ${kb(client.total('gzip'))} | ${verdict(client.total('gzip') <= client.budget, NOTES.payload)} |
| client-rendered time to content ≤ 2.5× static, loopback (DOM / LCP) | ${both(clientLoop)} | ${verdict(within(clientLoop, 2.5), NOTES.client)} |
| client-rendered time to content, throttled (DOM / LCP): reported | ${both(clientThrottledRatio)}, ${percent(downloadShare.ours)} of it until our last file arrived | no budget |
| 1,000 paragraphs, warm mount ≤ 1.6× plain DOM | ${times(warmRatio)} | ${verdict(warmRatio <= 1.6, NOTES.large)} |
| 1,000 paragraphs, cold mount / plain DOM: reported | ${times(coldRatio)} | no budget |
| update of one paragraph in 1,000 < 16 ms | ${ms(median(largeRuns.update))} | ${verdict(median(largeRuns.update) < 16, NOTES.noise)} |
| 50 widgets ready < 1 s | ${ms(median(many.ready))} | ${verdict(median(many.ready) < 1000, NOTES.noise)} |
| ≤ 1 MB memory per widget | ${kb(perWidget)} | ${verdict(perWidget <= 1e6)} |
| server render of the seed from JavaScript, once warm, ≤ 2 ms | ${serverRenderer ? `${serverRenderer.warm.toFixed(2)} ms` : 'not measured'} | ${serverRenderer ? verdict(serverRenderer.warm <= 2) : '**not measured**'} |
| native render of the seed < 100 µs | ${native ? `${nativeOf('seed').markup_us.toFixed(0)} µs` : 'not measured'} | ${native ? verdict(nativeOf('seed').markup_us < 100) : '**not measured** (see section 7)'} |
`;

// Every run's figures, for looking at the spread behind a median.
await writeFile(join(ROOT, 'target/bench-runs.json'), JSON.stringify({
  runs: RUNS,
  timeToContent: Object.fromEntries(PROFILES.map((p) => [p, Object.fromEntries(order.map((name) => [name,
    loads[p][name].map(({ content, lcp, fcp, interactive }) => ({ content, lcp, fcp, interactive }))]))])),
  mainThread: Object.fromEntries(Object.entries(mainThread).map(([name, runs]) => [name, runs.map(({ wall, cpu }) => ({ wall, cpu }))])),
  large: { cold: largeRuns.cold, warm: largeRuns.warm, plain: largeRuns.plain, update: largeRuns.update },
  many,
  one,
}, null, 1));
// The site build's and the server's sections are their own benchmarks', kept as they were.
const kept = (await sectionsNow()).map((section) => `${section}\n`).join('');
await writeFile(join(ROOT, 'docs/benchmarks.md'), `${report}\n${kept}${process.env.BENCH_NOTES ?? await readFile(join(ROOT, 'docs/benchmarks-notes.md'), 'utf8').catch(() => '')}`);
console.log(report);
log('wrote docs/benchmarks.md');
if (!native || !size.gzip) {
  log('some figures were not measured (see above); exiting with 1');
  process.exitCode = 1;
}
