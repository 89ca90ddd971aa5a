// article-widget: the one file a host page includes.
//
//   <script type="module" src="/path/to/article-widget.js"></script>
//   <div data-article-widget data-src="/articles/krebs.json"><a href="…">Read the article</a></div>
//
// It loads its WebAssembly relative to its own URL, so the folder it sits in can be copied to any
// path or CDN. Loaded twice (from two URLs), the second copy reuses the first.

const loaded = globalThis.ArticleWidget;

let bindingsLoaded;
if (loaded) {
  bindingsLoaded = Promise.resolve(loaded);
} else {
  // Included early (async, or injected before the body is parsed), wait for the page's
  // widgets before choosing the build.
  const parsed = document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
  bindingsLoaded = parsed.then(start);
  // A failed load leaves every host's fallback content in place; say why, but never throw.
  bindingsLoaded.catch((error) => console.error('article-widget: could not start; the fallback content stays.', error));
}

/** Preloads the page's articles and the right WebAssembly build, then loads the bindings. */
function start() {
  // The articles and the WebAssembly download while the bindings load, not after: each
  // widget's own request for its article then finds it preloaded. (Where WebAssembly cannot
  // run, the fallback content stays, and nothing is downloaded for nothing.)
  const articles = typeof WebAssembly === 'object' ? document.querySelectorAll('[data-article-widget][data-src]') : [];
  for (const element of articles) {
    const src = element.getAttribute('data-src').trim();
    if (!src) continue;
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'fetch';
    preload.crossOrigin = 'anonymous';
    preload.href = src;
    document.head.append(preload);
  }
  // Two builds: one that can take over pre-rendered widgets (hydrate them), and a lighter one
  // that only renders, for pages without any.
  const prerendered = [...document.querySelectorAll('[data-article-widget]')].some((element) =>
    [...(element.shadowRoot ?? element).children].some(
      (child) => child.matches('.artw-host') && child.childElementCount > 0,
    ));
  const build = prerendered ? 'article-widget' : 'article-widget-client';
  const wasm = fetch(new URL(`./wasm/${build}_bg.wasm`, import.meta.url));
  wasm.catch(() => {}); // reported through bindingsLoaded
  return import(`./wasm/${build}.js`).then(async (bindings) => {
    await bindings.default({ module_or_path: wasm });
    return bindings;
  });
}

/**
 * Mounts the widget on `element`. `source` is an article object or an article URL (relative to
 * the page); without it, the element's data-src or inline JSON is used. `options`:
 * { theme: 'light' | 'dark' | 'auto', headingLevel: 1..5 }. Resolves to a handle with
 * update(article) and destroy() once the article or its error panel is on screen.
 */
export async function mount(element, source, options) {
  const bindings = await bindingsLoaded;
  return bindings.mount(element, source, options);
}

/**
 * Resolves once the widget's WebAssembly is running and every widget element then on the page
 * is being mounted; rejects if it could not start (already reported in the console).
 */
export const ready = loaded ? loaded.ready : bindingsLoaded.then(() => undefined);
ready.catch(() => {});

if (!loaded) {
  globalThis.ArticleWidget = Object.freeze({ mount, ready });
}

export default globalThis.ArticleWidget;
