// A link event's detail has no `url`, and its href is no number: both lines must fail.
import 'article-widget';

const element = document.createElement('article-widget');
element.addEventListener('article-widget:link', (event) => {
  console.log(event.detail.url); // wrong: TS2339
  const href: number = event.detail.href; // wrong: TS2322
  console.log(href);
});
