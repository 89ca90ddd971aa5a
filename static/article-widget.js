// article-widget: the one file a host page includes.
//
//   <script type="module" src="/path/to/article-widget.js"></script>
//   <div data-article-widget data-src="/articles/krebs.json"><a href="…">Read the article</a></div>
//
//   <article-widget src="/articles/krebs.json" theme="dark" heading-level="2">…</article-widget>
//
// A hosted video is a facade until the reader presses play; `players="link"` (`data-players`)
// keeps it a plain link to the video, for a page that must ask for consent first.
//
// A widget pre-rendered by `article-widget render` is complete as HTML, so this loader takes it
// over in plain JavaScript (link events, the avatar fallback, data-theme, ready, destroy) and
// downloads no WebAssembly. The rendering half (article-widget-render.js and the WebAssembly)
// is fetched, once, only when something must be rendered: a widget without pre-rendered markup,
// mount() with a source, or update(). Everything is found relative to this file's URL, so its
// folder can be copied to any path or CDN. Loaded twice, the second copy reuses the first.

const SELECTOR = '[data-article-widget]';
const TAG = 'article-widget';
const THEMES = ['auto', 'light', 'dark'];

// A copy loaded earlier is found under a symbol: the host page may have an element named
// ArticleWidget (<a id>, <form name>), which window.ArticleWidget would return.
const KEY = Symbol.for(TAG);
const earlier = globalThis[KEY];
const widgets = new Map();
/** <article-widget> elements still starting, which `ready` waits for. */
const starting = new Set();
let wasm;

/**
 * The rendering half (article-widget-render.js, the WebAssembly, its bindings and the
 * stylesheet), fetched on first use only, the WebAssembly first.
 */
function renderer() {
  wasm ??= (() => {
    const binary = fetch(new URL('./wasm/article-widget_bg.wasm', import.meta.url));
    binary.catch(() => {}); // reported by the instantiation
    return import('./article-widget-render.js').then((module) => module.prepare(binary));
  })();
  return wasm;
}

/** Fires `article-widget:type`; false when a listener called preventDefault(). */
function dispatch(element, type, detail) {
  return element.dispatchEvent(new CustomEvent(`article-widget:${type}`, { bubbles: true, cancelable: true, composed: true, detail }));
}

function warn(message) {
  console.warn(`article-widget: ${message}`);
}

/**
 * The document's own property, past an element named like it (<img name="documentElement">),
 * which a host's markup can put in front of it.
 */
const own = (name) => Reflect.get(Document.prototype, name, document);

const slot = () => own('createElement').call(document, 'slot');

function report(error) {
  console.error('article-widget: could not render; the fallback content stays.', error);
}

/** The widget root that `article-widget render` wrote into the element, if it did. */
function prerenderedRoot(element) {
  return [...(element.shadowRoot ?? element).children].find(
    (child) => child.matches('.artw-host') && child.childElementCount > 0,
  );
}

// block: video
/** The players a video facade may load: YouTube's privacy-enhanced domain, and Vimeo's. */
const PLAYER = /^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//;

/**
 * Puts the video host's player, playing, in place of the facade's link, in the facade's box:
 * the first request to the host is the reader's own press of play.
 */
function play(facade) {
  const player = own('createElement').call(document, 'iframe');
  player.src = facade.dataset.player;
  player.title = facade.firstChild.lastChild.data; // the title, after its hidden "Play video" label
  player.allow = 'autoplay; fullscreen; picture-in-picture';
  facade.replaceWith(player);
  player.focus();
}
// block end

class Widget {
  constructor(element) {
    this.element = element;
    this.generation = 0;
    this.view = null; // the WebAssembly's, once it has rendered here
    this.controller = null;
    this.handle = Object.freeze({
      update: (article) => this.update(article),
      destroy: () => this.destroy(),
    });
  }

  /** Takes over pre-rendered markup as it is: no WebAssembly. */
  resume(root) {
    this.listen(this.element.shadowRoot ?? root);
    this.theme(root, setting(this.element, 'theme'));
    for (const image of root.querySelectorAll('img.artw-avatar-image')) {
      if (image.complete && image.naturalWidth === 0) image.hidden = true;
    }
    dispatch(this.element, 'ready', {});
  }

  /**
   * Renders `source` (an article object, a URL, or undefined for the element's own) with the
   * WebAssembly; resolves to whether the article is on screen, once it or the error panel is.
   */
  async render(source, options) {
    const asked = performance.now(); // the timeout counts from here, queued time included
    const generation = ++this.generation;
    this.controller?.abort();
    this.controller = new AbortController();
    const { render } = await renderer();
    return generation === this.generation && render(this, generation, source, options, asked);
  }

