// Inlined at the top of the embed pages' head, so it runs before the first paint:
// `?theme=dark` or `?theme=light` pins the page's theme whatever the reader's system prefers.
// The root's data-theme is what embed-theme.css reads (colour scheme, background, the widget's
// colours); the widget's element gets it too, before the loader reads its data-theme.
(function () {
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme !== 'dark' && theme !== 'light') return;
  document.documentElement.setAttribute('data-theme', theme);
  // 'interactive' comes when the body is parsed, before module scripts (the loader) run.
  document.addEventListener('readystatechange', function () {
    document.querySelectorAll('[data-article-widget]').forEach(function (element) {
      element.setAttribute('data-theme', theme);
    });
  }, { once: true });
})();
