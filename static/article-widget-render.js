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
// the same origin. A request that received less than MIN_PROGRESS bytes in the last tenth of
// its timeout (at most a second) is aborted when a request never sent waits for a slot, and is
// sent again after those, by the same deadline. A stalled article then holds a slot for a tenth
// of its timeout, not all of it; a slow but steady download keeps its slot, and requests sent
// again never push each other out.
const MIN_PROGRESS = 1024;
const queue = []; // waiting for a slot: the requests never sent first (`fresh`), then the others
const running = new Set();

const timedOut = (url, timeout) => ({ failure: FAILURE.timedOut, details: `GET ${url}: no complete answer ${timeout / 1000} s after it was asked for` });

/**
 * Fetches an article when one of the page's fetch slots is free: its bytes and final URL, or
 * why it failed. Resolves by `deadline` (a `performance.now()` time) at the latest, when it
 * fails as timed out, sent or still waiting for a slot.
 */
function fetchArticle(url, signal, timeout, deadline) {
  return new Promise((resolve) => {
    const left = deadline - performance.now();
    if (left <= 0) return resolve(timedOut(url, timeout));
    const job = { url, timeout, fresh: true, received: 0 };
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
  clearInterval(job.watch);
  job.controller.abort();
  job.controller = null;
}

/** Sends waiting requests while there are slots, stepping stalled ones aside for fresh ones. */
function nextFetch() {
  while (queue.length > 0) {
    if (running.size >= SLOTS) {
      const stalled = queue.some((job) => job.fresh) && [...running].find((job) => job.stalled);
      if (!stalled) return;
      stop(stalled);
      queue.push(stalled);
    }
    const at = Math.max(queue.findIndex((job) => job.fresh), 0);
    send(queue.splice(at, 1)[0]);
  }
}

/** Sends `job`, and marks it stalled while each tick brings it less than MIN_PROGRESS bytes. */
function send(job) {
  const controller = (job.controller = new AbortController());
  job.fresh = job.stalled = false;
  running.add(job);
  let seen = job.received;
  job.watch = setInterval(() => {
    job.stalled = job.received - seen < MIN_PROGRESS;
    seen = job.received;
    if (job.stalled) nextFetch();
  }, Math.min(job.timeout / 10, 1000));
  request(job, controller).then((result) => {
    // A request stepped aside or ended (its deadline, its widget) has an answer no one waits for.
    if (job.controller === controller) job.end(result);
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
      size += value.length;
      job.received += value.length;
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