  /** Shows `theme` on the markup in view, which the WebAssembly may not have rendered. */
  theme(root, theme) {
    if (theme == null) return;
    const name = theme.trim().toLowerCase() || 'auto';
    if (!THEMES.includes(name)) return warn(`theme \`${theme}\` is not light, dark or auto; keeping ${root.querySelector('.artw-root')?.dataset.theme}`);
    for (const themed of root.querySelectorAll(':scope > .artw-root')) themed.dataset.theme = name;
  }

  /** Applies an `<article-widget>`'s theme and heading level to the article in view. */
  configure(options) {
    const root = this.view?.root ?? this.prerendered();
    if (root) this.theme(root, options.theme);
    if (this.view) this.view.configure(options);
    // Pre-rendered markup has its headings written; the WebAssembly renders the new ones.
    else if (options.headingLevel != null && root) this.render(this.element.source(), this.element.options()).catch(report);
  }

  dispatch(type, detail) {
    dispatch(this.element, type, detail);
  }

  prerendered() {
    return prerenderedRoot(this.element);
  }

  update(article) {
    if (widgets.get(this.element) !== this) {
      warn('update() after destroy() does nothing; mount the element again');
      return Promise.resolve(false);
    }
    return this.render(article ?? null, null);
  }

  /** One delegated listener for the widget's links, and one for its author pictures. */
  listen(target) {
    if (this.listening === target) return;
    this.unlisten?.();
    const onClick = (event) => {
      // block: video
      const facade = event.target.closest?.('a[data-player]');
      if (facade && setting(this.element, 'players') !== 'link' && PLAYER.test(facade.dataset.player)) {
        event.preventDefault();
        return play(facade);
      }
      // block end
      const link = event.target.closest?.('a[data-kind]');
      // A host that routes the link itself cancels the event, and the browser stays.
      if (link?.closest('.artw-root') && !dispatch(this.element, 'link', { href: link.href, kind: link.dataset.kind })) {
        event.preventDefault();
      }
    };
    // A picture that fails to load leaves the initials under it in view.
    const onError = (event) => {
      if (event.target.matches?.('img.artw-avatar-image')) event.target.hidden = true;
    };
    target.addEventListener('click', onClick);
    target.addEventListener('error', onError, true);
    this.listening = target;
    this.unlisten = () => {
      target.removeEventListener('click', onClick);
      target.removeEventListener('error', onError, true);
    };
  }

  /** Shows the element's own children again, as before the widget. */
  destroy() {
    if (widgets.get(this.element) !== this) return;
    widgets.delete(this.element);
    this.generation++;
    this.controller?.abort();
    this.unlisten?.();
    this.view?.destroy();
    this.view = null;
    const shadow = this.element.shadowRoot;
    if (shadow) {
      shadow.replaceChildren(slot());
      shadow.adoptedStyleSheets = [];
    } else {
      prerenderedRoot(this.element)?.remove();
    }
  }
}

/**
 * Starts the widget on `element`: takes over its pre-rendered markup when there is no `source`,
 * or renders. Throws when the element cannot hold a shadow root.
 */
function start(element, source, options) {
  const previous = widgets.get(element);
  const root = source === undefined ? prerenderedRoot(element) : null;
  if (root && previous && !previous.view) {
    previous.resume(root); // the same markup, taken over already
    return Promise.resolve(previous);
  }
  previous?.destroy();
  const widget = new Widget(element);
  if (root) {
    widgets.set(element, widget);
    widget.resume(root);
    return Promise.resolve(widget);
  }
  if (!element.shadowRoot && !prerenderedRoot(element)) {
    try {
      // A slot shows the element's own children, the fallback, until the article is rendered.
      element.attachShadow({ mode: 'open' }).append(slot());
    } catch {
      throw new Error(`article-widget: a <${element.localName}> cannot hold the widget; use a <div>, <section> or <article>`);
    }
  }
  widgets.set(element, widget);
  return widget.render(source, options).then(() => widget);
}

/** Starts every widget element in `root` (itself included) that has not been started. */
function startWithin(root) {
  const found = root.matches?.(SELECTOR) ? [root] : [];
  found.push(...(root.querySelectorAll?.(SELECTOR) ?? []));
  return Promise.all(
    found.filter((element) => !widgets.has(element)).map((element) => {
      try {
        return start(element).catch(report);
      } catch (error) {
        console.error(error.message);
      }
    }),
  );
}

