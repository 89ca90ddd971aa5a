// article-widget's rendering half, which the loader (article-widget.js) imports the first time
// a widget must be rendered: it fetches articles, a few at a time, each under a timeout and a
// byte cap, and has the WebAssembly read, check and show them.

const TIMEOUT_MS = 10_000;
// setTimeout fires at once past 2^31 - 1 ms; a longer timeout waits this long (24.8 days).
const LONGEST_MS = 2 ** 31 - 1;
export const MAX_BYTES = 2 * 1024 * 1024;
/** The failures the WebAssembly knows by name (tests/fixtures/embed-contract.json). */
export const FAILURE = Object.freeze({
  timedOut: 'timed-out',
  tooLarge: 'too-large',
  notFound: 'not-found',
  serverError: 'server-error',
  unreachable: 'unreachable',
  notReadable: 'not-readable',
  noArticle: 'no-article',
});
// Below HTTP/1.1's six connections per host, so one slow article server never holds every
// connection the page (and the WebAssembly) needs.
const SLOTS = 4;
// Slots are shared by giving stalled requests up, not by origin: on HTTP/1.1 a request holds
// its connection until it is aborted, and the articles queued behind stalled ones are mostly on
// the same origin. A request has stalled when it has been overtaken (a request sent after it
// was answered first; one sent again has been already) and has gone `patience` without another
// MIN_PROGRESS bytes. Being overtaken keeps a slow server or a busy page from looking like
// stalled requests. A stalled request gives its slot to a waiting request sent no more often,
// and is sent again later, by the same deadline. Patience is a twentieth of its timeout (at
// most a second) or three times what answers take, doubled each time it is sent, so stalled
// requests soon stop trading places.
const MIN_PROGRESS = 1024;
const queue = []; // waiting for a slot, those sent fewest times first
const running = new Set();
let typical = 0; // how long the page's answered requests took lately, from sent to answer (ms)
let sends = 0; // requests sent so far: each is numbered by its place
let overtaking = 0; // the place of the latest sent of the requests answered
let wake; // for the next running request to stall while another waits

const timedOut = (url, timeout) => ({ failure: FAILURE.timedOut, details: `GET ${url}: no complete answer ${timeout / 1000} s after it was asked for` });

const patience = (job) => Math.max(Math.min(job.timeout / 20, 1000), 3 * typical) * 2 ** (job.tries - 1);

/**
 * Fetches an article when one of the page's fetch slots is free: its bytes and final URL, or
 * why it failed. Resolves by `deadline` (a `performance.now()` time) at the latest, when it
 * fails as timed out, sent or still waiting for a slot.
 */
function fetchArticle(url, signal, timeout, deadline) {
  return new Promise((resolve) => {
    const left = deadline - performance.now();
    if (left <= 0) return resolve(timedOut(url, timeout));
    const job = { url, timeout, tries: 0 };
    const abandon = () => job.end({ failure: FAILURE.unreachable, details: `GET ${url}: abandoned` });
    const timer = setTimeout(() => job.end(timedOut(url, timeout)), Math.min(left, LONGEST_MS));
    job.end = (result) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abandon);
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
      if (running.has(job)) stop(job);
      resolve(result);
      nextFetch();
    };
    signal.addEventListener('abort', abandon, { once: true });
    queue.push(job);
    nextFetch();
  });
}

/** Aborts a running request and frees its slot. */
function stop(job) {
  running.delete(job);
  job.controller.abort();
  job.controller = null;
}

/** Sends waiting requests while there are slots, taking stalled requests' slots for them. */
function nextFetch() {
  clearTimeout(wake);
  while (queue.length > 0) {
    queue.sort((a, b) => a.tries - b.tries);
    if (running.size >= SLOTS) {
      const rivals = [...running].filter((job) => (job.tries > 1 || job.place < overtaking) && job.tries >= queue[0].tries);
      const now = performance.now();
      const stalled = rivals.find((job) => now - job.heard >= patience(job));
      if (!stalled) {
        const soonest = Math.min(...rivals.map((job) => job.heard + patience(job) - now));
        if (rivals.length) wake = setTimeout(nextFetch, Math.min(soonest, LONGEST_MS));
        return;
      }
      stop(stalled);
      queue.push(stalled);
    } else {
      send(queue.shift());
    }
  }
}

function send(job) {
  const controller = (job.controller = new AbortController());
  job.tries++;
  job.place = ++sends;
  job.sent = job.heard = performance.now();
  running.add(job);
  request(job, controller).then((result) => {
    // A request stepped aside or ended (its deadline, its widget) has an answer no one waits for.
    if (job.controller !== controller) return;
    const took = performance.now() - job.sent;
    if (result.bytes || result.status) {
      typical = typical ? (3 * typical + took) / 4 : took;
      overtaking = Math.max(overtaking, job.place);
    }
    job.end(result);
  });
}

