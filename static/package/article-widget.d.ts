// Types for article-widget's loader (article-widget.js): the JavaScript API, the
// <article-widget> element and its events.
import type { Article } from './article.js';

export type { Article, Block } from './article.js';

/** `auto` follows the reader's system setting. */
export type Theme = 'auto' | 'light' | 'dark';

/** The headline's level; section headings sit one level below. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

/** An article object, or the URL of its JSON (relative to the page). */
export type ArticleSource = Article | string;

export interface MountOptions {
  /** Default: the element's `data-theme`, else `auto`. */
  theme?: Theme;
  /** Default: the element's `data-heading-level`, else 1. */
  headingLevel?: HeadingLevel;
  /** How long an article's request may take, in milliseconds. Default: 10,000. */
  timeout?: number;
}

/** A mounted widget. */
export interface WidgetHandle {
  /**
   * Shows another article in place. Resolves to whether it is on screen, once it or the error
   * panel is; to false when a newer update or destroy() took over first.
   */
  update(article: ArticleSource): Promise<boolean>;
  /** Puts the element back as it was, its fallback content in view. */
  destroy(): void;
}

/**
 * Mounts the widget on `element`. Without `source`, the element's pre-rendered markup is taken
 * over (no WebAssembly is downloaded), or its `data-src` or inline JSON is rendered. Resolves
 * once the article or its error panel is on screen; rejects when the element cannot hold a
 * shadow root or the WebAssembly cannot start.
 */
export function mount(element: Element, source?: ArticleSource | null, options?: MountOptions): Promise<WidgetHandle>;

/**
 * Resolves once every widget on the page when it was parsed has started; rejects when the
 * WebAssembly, needed by one of them, could not start.
 */
export const ready: Promise<void>;

/**
 * Which of the widget's links was followed: `post` a saved post's link to the original, `video`
 * a hosted video's link to its page (followed only with `players="link"`).
 */
export type LinkKind = 'body' | 'author' | 'promo' | 'related' | 'post' | 'video';

export interface LinkDetail {
  /** The link's absolute URL. */
  href: string;
  kind: LinkKind;
}

export interface ErrorDetail {
  /** The sentence the error panel shows the reader. */
  message: string;
}

/** The events a widget element fires; they bubble and cross shadow roots. */
export interface ArticleWidgetEventMap {
  /** The article is on screen (pre-rendered markup taken over, or rendered). */
  'article-widget:ready': CustomEvent<Record<string, never>>;
  /** The article could not be shown; the error panel is on screen. */
  'article-widget:error': CustomEvent<ErrorDetail>;
  /** A link in the widget was clicked. The browser follows it unless you call preventDefault(). */
  'article-widget:link': CustomEvent<LinkDetail>;
}

/**
 * `<article-widget src theme heading-level timeout>`. Its children are the fallback, shown
 * until the article is. Changing `src` or `article` shows that article; `theme` and
 * `heading-level` apply at once; removing the element destroys the widget.
 */
export class ArticleWidgetElement extends HTMLElement {
  static readonly observedAttributes: readonly ['src', 'theme', 'heading-level'];
  /** The `src` attribute: the article's URL. */
  src: string;
  /** The `theme` attribute. */
  theme: Theme;
  /** The `heading-level` attribute. */
  headingLevel: HeadingLevel;
  /** An article to show instead of `src`; null when none was given. */
  article: Article | null;
  addEventListener<K extends keyof ArticleWidgetEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: ArticleWidgetEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ArticleWidgetEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: ArticleWidgetEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The attributes of `<article-widget>` as a framework's JSX or template writes them. */
export interface ArticleWidgetAttributes {
  src?: string;
  theme?: Theme;
  'heading-level'?: HeadingLevel | `${HeadingLevel}`;
  /** Milliseconds. */
  timeout?: number | `${number}`;
  /**
   * `facade` (the default): a hosted video loads its player, in place, when the reader presses
   * play. `link`: it stays a link to the video's page, for a page that must ask for consent.
   */
  players?: 'facade' | 'link';
  /** Set as the element's property by React 19 and Preact. */
  article?: Article;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-widget': ArticleWidgetElement;
  }
  // Every element the widget is mounted on fires them, and they bubble to the document.
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
  interface DocumentEventMap extends ArticleWidgetEventMap {}
}

declare const ArticleWidget: {
  readonly mount: typeof mount;
  readonly ready: typeof ready;
  readonly ArticleWidgetElement: typeof ArticleWidgetElement;
};
export default ArticleWidget;
