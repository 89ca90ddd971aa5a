// What WordPress's wp-embed.js does on a page that embeds a post from another site, written
// afresh from its behaviour (WordPress is GPL, so none of its code is copied): it gives each
// iframe.wp-embedded-content a secret in the `#?secret=` fragment of its URL, sends it a
// `ready` message, and answers messages from that iframe's window that carry its secret:
// `height` sets the iframe's height, clamped to 200-1000 px, and `link` navigates the top page
// when the link is http(s), on the iframe's own host, and the iframe has focus (the reader
// clicked in it). The first message also hides the fallback blockquote and shows the iframe.
(function () {
  let loaded = false;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || !(data.secret || data.message || data.value)) return;
    if (/[^a-zA-Z0-9]/.test(data.secret)) return;
    for (const quote of document.querySelectorAll(`blockquote[data-secret="${data.secret}"]`)) {
      quote.style.display = 'none';
    }
    for (const frame of document.querySelectorAll(`iframe[data-secret="${data.secret}"]`)) {
      if (event.source !== frame.contentWindow) continue;
      frame.removeAttribute('style');
      if (data.message === 'height') {
        let height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        frame.height = height;
      }
      if (data.message === 'link') {
        const source = new URL(frame.getAttribute('src'));
        const target = new URL(data.value);
        if (!/^https?:$/i.test(target.protocol)) continue;
        if (target.host === source.host && document.activeElement === frame) {
          window.top.location.href = data.value;
        }
      }
    }
  });
  function start() {
    if (loaded) return;
    loaded = true;
    for (const frame of document.querySelectorAll('iframe.wp-embedded-content')) {
      let secret = frame.getAttribute('data-secret');
      if (!secret) {
        secret = Math.random().toString(36).slice(2, 12);
        frame.src += `#?secret=${secret}`;
        frame.setAttribute('data-secret', secret);
      }
      frame.contentWindow.postMessage({ message: 'ready', secret }, '*');
    }
  }
  document.addEventListener('DOMContentLoaded', start);
  window.addEventListener('load', start);
})();
