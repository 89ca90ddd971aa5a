// A Cloudflare Worker that renders the article it is sent with article-widget/server, bundled
// for workerd as wrangler bundles (esbuild with the `workerd` condition): see edge.test.mjs.
import { ArticleError, renderToString } from 'article-widget/server';

export default {
  async fetch(request) {
    const options = JSON.parse(new URL(request.url).searchParams.get('options') ?? '{}');
    try {
      return Response.json(await renderToString(new Uint8Array(await request.arrayBuffer()), options));
    } catch (err) {
      if (!(err instanceof ArticleError)) throw err;
      return Response.json({ error: { name: err.name, message: err.message, path: err.path } }, { status: 422 });
    }
  },
};
