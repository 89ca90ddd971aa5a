// A host's Astro site (static output): its page renders the seed at build time with
// article-widget/server; see tests/e2e/astro.test.mjs.
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static' });
