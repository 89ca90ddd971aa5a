// <article-widget> in React's JSX: `import type {} from 'article-widget/react';` once in the
// project (or list it in tsconfig's "types").
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ArticleWidgetAttributes, ArticleWidgetElement } from './article-widget.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': DetailedHTMLProps<HTMLAttributes<ArticleWidgetElement>, ArticleWidgetElement> &
        ArticleWidgetAttributes;
    }
  }
}
