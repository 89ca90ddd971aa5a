// <article-widget> in Preact's JSX (Preact 10 and 11): `import type {} from 'article-widget/preact';`
// once in the project (or list it in tsconfig's "types").
import type { HTMLAttributes } from 'preact';
import type { ArticleWidgetAttributes, ArticleWidgetElement } from './article-widget.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': Omit<HTMLAttributes<ArticleWidgetElement>, keyof ArticleWidgetAttributes> & ArticleWidgetAttributes;
    }
  }
}
