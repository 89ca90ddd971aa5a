// Attributes <article-widget> does not take in Preact's JSX: each marked line must fail.
/** @jsxImportSource preact */
import 'article-widget';
import type {} from 'article-widget/preact';

export const levels = <article-widget src="/a.json" heading-level={0} />; // wrong: TS2322
export const themes = <article-widget theme="blue" />; // wrong: TS2322
