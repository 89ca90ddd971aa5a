// article-widget/server, as a host developer's Node server gets it: the packed tarball installed
// into a fresh project (target/server-consumer/) and imported by its name, so the package's
// `exports` pick the `node` entry. Every fixture renders to exactly what `article-widget render`
// writes for the same options, warnings and failures included. Then a Cloudflare Worker
// (tests/edge/) bundled as wrangler bundles one, with the `workerd` entry, in workerd from npm.
import { execFile as execFileCallback, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CLI, ROOT, installPackedPackage } from './support.mjs';

const execFile = promisify(execFileCallback);
const CONSUMER = join(ROOT, 'target/server-consumer');

/** Each `[options, the command line's flags for them]`. */
const OPTIONS = [
  [undefined, []],
  [{ theme: 'dark', headingLevel: 3, assets: 'https://cdn.example/aw/', shadow: false },
    ['--theme', 'dark', '--heading-level', '3', '--assets', 'https://cdn.example/aw/', '--no-shadow']],
];

/** Runs the command line; resolves to its exit code and output. */
async function cli(args) {
  try {
    const { stdout, stderr } = await execFile(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/** What the command line does to text before printing it (`terminal_safe` in crates/cli). */
const terminalSafe = (text) =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);

const lines = (text) => text.split('\n').filter(Boolean);

/** The hostile corpus's bytes, as tests/hostile.rs reads them (see tests/hostile/README.md). */
function hostileBytes(c) {
  if (c.article) return Buffer.from(JSON.stringify(c.article));
  if (c.raw !== undefined) return Buffer.from(c.raw);
  return Buffer.concat(c.pieces.map((p) => (p.hex ? Buffer.from(p.hex, 'hex') : Buffer.from(p.text.repeat(p.times ?? 1)))));
}

/** `[name, file]` of every article fixture, the hostile corpus written out as files first. */
async function fixtures(scratch) {
  const inFolder = async (folder) =>
    (await readdir(join(ROOT, folder))).filter((n) => n.endsWith('.json')).sort().map((n) => [n, join(ROOT, folder, n)]);
  const hostile = [];
  for (const name of (await readdir(join(ROOT, 'tests/hostile'))).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(scratch, `hostile-${name}`);
    await writeFile(file, hostileBytes(JSON.parse(await readFile(join(ROOT, 'tests/hostile', name), 'utf8'))));
    hostile.push([`hostile/${name}`, file]);
  }
  return [...await inFolder('static/articles'), ...await inFolder('tests/fixtures/bad'), ...hostile];
}

let server;
let scratch;

before(async () => {
  await rm(CONSUMER, { recursive: true, force: true });
  await mkdir(CONSUMER, { recursive: true });
  await installPackedPackage(CONSUMER, 'server-consumer');
  await writeFile(join(CONSUMER, 'server.mjs'), "export * from 'article-widget/server';\n");
  server = await import(pathToFileURL(join(CONSUMER, 'server.mjs')));
  scratch = await mkdtemp(join(tmpdir(), 'article-widget-server-'));
});

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('article-widget/server in Node', () => {
  test('renders every fixture as `article-widget render --fragment` does, warnings and failures alike', async () => {
    const cases = await fixtures(scratch);
    assert.ok(cases.length > 20, `the fixtures are there: ${cases.length}`);
    let rendered = 0;
    let failed = 0;
    for (const [name, file] of cases) {
      const bytes = await readFile(file);
      for (const [options, flags] of OPTIONS) {
        const printed = await cli(['render', file, '--fragment', ...flags]);
        const given = `${name} with ${flags.join(' ') || 'the defaults'}`;
        if (printed.code === 0) {
          const { html, warnings } = await server.renderToString(bytes, options);
          assert.equal(`${html}\n`, printed.stdout, given);
          assert.deepEqual(
            warnings.map((w) => `article-widget: ${terminalSafe(`${file}: ${w.severity}: ${w.path}: ${w.message}`)}`),
            lines(printed.stderr), given);
          assert.ok(warnings.every((w) => w.severity === 'warning'), given);
          rendered += 1;
          continue;
        }
        assert.equal(printed.stdout, '', given);
        await assert.rejects(server.renderToString(bytes, options), (err) => {
          assert.ok(err instanceof server.ArticleError, `${given}: ${err}`);
          assert.equal(`article-widget: ${terminalSafe(`${file}: ${err.message}`)}\n`, printed.stderr, given);
          assert.ok(err.path === '.' || err.message.startsWith(`${err.path}: `), `${given}: ${err.path}`);
          return true;
        });
        failed += 1;
      }
    }
    assert.ok(rendered >= 10 && failed >= 10, `both paths are taken: ${rendered} rendered, ${failed} failed`);
  });

  test('an invalid article rejects with its path, message and every problem `article-widget validate` prints', async () => {
    const file = join(ROOT, 'tests/fixtures/bad/three-errors.json');
    const printed = await cli(['validate', file]);
    assert.equal(printed.code, 1);
    const err = await server.renderToString(await readFile(file, 'utf8')).catch((failure) => failure);
    assert.ok(err instanceof server.ArticleError && err instanceof Error);
    assert.equal(err.name, 'ArticleError');
    assert.equal(err.path, 'published');
    assert.equal(err.message, 'published: `yesterday` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z');
    assert.deepEqual(err.problems.map((p) => `${file}: ${p.severity}: ${p.path}: ${p.message}`), lines(printed.stdout));
    assert.equal(err.omitted, 0);
  });

  test('an object, its JSON text and its bytes render the same', async () => {
    const bytes = await readFile(join(ROOT, 'static/articles/krebs.json'));
    const { html } = await server.renderToString(bytes);
    assert.equal((await server.renderToString(bytes.toString('utf8'))).html, html);
    assert.equal((await server.renderToString(JSON.parse(bytes))).html, html);
    assert.equal((await server.renderToString(new Uint8Array(bytes).buffer)).html, html);
  });

  test('renderPage writes the page `article-widget render` writes', async () => {
    const file = join(ROOT, 'static/articles/krebs.json');
    for (const [options, flags] of [[undefined, []], [{ theme: 'light', headingLevel: 2, assets: '/aw/' },
      ['--theme', 'light', '--heading-level', '2', '--assets', '/aw/']]]) {
      const printed = await cli(['render', file, ...flags]);
      assert.equal(printed.code, 0, printed.stderr);
      assert.equal((await server.renderPage(await readFile(file), options)).html, printed.stdout);
    }
  });

  test('renderCard writes the card of the embed.html `article-widget build` writes', async () => {
    const articles = join(scratch, 'articles');
    await mkdir(articles);
    await writeFile(join(articles, 'krebs.json'), await readFile(join(ROOT, 'static/articles/krebs.json')));
    const site = join(scratch, 'site');
    const built = await cli(['build', articles, '--base-url', 'https://news.example/', '-o', site, '--widget', join(ROOT, 'dist')]);
    assert.equal(built.code, 0, built.stderr);
    const embed = await readFile(join(site, 'krebs/embed.html'), 'utf8');
    const { html } = await server.renderCard(await readFile(join(articles, 'krebs.json')), { href: 'https://news.example/krebs/' });
    assert.match(html, /^<div class="artw-root artw-card-root">/);
    assert.ok(embed.includes(html), `the card is embed.html's:\n${html}`);
  });

  test('options are checked: a wrong value is a RangeError, a wrong type a TypeError', async () => {
    const seed = await readFile(join(ROOT, 'static/articles/krebs.json'));
    await assert.rejects(server.renderToString(seed, { theme: 'sepia' }),
      { name: 'RangeError', message: 'theme: `sepia` is not auto, light or dark' });
    await assert.rejects(server.renderToString(seed, { headingLevel: 6 }), { name: 'RangeError' });
    await assert.rejects(server.renderToString(seed, { headingLevel: '2' }), { name: 'TypeError' });
    await assert.rejects(server.renderToString(seed, { shadow: 'no' }), { name: 'TypeError' });
    await assert.rejects(server.renderToString(42), { name: 'TypeError' });
    await assert.rejects(server.renderCard({ headline: 'No address', body: [{ type: 'paragraph', text: 'One.' }] }),
      { name: 'TypeError' });
  });

  test('the server module touches no document or window, and needs neither', async () => {
    const folder = join(CONSUMER, 'node_modules/article-widget/server');
    for (const file of (await readdir(folder)).filter((n) => n.endsWith('.js'))) {
      const source = await readFile(join(folder, file), 'utf8');
      assert.doesNotMatch(source, /\b(document|window)\b/, file);
    }
    assert.equal(typeof globalThis.document, 'undefined');
    assert.equal(typeof globalThis.window, 'undefined');
  });
});

/** Starts workerd on a free port with `config`; resolves to its origin and a way to stop it. */
async function startWorkerd(config) {
  const workerd = spawn(join(ROOT, 'node_modules/.bin/workerd'), ['serve', config, '--control-fd=3'],
    { stdio: ['ignore', 'inherit', 'inherit', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let control = '';
    workerd.stdio[3].on('data', (chunk) => {
      control += chunk;
      const listening = control.split('\n').filter(Boolean).map((line) => JSON.parse(line))
        .find((event) => event.event === 'listen' && event.socket === 'http');
      if (listening) resolve(listening.port);
    });
    workerd.on('exit', (code) => reject(new Error(`workerd exited with ${code}`)));
  });
  const stopped = new Promise((resolve) => workerd.on('exit', resolve));
  return { origin: `http://127.0.0.1:${port}`, stop: () => workerd.kill() && stopped };
}

describe('article-widget/server in workerd (Cloudflare Workers)', () => {
  let edge;

  before(async () => {
    const out = join(CONSUMER, 'edge');
    await mkdir(out, { recursive: true });
    await copyFile(join(ROOT, 'tests/edge/worker.js'), join(CONSUMER, 'worker.js'));
    await execFile(join(ROOT, 'node_modules/.bin/esbuild'), ['worker.js', '--bundle', '--format=esm', '--platform=neutral',
      '--conditions=workerd,worker', '--external:*.wasm?module', `--outfile=${join(out, 'worker.js')}`, '--log-level=warning'],
    { cwd: CONSUMER });
    await copyFile(join(CONSUMER, 'node_modules/article-widget/server/article-widget-server_bg.wasm'),
      join(out, 'article-widget-server_bg.wasm'));
    await copyFile(join(ROOT, 'tests/edge/workerd.capnp'), join(out, 'workerd.capnp'));
    edge = await startWorkerd(join(out, 'workerd.capnp'));
  });

  after(async () => {
    await edge?.stop();
  });

  test('the bundle takes the workerd entry, which imports the wasm compiled', async () => {
    const bundle = await readFile(join(CONSUMER, 'edge/worker.js'), 'utf8');
    assert.match(bundle, /from "\.\/article-widget-server_bg\.wasm\?module"/);
    assert.doesNotMatch(bundle, /node:fs|readFile/);
  });

  test('renders the seed as `article-widget render --fragment` does', async () => {
    const file = join(ROOT, 'static/articles/krebs.json');
    for (const [options, flags] of OPTIONS) {
      const printed = await cli(['render', file, '--fragment', ...flags]);
      const response = await fetch(`${edge.origin}/?options=${encodeURIComponent(JSON.stringify(options ?? {}))}`,
        { method: 'POST', body: await readFile(file) });
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(`${(await response.json()).html}\n`, printed.stdout);
    }
  });

  test('a bad article is an ArticleError with the command line\'s message and path', async () => {
    const file = join(ROOT, 'tests/fixtures/bad/wrong-href.json');
    const printed = await cli(['render', file, '--fragment']);
    const response = await fetch(edge.origin, { method: 'POST', body: await readFile(file) });
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.equal(error.name, 'ArticleError');
    assert.equal(`article-widget: ${file}: ${error.message}\n`, printed.stderr);
    assert.equal(error.path, 'body[3].text[1].href');
  });
});
