// Types for article-widget/server: the widget's pre-rendering in JavaScript servers.
import type { Article } from '../article.js';
import type { HeadingLevel, Theme } from '../article-widget.js';

export type { Article, HeadingLevel, Theme };

/** An article object, its JSON text, or its file's bytes (read as `article-widget render` reads a file). */
export type ArticleInput = Article | string | Uint8Array | ArrayBuffer;

/** The options of `article-widget render --fragment`. */
export interface RenderOptions {
  /** Default: `auto`. */
  theme?: Theme;
  /** Default: 1. */
  headingLevel?: HeadingLevel;
  /** URL of the folder holding article-widget.js and article-widget.css, ending in `/`. Default: next to the page. */
  assets?: string;
  /** Render into a declarative shadow root (default); `false` puts the markup in the host's DOM, which links the stylesheet. */
  shadow?: boolean;
}

/** The options of `article-widget render` (a whole page). */
export type PageOptions = Omit<RenderOptions, 'shadow'>;

export interface CardOptions {
  /** Where the card links to. Default: the article's `url`, when it is an absolute http(s) URL. */
  href?: string;
}

/** A problem found in an article, at the JSON path of the value at fault (`.` for the whole document). */
export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface Rendered {
  html: string;
  /** What `article-widget render` prints as warnings (such as a link it removed); the markup is still made. */
  warnings: Problem[];
}

/** An article that could not be read or is not valid. `message` is what the command line prints after the file's name. */
export declare class ArticleError extends Error {
  readonly name: 'ArticleError';
  /** The JSON path of the first error, `.` for the whole document (not JSON, too large). */
  readonly path: string;
  /** Every problem found, the first error first. */
  readonly problems: Problem[];
  /** How many more problems were found past those listed. */
  readonly omitted: number;
}

/** The embed element, as `article-widget render --fragment` writes it (without its final line end). */
export declare function renderToString(article: ArticleInput, options?: RenderOptions): Promise<Rendered>;

/** The whole page, as `article-widget render` writes it. */
export declare function renderPage(article: ArticleInput, options?: PageOptions): Promise<Rendered>;

/**
 * The oEmbed card, as `article-widget build` writes it into embed.html: styled by article-widget.css with
 * `article-widget/server/article-card.css` on top.
 */
export declare function renderCard(article: ArticleInput, options?: CardOptions): Promise<Rendered>;
