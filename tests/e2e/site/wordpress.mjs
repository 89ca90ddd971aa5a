// A WordPress post that embeds a page from a provider WordPress does not know: the oEmbed
// answer as WordPress filters it, and the host script (wp-embed-host.js) that does what
// WordPress's wp-embed.js does. Shared by the end-to-end test and the screenshots.
import { readFile } from 'node:fs/promises';

/** What the host page runs, as WordPress's wp-embed.js behaves. */
export const HOST_SCRIPT = await readFile(new URL('./wp-embed-host.js', import.meta.url), 'utf8');

/**
 * The oEmbed `html` as WordPress keeps it from a provider it does not know
 * (wp_filter_oembed_result): only a blockquote with its links and the iframe's src, size,
 * frame attributes and title are kept; the iframe gets a secret in its URL and in
 * data-secret, is hidden until it reports, and is sandboxed to allow-scripts only.
 */
export function wordpressFilter(html) {
  const allowed = { a: ['href'], blockquote: [], iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'] };
  const kept = html.replace(/<(\/?)([a-z]+)([^>]*)>/gi, (all, close, tag, attributes) => {
    const names = allowed[tag.toLowerCase()];
    if (!names) return '';
    if (close) return `</${tag}>`;
    const attrs = [...attributes.matchAll(/([a-z-]+)="([^"]*)"/gi)].filter(([, n]) => names.includes(n.toLowerCase()));
    return `<${tag}${attrs.map(([, n, v]) => ` ${n}="${v}"`).join('')}>`;
  });
  const match = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kept);
  if (!match?.[2]) throw new Error('WordPress keeps an oEmbed answer only when it has an iframe');
  const secret = 'Abc123xyz9';
  let out = (match[1] ?? '') + match[2];
  out = out.replace(/ src="([^"]*)"/, ` src="$1#?secret=${secret}" data-secret="${secret}"`);
  out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  if (match[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; visibility: hidden;"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

