// The npm package as a host developer gets it: the tarball `./dev build` packed, installed into
// a fresh consumer project (tests/package/), type-checked by tsc, bundled by Vite and shown in
// headless Chromium, plain, through React and through Vue; the plain page bundled by webpack and
// by esbuild too.
import { execFile as execFileCallback } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, DIST, installPackedPackage, launch, linkedArticle, serve } from './support.mjs';

const execFile = promisify(execFileCallback);
const CONSUMER = join(ROOT, 'target/consumer');
const BIN = join(ROOT, 'node_modules/.bin');
const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
/** What the package is meant to ship, and nothing else. */
const SHIPPED = [
  'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'package.json',
  'article-widget.js', 'article-widget.d.ts', 'article.d.ts', 'react.d.ts', 'preact.d.ts',
  'article-widget-render.js', 'article-widget.css', 'wasm/article-widget.js', 'wasm/article-widget_bg.wasm',
  'server/render.js', 'server/node.js', 'server/edge.js', 'server/fetch.js', 'server/article-widget-server.js',
  'server/article-widget-server_bg.wasm', 'server/server.d.ts', 'server/article-card.css',
];
const cargoVersion = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];

/** Runs a command in the consumer project; resolves to its exit code and output. */
async function run(command, args, cwd = CONSUMER) {
  try {
    const { stdout, stderr } = await execFile(command, args, { cwd, encoding: 'utf8' });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, output: (error.stdout ?? '') + (error.stderr ?? '') };
  }
}

/**
 * tsc over one file of tests/package/types with the consumer's tsconfig. With `preact10`, every
 * import of preact gets Preact 10's types (the npm alias preact10) instead of Preact 11's.
 */
async function typeCheck(file, { preact10 = false, listFiles = false } = {}) {
  const config = join(CONSUMER, `tsconfig.${file}${preact10 ? '.preact10' : ''}.json`);
  const preact = join(ROOT, 'node_modules/preact10');
  const compilerOptions = { listFiles, ...(preact10 && { paths: { preact: [preact], 'preact/*': [`${preact}/*`] } }) };
  await writeFile(config, JSON.stringify({ extends: './tsconfig.json', compilerOptions, files: [`types/${file}`] }));
  return run(join(BIN, 'tsc'), ['-p', config]);
}

/** `[line, code]` of each line a `wrong-*` file marks with `// wrong: TSnnnn`. */
async function marked(file) {
  const lines = (await readFile(join(CONSUMER, 'types', file), 'utf8')).split('\n');
  return lines.flatMap((line, at) => [...line.matchAll(/\/\/ wrong: (TS\d+)/g)].map((m) => [at + 1, m[1]]));
}

/**
 * The plain page bundled by webpack (tests/package/webpack.build.mjs) and by esbuild, each beside
 * Vite's output with a copy of index.html that loads its bundle. esbuild leaves files found with
 * `new URL(…, import.meta.url)` where they are, so they are copied as README says.
 */
async function bundleWithWebpackAndEsbuild() {
  const page = await readFile(join(CONSUMER, 'index.html'), 'utf8');
  const loading = (script) => page.replace('<script type="module" src="./main.ts"></script>', script);
  const webpacked = await run('node', ['webpack.build.mjs']);
  assert.equal(webpacked.code, 0, webpacked.output);
  await writeFile(join(CONSUMER, 'dist/webpack.html'), loading('<script defer src="/webpack/main.js"></script>'));
  const out = join(CONSUMER, 'dist/esbuild');
  const esbuilt = await run(join(BIN, 'esbuild'), ['main.ts', '--bundle', '--format=esm', '--splitting', `--outdir=${out}`, '--log-level=warning']);
  assert.equal(esbuilt.code, 0, esbuilt.output);
  const pkg = join(CONSUMER, 'node_modules/article-widget');
  await cp(join(pkg, 'article-widget.css'), join(out, 'article-widget.css'));
  await cp(join(pkg, 'wasm/article-widget_bg.wasm'), join(out, 'wasm/article-widget_bg.wasm'));
  await writeFile(join(CONSUMER, 'dist/esbuild.html'), loading('<script type="module" src="/esbuild/main.js"></script>'));
}

