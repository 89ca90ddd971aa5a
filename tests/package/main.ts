import { ready } from 'article-widget';

ready.then(() => {
  document.documentElement.dataset.widgetsStarted = 'true';
});