function watch() {
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') startWithin(record.target);
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) startWithin(node);
    }
    for (const [element, widget] of widgets) if (!element.isConnected) widget.destroy();
  }).observe(own('documentElement'), {
    childList: true,
    subtree: true,
    attributeFilter: ['data-article-widget'],
  });
}

/**
 * Mounts the widget on `element`. `source` is an article object or an article URL (relative to
 * the page); without it, the element's pre-rendered markup is taken over, or its data-src or
 * inline JSON is rendered. `options`: { theme: 'light' | 'dark' | 'auto', headingLevel: 1..5,
 * timeout: milliseconds }. Resolves to a handle with update(article) and destroy() once the
 * article or its error panel is on screen.
 */
async function mountHere(element, source, options) {
  if (!(element instanceof Element)) {
    throw new TypeError('article-widget: mount() needs a DOM element as its first argument');
  }
  return (await start(element, source ?? undefined, options)).handle;
}

export const mount = earlier ? earlier.mount : mountHere;

/** An attribute of the widget: `name` on an <article-widget>, `data-name` on other elements. */
function setting(element, name) {
  return element.getAttribute(element.localName === TAG ? name : `data-${name}`) ?? undefined;
}

/**
 * `<article-widget src theme heading-level timeout>`: its children are the fallback. Changing
 * `src` or the `article` property renders that article; `theme` and `heading-level` apply at
 * once; removing the element destroys the widget.
 */
class ArticleWidgetElement extends (globalThis.HTMLElement ?? Object) {
  static observedAttributes = ['src', 'theme', 'heading-level'];

  #article;

  get article() {
    return this.#article ?? null;
  }

  set article(article) {
    this.#article = article ?? undefined;
    widgets.get(this)?.render(this.source(), this.options()).catch(report);
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }

  set src(src) {
    this.setAttribute('src', src);
  }

  get theme() {
    return this.getAttribute('theme') ?? 'auto';
  }

  set theme(theme) {
    this.setAttribute('theme', theme);
  }

  get headingLevel() {
    return Number(this.getAttribute('heading-level') ?? 1);
  }

  set headingLevel(level) {
    this.setAttribute('heading-level', level);
  }

  /** What to render: the `article` property, else `src`, else the inline JSON. */
  source() {
    return this.#article ?? (this.getAttribute('src')?.trim() || undefined);
  }

  options() {
    return {
      theme: setting(this, 'theme'),
      headingLevel: setting(this, 'heading-level'),
      timeout: setting(this, 'timeout'),
    };
  }

  connectedCallback() {
    if (widgets.has(this)) return; // moved, not removed
    const started = start(this, prerenderedRoot(this) ? undefined : this.source(), this.options())
      .catch(report)
      .finally(() => starting.delete(started));
    starting.add(started);
  }

  disconnectedCallback() {
    queueMicrotask(() => this.isConnected || widgets.get(this)?.destroy());
  }

  attributeChangedCallback(name, old, value) {
    const widget = widgets.get(this);
    if (!widget || old === value) return;
    if (name === 'src') {
      this.#article = undefined;
      widget.render(this.source(), this.options()).catch(report);
    } else {
      widget.configure(name === 'theme' ? { theme: value ?? 'auto' } : { headingLevel: value ?? '1' });
    }
  }
}

const ElementClass = earlier?.ArticleWidgetElement ?? ArticleWidgetElement;
export { ElementClass as ArticleWidgetElement };

function startPage() {
  const started = Promise.all([startWithin(own('documentElement')), ...starting]).then(async () => {
    if (wasm) await (await wasm).ready;
  });
  watch();
  return started;
}

/**
 * Resolves once every widget element on the page when it was parsed has been started: the
 * pre-rendered ones taken over, and the WebAssembly running if any needed rendering. Rejects if
 * the WebAssembly could not start (already reported in the console; the fallback stays).
 */
export const ready = earlier
  ? earlier.ready
  : !globalThis.document
    ? Promise.resolve()
    : (own('readyState') === 'loading'
      ? new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }))
      : Promise.resolve()
    ).then(startPage);
ready.catch((error) => console.error('article-widget: could not start; the fallback content stays.', error));

if (!earlier) {
  if (!globalThis.customElements) {
    // Imported outside a browser, as by a framework's server-side rendering: nothing to start.
  } else if (customElements.get(TAG)) {
    warn(`another <${TAG}> is defined on this page; it is left as it is`);
  } else {
    customElements.define(TAG, ArticleWidgetElement);
  }
  globalThis[KEY] = globalThis.ArticleWidget = Object.freeze({ mount, ready, ArticleWidgetElement });
}

export default globalThis[KEY];
