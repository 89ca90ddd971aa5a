import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'article-widget';
import type {} from 'article-widget/react';
import type { ArticleWidgetElement, LinkDetail, Theme } from 'article-widget';

function App() {
  const [theme, setTheme] = useState<Theme>('light');
  const [followed, setFollowed] = useState<LinkDetail | null>(null);
  const widget = useRef<ArticleWidgetElement>(null);

  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    const onLink = (event: CustomEvent<LinkDetail>) => {
      event.preventDefault();
      setFollowed(event.detail);
    };
    element.addEventListener('article-widget:link', onLink);
    return () => element.removeEventListener('article-widget:link', onLink);
  }, []);

  return (
    <>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
        Switch to {theme === 'light' ? 'dark' : 'light'}
      </button>
      <output id="followed">{followed ? `${followed.kind} ${followed.href}` : ''}</output>
      <article-widget ref={widget} src="/articles/linked.json" theme={theme} heading-level={3}>
        <p>Loading the article…</p>
      </article-widget>
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
