// A host page under a strict Content Security Policy: the widget renders with no violation.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './support.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

const inline = JSON.stringify({ headline: 'Inline under CSP', body: [{ type: 'paragraph', text: 'Read from inline JSON.' }] });
const page = (extra = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict CSP host</title>
<script type="module" src="/article-widget.js"></script>
<script type="module" src="/csp/mount.js"></script></head>
<body>
<div id="by-url" data-article-widget data-src="/articles/krebs.json"><a href="/">Read the article</a></div>
<div id="inline" data-article-widget data-theme="dark"><script type="application/json">${inline}</script></div>
<div id="from-js"></div>
${extra}
</body></html>`;

const withCsp = (body, type = 'text/html') => (req, res) =>
  res.writeHead(200, { 'content-type': type, 'content-security-policy': STRICT_CSP }).end(body);

const routes = {
  '/csp/index.html': withCsp(page()),
  '/csp/control.html': withCsp(page('<p style="color: red">An inline style attribute the policy refuses.</p>')),
  '/csp/mount.js': withCsp(`import { mount } from '/article-widget.js';
const response = await fetch('/articles/krebs.json');
const handle = await mount(document.getElementById('from-js'), await response.json(), { theme: 'light' });
handle.update({ headline: 'Updated under CSP', body: [{ type: 'paragraph', text: 'Updated.' }] });`, 'text/javascript'),
};

const { server, browser } = await serveAndLaunch(routes, after);

async function load(path) {
  const tab = await browser.newPage();
  const uncaught = [];
  tab.on('pageerror', (err) => uncaught.push(err.message));
  // Init scripts run outside the page's policy, so the counter itself is not a violation.
  await tab.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.readyIds = [];
    document.addEventListener('article-widget:ready', (e) => readyIds.push(e.target.id));
  });
  await tab.goto(server.origin + path);
  return { tab, uncaught };
}

test('the widget renders under the strict policy with zero violations', async () => {
  const { tab, uncaught } = await load('/csp/index.html');
  await tab.waitForFunction(() => new Set(readyIds).size === 3);
  // from-js is ready once when mounted, and shows its update after a second render.
  await tab.waitForFunction(() => document.getElementById('from-js').shadowRoot.querySelector('.artw-headline')?.textContent === 'Updated under CSP');
  const state = await tab.evaluate(() => {
    const headline = (id) => document.getElementById(id).shadowRoot.querySelector('.artw-headline');
    return {
      headlines: ['by-url', 'inline', 'from-js'].map((id) => headline(id).textContent),
      styled: getComputedStyle(headline('by-url')).fontWeight,
      dark: getComputedStyle(document.getElementById('inline').shadowRoot.querySelector('.artw-root')).backgroundColor,
      violations,
      trustedTypes: !!window.trustedTypes,
    };
  });
  assert.deepEqual(state.headlines, [
    'Trump fires cyber security chief over election fraud dismissal',
    'Inline under CSP',
    'Updated under CSP',
  ]);
  assert.equal(state.styled, '700', 'the stylesheet applies under style-src self');
  assert.equal(state.dark, 'rgb(20, 20, 20)');
  assert.ok(state.trustedTypes, 'the browser enforces Trusted Types');
  assert.deepEqual(state.violations, []);
  assert.deepEqual(uncaught, []);
  await tab.close();
});

test('the violation counter sees a violation when there is one', async () => {
  const { tab } = await load('/csp/control.html');
  await tab.waitForFunction(() => new Set(readyIds).size === 3);
  await tab.waitForFunction(() => violations.length > 0);
  assert.ok((await tab.evaluate(() => violations)).some((v) => v.startsWith('style-src')));
  await tab.close();
});
