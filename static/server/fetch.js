// article-widget/server elsewhere: the WebAssembly is fetched from beside this file, which
// bundlers copy.
import { createRenderer } from './render.js';

export { ArticleError } from './render.js';

export const { renderToString, renderPage, renderCard } = createRenderer(async () =>
  new URL('./article-widget-server_bg.wasm', import.meta.url));
