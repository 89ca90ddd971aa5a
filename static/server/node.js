// article-widget/server under the `node` condition (Node, Deno, Bun): the WebAssembly is read
// from beside this file.
import { readFile } from 'node:fs/promises';
import { createRenderer } from './render.js';

export { ArticleError } from './render.js';

export const { renderToString, renderPage, renderCard } = createRenderer(() =>
  readFile(new URL('./article-widget-server_bg.wasm', import.meta.url)));