/**
 * One attempt at an article request: its bytes and final URL, or why it failed. It covers the
 * whole body; a body over MAX_BYTES is cut off.
 */
async function request(job, controller) {
  const { url } = job;
  const tooLarge = (size) => ({
    failure: FAILURE.tooLarge,
    details: `GET ${url}: ${size} bytes or more; the limit is ${MAX_BYTES} bytes`,
  });
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      controller.abort();
      const { status } = response;
      return {
        failure: status === 404 || status === 410 ? FAILURE.notFound : FAILURE.serverError,
        status,
        details: `GET ${url}: HTTP ${status} ${response.statusText}`,
      };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BYTES) {
      controller.abort();
      return tooLarge(declared);
    }
    const chunks = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if ((size % MIN_PROGRESS) + value.length >= MIN_PROGRESS) job.heard = performance.now();
      size += value.length;
      if (size > MAX_BYTES) {
        controller.abort();
        return tooLarge(size);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { bytes, location: response.url || url };
  } catch (error) {
    return { failure: FAILURE.unreachable, details: `GET ${url}: ${error.message}` };
  }
}

/** What the WebAssembly is given to show: an article's UTF-8 JSON, or why there is none. */
function read(element, source, signal, timeout, deadline) {
  if (source === undefined) {
    const src = element.getAttribute('data-src')?.trim();
    if (src) {
      source = src;
    } else {
      const script = element.querySelector(':scope > script[type="application/json"]');
      if (!script) {
        return {
          failure: FAILURE.noArticle,
          details: 'give the element a data-src URL or a <script type="application/json"> child, or pass a source to mount()',
        };
      }
      return { bytes: new TextEncoder().encode(script.textContent) };
    }
  }
  if (typeof source === 'string') {
    let url;
    try {
      url = new URL(source, element.baseURI).href;
    } catch {
      return { failure: FAILURE.notFound, details: `\`${source}\` is not a URL` };
    }
    return fetchArticle(url, signal, timeout, deadline);
  }
  try {
    const text = source === null ? undefined : JSON.stringify(source);
    if (typeof text === 'string') return { bytes: new TextEncoder().encode(text) };
    return { failure: FAILURE.notReadable, details: `not JSON: ${source === null ? 'null' : `a ${typeof source}`}` };
  } catch (error) {
    return { failure: FAILURE.notReadable, details: `not JSON: ${error.message}` };
  }
}

function timeoutOf(element, options) {
  const given = options?.timeout ?? element.getAttribute('data-timeout');
  if (given == null) return TIMEOUT_MS;
  const ms = Number(given);
  if (ms > 0) return Math.min(ms, LONGEST_MS);
  console.warn(`article-widget: timeout \`${given}\` is not a number of milliseconds above 0; using ${TIMEOUT_MS}`);
  return TIMEOUT_MS;
}

let ready;

/**
 * Starts the WebAssembly (`binary`, its response already requested) and fetches the stylesheet
 * beside this file (a bundler that copies it rewrites the URL).
 */
export function prepare(binary) {
  const css = fetch(new URL('./article-widget.css', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`article-widget.css: HTTP ${response.status}`);
    return response.text();
  });
  css.catch(() => {}); // reported through `ready`
  ready = (async () => {
    const bindings = await import('./wasm/article-widget.js');
    await bindings.default({ module_or_path: binary });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await css);
    return { bindings, sheet };
  })();
  return { render, ready };
}

/**
 * Renders `source` on `widget` for its render number `generation`, asked for at `asked` (a
 * `performance.now()` time, from which its timeout counts); resolves to whether the article is
 * on screen, once it or the error panel is, or to false once a newer render or a destroy has
 * taken over.
 */
async function render(widget, generation, source, options, asked) {
  const { element } = widget;
  const current = () => generation === widget.generation;
  const timeout = timeoutOf(element, options);
  const article = read(element, source, widget.controller.signal, timeout, asked + timeout);
  const { bindings, sheet } = await ready;
  if (!current()) return false;
  if (!widget.view) {
    const prerendered = widget.prerendered();
    if (!prerendered) element.shadowRoot.adoptedStyleSheets = [sheet];
    // An <article-widget>'s attributes, as they are now, decide its theme and heading level.
    widget.view = bindings.attach(element, prerendered ?? null, element.options?.() ?? options ?? null);
  }
  widget.listen(element.shadowRoot ?? widget.view.root);
  const loaded = await article;
  if (!current()) return false;
  const message = loaded.bytes
    ? await widget.view.show(loaded.bytes, loaded.location ?? null)
    : await widget.view.fail(loaded.failure, loaded.status ?? 0, loaded.details);
  if (!current()) return false;
  if (message === undefined) widget.dispatch('ready', {});
  else widget.dispatch('error', { message });
  return message === undefined;
}
