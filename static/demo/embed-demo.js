// The embed demo's "mount() from JavaScript" example: fetch an article, mount it, update it.
import { mount } from '../article-widget.js';

const log = document.getElementById('event-log');
for (const name of ['article-widget:ready', 'article-widget:error', 'article-widget:link']) {
  document.addEventListener(name, (event) => {
    const line = document.createElement('li');
    const where = event.target.id || event.target.getAttribute('data-src') || 'inline';
    line.textContent = `${name} on ${where} ${JSON.stringify(event.detail)}`;
    log.prepend(line);
  });
}

const element = document.getElementById('from-js');
const response = await fetch(new URL('../articles/ar-krebs.json', import.meta.url));
const article = await response.json();
const handle = await mount(element, article, { theme: 'dark', headingLevel: 3 });

document.getElementById('from-js-update').addEventListener('click', () => {
  handle.update({ ...article, headline: `${article.headline} (updated ${new Date().toLocaleTimeString()})` });
});

