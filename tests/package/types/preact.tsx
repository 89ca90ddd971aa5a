// <article-widget> in Preact's JSX; checked with jsxImportSource preact.
/** @jsxImportSource preact */
import { render } from 'preact';
import 'article-widget';
import type {} from 'article-widget/preact';

render(
  <article-widget src="/articles/krebs.json" theme="dark" heading-level={2}>
    <p>Loading the article…</p>
  </article-widget>,
  document.body,
);
