// Every typed API of the package, used as a host developer would; it must type-check.
import ArticleWidget, { ArticleWidgetElement, mount, ready } from 'article-widget';
import type { Article, ErrorDetail, HeadingLevel, LinkDetail, LinkKind, MountOptions, Theme, WidgetHandle } from 'article-widget';

const article: Article = {
  headline: 'A headline',
  kicker: 'News',
  lang: 'en',
  authors: [{ name: 'A. Writer', url: 'https://example.com/a-writer', bio: 'Writes.' }],
  body: [
    { type: 'paragraph', text: ['Plain, ', { text: 'linked', href: 'https://example.com/' }, ' and ', { text: 'stressed', em: true }] },
    { type: 'heading', text: 'A section' },
    { type: 'quote', text: 'Said.', cite: 'Someone' },
    { type: 'pullquote', text: 'Said large.' },
    { type: 'image', src: 'https://example.com/a.jpg', alt: 'A picture', width: 800, height: 600 },
    { type: 'promo', title: 'Newsletter', action: { label: 'Sign up', url: 'https://example.com/signup' } },
  ],
  related: [{ title: 'Another story', url: 'https://example.com/another' }],
};

const options: MountOptions = { theme: 'dark', headingLevel: 2, timeout: 5_000 };
const host = document.querySelector<HTMLElement>('#host')!;
const handle: WidgetHandle = await mount(host, '/articles/krebs.json', options);
const shown: boolean = await handle.update(article);
handle.destroy();
await mount(host);
await ready;
await ArticleWidget.ready;

const element = document.querySelector('article-widget');
if (element) {
  const typed: ArticleWidgetElement = element;
  const theme: Theme = typed.theme;
  const level: HeadingLevel = typed.headingLevel;
  typed.src = '/articles/other.json';
  typed.article = article;
  typed.addEventListener('article-widget:link', (event) => {
    const detail: LinkDetail = event.detail;
    const kind: LinkKind = detail.kind;
    if (kind === 'related') event.preventDefault();
  });
  typed.addEventListener('article-widget:error', (event) => {
    const detail: ErrorDetail = event.detail;
    console.log(detail.message, theme, level, shown);
  });
}
const created = document.createElement('article-widget');
created.headingLevel = 3;
document.addEventListener('article-widget:ready', (event) => console.log(event.target));
host.addEventListener('article-widget:link', (event) => console.log(event.detail.href));
console.log(customElements.get('article-widget') === ArticleWidgetElement);
