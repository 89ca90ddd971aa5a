// Attributes <article-widget> does not take in React's JSX: each marked line must fail.
import 'article-widget';
import type {} from 'article-widget/react';

export const levels = <article-widget src="/a.json" heading-level={9} />; // wrong: TS2322
export const themes = <article-widget src="/a.json" theme="sepia" />; // wrong: TS2322
