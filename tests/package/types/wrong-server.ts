// Server rendering options and results the package does not have: each marked line must fail.
import { renderCard, renderPage, renderToString } from 'article-widget/server';

await renderToString({ headline: 'No body' }); // wrong: TS2345
await renderToString('{}', { theme: 'sepia' }); // wrong: TS2322
await renderPage('{}', { shadow: true }); // wrong: TS2353
await renderCard('{}', { href: 7 }); // wrong: TS2322
const html: string = await renderToString('{}'); // wrong: TS2322
console.log(html);
