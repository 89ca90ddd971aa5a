// article-widget/server: the widget's own pre-rendering (the command line's `render`) in
// JavaScript servers, as WebAssembly. Each entry (node.js, edge.js, fetch.js) loads the
// WebAssembly the way its runtime can and hands it to `createRenderer`.
import initWasm, * as wasm from './article-widget-server.js';

/** An article that could not be read or is not valid, as the command line reports it. */
export class ArticleError extends Error {
  constructor({ message, path, problems, omitted }) {
    super(message);
    this.name = 'ArticleError';
    this.path = path;
    this.problems = problems;
    this.omitted = omitted;
  }
}

const encoder = new TextEncoder();

/** The article as a file would hold it: its own bytes, its JSON text, or an object's JSON. */
function articleBytes(article) {
  if (article instanceof Uint8Array) return article;
  if (article instanceof ArrayBuffer) return new Uint8Array(article);
  if (typeof article === 'string') return encoder.encode(article);
  if (article !== null && typeof article === 'object') return encoder.encode(JSON.stringify(article));
  throw new TypeError('article: give an article object, its JSON text or its bytes');
}

function expect(name, value, type) {
  if (typeof value !== type) throw new TypeError(`${name}: \`${String(value)}\` is not a ${type}`);
  return value;
}

/** The options of `article-widget render`, with its defaults. */
function renderOptions({ theme = 'auto', headingLevel = 1, assets = '', shadow = true } = {}) {
  return [expect('theme', theme, 'string'), expect('headingLevel', headingLevel, 'number'),
    expect('assets', assets, 'string'), expect('shadow', shadow, 'boolean')];
}

/**
 * The rendering functions over the WebAssembly that `load` resolves to (its bytes, a compiled
 * WebAssembly.Module, or its URL), loaded on the first render.
 */
export function createRenderer(load) {
  let ready;
  const call = async (render, args) => {
    ready ??= load().then((module_or_path) => initWasm({ module_or_path })).catch((err) => {
      ready = undefined;
      throw err;
    });
    await ready;
    try {
      return render(...args);
    } catch (failure) {
      throw failure instanceof Error ? failure : new ArticleError(failure);
    }
  };
  return {
    renderToString: async (article, options) =>
      call(wasm.renderFragment, [articleBytes(article), ...renderOptions(options)]),
    renderPage: async (article, options = {}) =>
      call(wasm.renderPage, [articleBytes(article), ...renderOptions({ ...options, shadow: false }).slice(0, 3)]),
    renderCard: async (article, { href } = {}) =>
      call(wasm.renderCard, [articleBytes(article), href === undefined ? undefined : expect('href', href, 'string')]),
  };
}
