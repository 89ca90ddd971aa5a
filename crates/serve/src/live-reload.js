// Added by `article-widget serve` to each page it serves (never to built files): reloads the
// page when its own file changes, and shows what the last build left out.
(() => {
  const since = document.currentScript?.dataset.generation ?? '0';
  const query = new URLSearchParams({ path: location.pathname, since });
  const source = new EventSource(`/__article-widget/events?${query}`);
  let panel = null;
  source.onmessage = (message) => {
    const state = JSON.parse(message.data);
    if (state.reload) {
      source.close();
      location.reload();
      return;
    }
    show(state.problems);
  };

  function show(problems) {
    if (problems.length === 0) {
      panel?.remove();
      panel = null;
      return;
    }
    if (!panel) {
      panel = document.createElement('div');
      panel.id = 'article-widget-serve-problems';
      panel.setAttribute('role', 'alert');
      Object.assign(panel.style, {
        position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647',
        maxHeight: '50vh', overflow: 'auto', margin: '0', padding: '12px 16px',
        background: '#7f1d1d', color: '#fff', font: '14px/1.45 ui-monospace, monospace',
        whiteSpace: 'pre-wrap', textAlign: 'left', direction: 'ltr',
      });
      document.body.append(panel);
    }
    const lines = problems.map((problem) => `${problem.file}: ${problem.message}`);
    panel.textContent = `article-widget serve: left out, the last good version is shown\n${lines.join('\n')}`;
  }
})();
