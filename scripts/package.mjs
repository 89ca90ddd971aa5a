// `./dev build`, after trunk: turns dist/ into the npm package and packs it into target/npm/.
// The package's version is the crate's (Cargo.toml); its Article type is generated from
// static/article.schema.json, so neither can drift from the widget.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'target/npm');

const cargo = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];

/** The files the package ships; `npm publish --dry-run` is checked against them in the tests. */
export const FILES = [
  'article-widget.js',
  'article-widget-render.js',
  'article-widget.css',
  'wasm/article-widget.js',
  'wasm/article-widget_bg.wasm',
  'server/render.js',
  'server/node.js',
  'server/edge.js',
  'server/fetch.js',
  'server/article-widget-server.js',
  'server/article-widget-server_bg.wasm',
  'server/server.d.ts',
  'server/article-card.css',
  'article-widget.d.ts',
  'article.d.ts',
  'react.d.ts',
  'preact.d.ts',
  'README.md',
  'LICENSE-MIT',
  'LICENSE-APACHE',
];

const manifest = {
  name: 'article-widget',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  exports: {
    '.': { types: './article-widget.d.ts', default: './article-widget.js' },
    './article-widget.css': './article-widget.css',
    // Rendering on the server: each runtime loads the WebAssembly its own way (static/server/).
    './server': {
      types: './server/server.d.ts',
      workerd: './server/edge.js',
      'edge-light': './server/edge.js',
      node: './server/node.js',
      default: './server/fetch.js',
    },
    './server/article-card.css': './server/article-card.css',
    './react': { types: './react.d.ts' },
    './preact': { types: './preact.d.ts' },
    './package.json': './package.json',
  },
  types: './article-widget.d.ts',
  // Importing the loader defines <article-widget> and starts the page's widgets.
  sideEffects: ['./article-widget.js'],
  files: FILES.filter((file) => file !== 'README.md'),
  keywords: ['article', 'news', 'embed', 'web-component', 'custom-element', 'webassembly'],
};

/**
 * The schema says a block's fields with `if type is … then …`, which TypeScript cannot express;
 * as one object type per block type, each field is checked against its block's type.
 */
function blocksAsUnion(schema) {
  const block = schema.$defs.block;
  block.oneOf = block.allOf.map(({ if: when, then }) => ({
    description: then.description,
    type: 'object',
    required: ['type', ...(then.required ?? [])],
    properties: { type: when.properties.type, ...(then.properties ?? {}) },
  }));
  delete block.allOf;
  delete block.properties;
  delete block.required;
  delete block.type;
  return schema;
}

const schema = blocksAsUnion(JSON.parse(await readFile(join(ROOT, 'static/article.schema.json'), 'utf8')));
const article = await compile(schema, 'Article', {
  bannerComment: '// The article format (static/article.schema.json) as TypeScript types; generated, do not edit.',
  additionalProperties: false,
  strictIndexSignatures: true,
});

await writeFile(join(DIST, 'article.d.ts'), article);
await writeFile(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ['article-widget.d.ts', 'react.d.ts', 'preact.d.ts', 'README.md']) {
  await copyFile(join(ROOT, 'static/package', file), join(DIST, file));
}
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) await copyFile(join(ROOT, file), join(DIST, file));

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
execFileSync('npm', ['pack', '--silent', '--pack-destination', OUT], { cwd: DIST, stdio: ['ignore', 'ignore', 'inherit'] });
const [tarball] = await readdir(OUT);
console.log(`packed ${join('target/npm', tarball)}`);
