// Options the widget does not take: each marked line must fail.
import { mount } from 'article-widget';

const host = document.body;
await mount(host, '/articles/krebs.json', { theme: 'blue' }); // wrong: TS2322
await mount(host, '/articles/krebs.json', { headingLevel: 7 }); // wrong: TS2322
await mount(host, { headline: 'No body' }); // wrong: TS2345
document.createElement('article-widget').theme = 'sepia'; // wrong: TS2322
