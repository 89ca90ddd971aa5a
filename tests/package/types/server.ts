// article-widget/server in a Node server: every function, option and result type.
import { ArticleError, renderCard, renderPage, renderToString } from 'article-widget/server';
import type { Article, Problem, Rendered, RenderOptions } from 'article-widget/server';

const article: Article = { headline: 'A headline', body: [{ type: 'paragraph', text: 'One.' }] };
const options: RenderOptions = { theme: 'dark', headingLevel: 2, assets: 'https://cdn.example/aw/', shadow: false };
const fragment: Rendered = await renderToString(article, options);
const fromText: string = (await renderToString(JSON.stringify(article))).html;
const fromBytes: Problem[] = (await renderToString(new TextEncoder().encode(fromText))).warnings;
const page: string = (await renderPage(article, { theme: 'light', headingLevel: 1, assets: '/aw/' })).html;
const card: string = (await renderCard(article, { href: 'https://news.example/a' })).html;
try {
  await renderToString('{}');
} catch (err) {
  if (err instanceof ArticleError) {
    const where: string = err.path;
    const every: ('error' | 'warning')[] = err.problems.map((problem) => problem.severity);
    const more: number = err.omitted;
    console.log(where, every, more);
  }
}
console.log(fragment.html, fromBytes, page, card);
