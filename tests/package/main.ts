import { ready } from 'article-widget';

// The page's <article-widget> has its article on screen once `ready` resolves.
ready.then(() => {
  const headline = document.querySelector('article-widget')?.shadowRoot?.querySelector('.artw-headline');
  document.documentElement.dataset.readyWithArticle = String(Boolean(headline));
});
