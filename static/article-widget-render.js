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
const PARALLEL_FETCHES = 4;
const queue = [];
let fetching = 0;

/** Fetches an article when one of the page's few fetch slots is free; see `request`. */
function fetchArticle(url, signal, timeout) {
  return new Promise((resolve) => {
    const job = { url, signal, timeout, resolve };
    queue.push(job);
    // Abandoned while it waits for a slot: it leaves the queue and its widget moves on.
    signal.addEventListener('abort', () => {
      const at = queue.indexOf(job);
      if (at >= 0) {
        queue.splice(at, 1);
        resolve({ failure: FAILURE.unreachable, details: `GET ${url}: abandoned before it was sent` });
      }
    }, { once: true });
    nextFetch();
  });
}

function nextFetch() {
  while (fetching < PARALLEL_FETCHES && queue.length > 0) {
    const job = queue.shift();
    fetching++;
    request(job).then(job.resolve).finally(() => {
      fetching--;
      nextFetch();
    });
  }
}

/**
 * One article request: its bytes and final URL, or why it failed. The timeout counts from when
 * the request starts, and covers the whole body; a body over MAX_BYTES is cut off.
 */
async function request({ url, signal, timeout }) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
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
    return timedOut
      ? { failure: FAILURE.timedOut, details: `GET ${url}: no complete answer after ${timeout / 1000} s` }
      : { failure: FAILURE.unreachable, details: `GET ${url}: ${error.message}` };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/** What the WebAssembly is given to show: an article's UTF-8 JSON, or why there is none. */
function read(element, source, signal, timeout) {
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
    return fetchArticle(url, signal, timeout);
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
 * Renders `source` on `widget` for its render number `generation`; resolves to whether the
 * article is on screen, once it or the error panel is, or to false once a newer render or a
 * destroy has taken over.
 */
async function render(widget, generation, source, options) {
  const { element } = widget;
  const current = () => generation === widget.generation;
  const article = read(element, source, widget.controller.signal, timeoutOf(element, options));
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
