// The embed page's half of WordPress's embed protocol (what wp-embed-template.js does), and
// the generic height message. The host's secret comes from the iframe URL's `#?secret=`.
// The page reports its height as { message: 'height', value, secret } (the host clamps it to
// 200-1000 px) and as { type: 'article-widget:height', height }; a click on a link to this
// site asks the host to navigate with { message: 'link', value, secret }. Without a secret,
// links are plain links to the top page. The secret is read when it is needed: the host may
// add it to the URL after this script has run.
const hostSecret = () => (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1];
const framed = window.parent !== window;
let reported = 0;

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!framed || height === reported) return;
  reported = height;
  const secret = hostSecret();
  if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  window.parent.postMessage({ type: 'article-widget:height', height }, '*');
}

new ResizeObserver(reportHeight).observe(document.documentElement);
window.addEventListener('load', reportHeight);
window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source !== window.parent || !data || data.message !== 'ready' || data.secret !== hostSecret()) return;
  reported = 0;
  reportHeight();
});

document.addEventListener('click', (event) => {
  const secret = hostSecret();
  if (!framed || !secret || event.defaultPrevented || event.button !== 0) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  // The composed path also finds a link inside a shadow root, where event.target is its host.
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
  if (!link || new URL(link.href).host !== location.host) return;
  event.preventDefault();
  window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
});