let site;
let browser;

before(async () => {
  await rm(CONSUMER, { recursive: true, force: true });
  await cp(join(ROOT, 'tests/package'), CONSUMER, { recursive: true });
  await cp(join(ROOT, 'static/articles'), join(CONSUMER, 'public/articles'), { recursive: true });
  await writeFile(join(CONSUMER, 'public/articles/linked.json'), JSON.stringify(linkedArticle(seed)));
  await installPackedPackage(CONSUMER, 'consumer');
  const built = await run(join(BIN, 'vite'), ['build', '--logLevel', 'warn']);
  assert.equal(built.code, 0, built.output);
  await bundleWithWebpackAndEsbuild();
  site = await serve(join(CONSUMER, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

describe('the npm package', () => {
  test('is named and versioned as the crate, ESM only, with types', async () => {
    const manifest = JSON.parse(await readFile(join(CONSUMER, 'node_modules/article-widget/package.json'), 'utf8'));
    assert.equal(manifest.name, 'article-widget');
    assert.equal(manifest.version, cargoVersion, 'the crate and the package share one version');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.main, undefined, 'no CommonJS entry');
    assert.deepEqual(manifest.exports['.'], { types: './article-widget.d.ts', default: './article-widget.js' });
  });

  test('npm publish --dry-run ships exactly the package files', async () => {
    const { code, output } = await run('npm', ['publish', '--dry-run', '--json'], DIST);
    assert.equal(code, 0, output);
    const report = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1));
    const shipped = Object.values(report)[0].files.map((file) => file.path).sort();
    assert.deepEqual(shipped, [...SHIPPED].sort());
  });

  test('tsc accepts a consumer that uses every typed API, in React and in Preact', async () => {
    for (const file of ['every-api.ts', 'preact.tsx', 'server.ts']) {
      const { code, output } = await typeCheck(file);
      assert.equal(code, 0, `${file}:\n${output}`);
    }
    const project = await run(join(BIN, 'tsc'), ['-p', join(CONSUMER, 'tsconfig.json')]);
    assert.equal(project.code, 0, project.output);
  });

  test('tsc accepts <article-widget> in Preact 10\'s JSX too', async () => {
    const { code, output: traced } = await typeCheck('preact.tsx', { preact10: true, listFiles: true });
    assert.equal(code, 0, traced);
    assert.match(traced, /node_modules\/preact10\/src\/jsx\.d\.ts/, 'checked against Preact 10');
    assert.doesNotMatch(traced, /node_modules\/preact\/src\//, 'and not against Preact 11');
  });

  const rejected = (file, options) => async () => {
    const { code, output } = await typeCheck(file, options);
    assert.notEqual(code, 0, `${file} type-checked`);
    const found = [...output.matchAll(/^types\/[\w.-]+\((\d+),\d+\): error (TS\d+)/gm)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(found, await marked(file), output);
  };
  for (const file of ['wrong-event-detail.ts', 'wrong-option.ts', 'wrong-attribute.tsx', 'wrong-preact.tsx',
    'wrong-server.ts']) {
    test(`tsc rejects ${file}, on exactly the lines it marks`, rejected(file));
  }
  test('tsc rejects wrong-preact.tsx in Preact 10 too', rejected('wrong-preact.tsx', { preact10: true }));

  test("Vite's client bundle of a page importing article-widget holds nothing of the server renderer", async () => {
    const files = (await readdir(join(CONSUMER, 'dist'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
    const serverWasm = await readFile(join(CONSUMER, 'node_modules/article-widget/server/article-widget-server_bg.wasm'));
    const wasms = files.filter((file) => file.endsWith('.wasm'));
    assert.ok(wasms.length > 0, 'the widget\'s wasm is in the bundle');
    for (const file of files) {
      const bytes = await readFile(file);
      assert.ok(!bytes.equals(serverWasm), `${file} is the server renderer's wasm`);
      for (const marker of ['article-widget-server', 'renderFragment', 'createRenderer']) {
        assert.ok(!bytes.includes(marker), `${file} mentions ${marker}`);
      }
    }
  });

  test('imports outside a browser (server-side rendering) without throwing', async () => {
    const { code, output } = await run('node', ['--input-type=module', '-e',
      "const m = await import('article-widget'); await m.ready; console.log(typeof m.mount, typeof m.ArticleWidgetElement)"]);
    assert.equal(code, 0, output);
    assert.equal(output.trim(), 'function function');
  });
});

describe('bundled, in headless Chromium', () => {
  async function open(path) {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await tab.goto(site.origin + path);
    return { tab, errors };
  }

  // The frameworks apply state changes after the event that caused them has returned.
  async function followed(tab) {
    await tab.waitForFunction(() => document.querySelector('#followed').textContent !== '');
    return tab.locator('#followed').textContent();
  }

  test('the plain page shows the seed in <article-widget>, with the wasm and stylesheet Vite copied', async () => {
    const { tab, errors } = await open('/index.html');
    const headline = tab.locator('article-widget h2.artw-headline');
    await headline.waitFor();
    assert.equal(await headline.textContent(), seed.headline);
    assert.equal(await tab.locator('article-widget .artw-promo').isVisible(), true);
    // Styled by the packaged stylesheet, which Vite copied: its colour tokens are set.
    assert.match(await tab.locator('article-widget .artw-root').evaluate((root) => getComputedStyle(root).getPropertyValue('--artw-accent')), /light-dark/);
    await tab.waitForFunction(() => document.documentElement.dataset.readyWithArticle);
    assert.equal(await tab.evaluate(() => document.documentElement.dataset.readyWithArticle), 'true');
    const assets = await readdir(join(CONSUMER, 'dist/assets'));
    assert.ok(assets.some((file) => file.endsWith('.wasm')), assets.join(' '));
    assert.ok(assets.some((file) => file.endsWith('.css')), assets.join(' '));
    assert.deepEqual(errors, []);
    await tab.close();
  });

  for (const bundler of ['webpack', 'esbuild']) {
    test(`bundled by ${bundler} instead, the plain page shows the seed`, async () => {
      const { tab, errors } = await open(`/${bundler}.html`);
      await tab.waitForFunction(() => document.documentElement.dataset.readyWithArticle);
      assert.equal(await tab.evaluate(() => document.documentElement.dataset.readyWithArticle), 'true');
      assert.equal(await tab.locator('article-widget h2.artw-headline').textContent(), seed.headline);
      assert.match(await tab.locator('article-widget .artw-root').evaluate((root) => getComputedStyle(root).getPropertyValue('--artw-accent')), /light-dark/);
      assert.deepEqual(errors, []);
      await tab.close();
    });
  }

  test('React renders <article-widget> through react-dom; its theme follows React state and links reach React', async () => {
    const { tab, errors } = await open('/react.html');
    const headline = tab.locator('article-widget h3.artw-headline');
    await headline.waitFor();
    assert.equal(await headline.textContent(), seed.headline);
    const root = tab.locator('article-widget .artw-root');
    assert.equal(await root.getAttribute('data-theme'), 'light');
    await tab.getByRole('button', { name: 'Switch to dark' }).click();
    await tab.locator('article-widget .artw-root[data-theme="dark"]').waitFor();
    await tab.locator('article-widget a.artw-related-card').first().click();
    assert.match(await followed(tab), /^related https?:\/\//);
    assert.equal(new URL(tab.url()).pathname, '/react.html', 'React prevented the navigation');
    assert.deepEqual(errors, []);
    await tab.close();
  });

  test('Vue renders <article-widget> from a template; its heading level follows Vue state and links reach Vue', async () => {
    const { tab, errors } = await open('/vue.html');
    await tab.locator('article-widget h2.artw-headline').waitFor();
    assert.equal(await tab.locator('article-widget .artw-root').getAttribute('data-theme'), 'dark');
    await tab.getByRole('button', { name: 'Headline level 4' }).click();
    await tab.locator('article-widget h4.artw-headline').waitFor();
    assert.equal(await tab.locator('article-widget h4.artw-headline').textContent(), seed.headline);
    await tab.locator('article-widget .artw-promo-action').click();
    assert.equal(await followed(tab), 'promo https://example.com/signup');
    assert.equal(new URL(tab.url()).pathname, '/vue.html', 'Vue prevented the navigation');
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
