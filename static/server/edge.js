// article-widget/server under the `workerd` and `edge-light` conditions (Cloudflare Workers,
// Vercel and Next.js edge): these runtimes may not compile WebAssembly from bytes, so their
// bundlers compile it from this import (`?module` is the suffix both understand).
import module from './article-widget-server_bg.wasm?module';
import { createRenderer } from './render.js';

export { ArticleError } from './render.js';

export const { renderToString, renderPage, renderCard } = createRenderer(async () => module);
