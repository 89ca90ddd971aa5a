// `article-widget serve` end to end: the release binary on a free port over a copy of
// static/articles. An open page follows an edit of its article with no reload by hand, and a
// bad edit shows its file and JSON path over the page while the last good page is served; a
// real oEmbed consumer (@extractus/oembed-extractor) finds the endpoint by discovery and gets
// a card fitted to 360 px; and, on raw sockets, paths that try to leave the site, a slow-loris
// client and 10,000 requests of which 5 % are malformed.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import { unfurl } from 'unfurl.js';
import { CLI, DIST, ROOT, launch } from './support.mjs';

const work = await mkdtemp(join(tmpdir(), 'artw-serve-'));
const ARTICLES = join(work, 'articles');
await cp(join(ROOT, 'static/articles'), ARTICLES, { recursive: true });
const KREBS = join(ARTICLES, 'krebs.json');
const seed = JSON.parse(await readFile(KREBS, 'utf8'));

const server = spawn(CLI, ['serve', ARTICLES, '--port', '0', '--widget', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (chunk) => { stderr += chunk; });
const exited = new Promise((done) => server.once('exit', (code, signal) => done({ code, signal })));
/** The origin the server printed, e.g. http://127.0.0.1:41234 */
const ORIGIN = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const printed = out.match(/ at (http:\/\/\S+?)\/ /);
    if (printed) resolve(printed[1]);
  });
  exited.then(({ code }) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
});
const PORT = Number(new URL(ORIGIN).port);
const browser = await launch();
after(async () => {
  await browser.close();
  server.kill('SIGTERM');
  await exited;
  await rm(work, { recursive: true, force: true });
});

/** Sends `bytes` on a new connection; resolves with all the server sent until it closed. */
function raw(bytes, { timeout = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1');
    const chunks = [];
    socket.setTimeout(timeout, () => socket.destroy(new Error('timed out')));
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => (err.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(err)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}
const statusOf = (response) => Number(response.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
const get = (path) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;

/** Polls `check` until it returns a truthy value, for at most `ms`. */
async function until(check, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) assert.fail(`${what} within ${ms} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('article-widget serve', () => {
  test('an open page follows its article: a new headline with no reload by hand, a bad edit shown over the last good page', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${ORIGIN}/krebs/`);
    const headline = tab.locator('.artw-headline').first();
    assert.equal((await headline.textContent()).trim(), seed.headline);

    await writeFile(KREBS, JSON.stringify({ ...seed, headline: 'Krebs fired, and the page knew at once' }));
    await until(async () => (await headline.textContent()).trim() === 'Krebs fired, and the page knew at once', 10_000,
      'the open page shows the new headline');
    assert.match(await tab.title(), /^Krebs fired, and the page knew at once/);

    await writeFile(KREBS, JSON.stringify({ ...seed, headline: 5 }));
    const panel = tab.locator('#article-widget-serve-problems');
    const wrongType = await until(async () => panel.textContent(), 10_000, 'the page shows the bad edit');
    assert.ok(wrongType.includes(KREBS), wrongType);
    assert.match(wrongType, /headline: invalid type: integer `5`, expected a string/);
    assert.equal((await headline.textContent()).trim(), 'Krebs fired, and the page knew at once');
    const served = await (await fetch(`${ORIGIN}/krebs/`)).text();
    assert.match(served, /<title>Krebs fired, and the page knew at once/);

    await writeFile(KREBS, '{ "headline": "Unfinished", ');
    const notJson = await until(async () => {
      const text = await panel.textContent();
      return /not JSON/.test(text) && text;
    }, 10_000, 'the page shows the file that is not JSON');
    assert.ok(notJson.includes(KREBS), notJson);
    assert.equal((await fetch(`${ORIGIN}/krebs/`)).status, 200);

    await writeFile(KREBS, JSON.stringify(seed));
    await until(async () => (await headline.textContent()).trim() === seed.headline && (await panel.count()) === 0,
      10_000, 'the page shows the article again, without the problem');
    await tab.close();
  });

  test('an oEmbed consumer finds the endpoint by discovery and gets a card fitted to its 360 px', async () => {
    const answer = await extract(`${ORIGIN}/krebs/`, { maxwidth: 360 });
    assert.equal(answer.method, 'auto-discovery');
    assert.equal(answer.type, 'rich');
    assert.equal(answer.width, 360);
    assert.ok(answer.height > 0);
    assert.match(answer.html, / width="360" /);
    const tab = await browser.newPage();
    await tab.setContent(`<!DOCTYPE html><body style="margin:0">${answer.html}</body>`);
    const box = await tab.locator('iframe').boundingBox();
    assert.equal(box.width, 360);
    await tab.close();

    // unfurl.js follows the same discovery link to the endpoint; it asks for no size, and gets
    // the card's own.
    const unfurled = await unfurl(`${ORIGIN}/krebs/`);
    assert.equal(unfurled.oEmbed.type, 'rich');
    assert.equal(unfurled.oEmbed.width, 600);
    assert.match(unfurled.oEmbed.html, /<iframe [^>]*src="[^"]*\/krebs\/embed\.html"/);

    const dark = await (await fetch(`${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/krebs/`)}&theme=dark&maxheight=300`)).json();
    assert.match(dark.html, /src="[^"]*\/krebs\/embed\.html\?theme=dark"/);
    assert.ok(dark.height <= 300);
    const xml = await fetch(`${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/krebs/`)}&format=xml&maxwidth=400`);
    assert.match(xml.headers.get('content-type'), /^text\/xml/);
    assert.match(await xml.text(), /<oembed>.*<width>400<\/width>/s);
    const elsewhere = await fetch(`${ORIGIN}/oembed?url=${encodeURIComponent('https://elsewhere.example/krebs/')}`);
    assert.equal(elsewhere.status, 404);
    const yaml = await fetch(`${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/krebs/`)}&format=yaml`);
    assert.equal(yaml.status, 501);
  });

  test('paths that try to leave the site are not found', async () => {
    const paths = ['/../../../etc/passwd', '/krebs/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/krebs%2f..%2f..%2fetc%2fpasswd', '/%252e%252e/%252e%252e/etc/passwd', '/..%5c..%5cetc%5cpasswd', '/krebs\\..\\..\\etc',
      '/krebs/index.html%00.json', '/.article-widget-site'];
    for (const path of paths) {
      assert.equal(statusOf(await raw(get(path))), 404, path);
    }
    assert.equal(statusOf(await raw(get('/krebs/'))), 200);
  });

  test('a slow-loris client does not keep others waiting', async () => {
    const slow = [];
    for (let i = 0; i < 64; i++) {
      const socket = connect(PORT, '127.0.0.1');
      socket.on('error', () => {});
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      slow.push(socket);
    }
    const drip = setInterval(() => slow.forEach((socket) => socket.write('X')), 200);
    try {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 32 }, () => fetch(`${ORIGIN}/krebs/`).then((r) => r.status)));
      assert.deepEqual(new Set(answers), new Set([200]));
      // Held up by the slow clients, they would wait for the 10 s header timeout.
      assert.ok(Date.now() - started < 5_000, `answered in ${Date.now() - started} ms`);
    } finally {
      clearInterval(drip);
      slow.forEach((socket) => socket.destroy());
    }
  });

  test('10,000 requests, 5 % of them malformed: every good one answered right, and the server stays up', async () => {
    const page = (await raw(get('/widget/article-widget.css'))).split('\r\n\r\n')[1];
    assert.ok(page.length > 1000);
    const MALFORMED = [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n',
      'POST /krebs/ HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n',
      '\r\n\r\n\r\n',
    ];
    let good = 0;
    let bad = 0;
    const failures = [];
    let next = 0;
    async function worker() {
      while (next < 10_000) {
        const i = next++;
        if (i % 20 === 7) {
          const response = await raw(MALFORMED[i % MALFORMED.length]).catch((err) => err.message);
          const status = statusOf(response);
          if (status !== 0 && (status < 400 || status >= 600)) failures.push(`malformed ${i}: ${status}`);
          bad++;
        } else {
          const response = await raw(get('/widget/article-widget.css'));
          const [head, body] = response.split('\r\n\r\n');
          if (statusOf(head) !== 200 || body !== page) failures.push(`request ${i}: ${head.split('\r\n')[0]}`);
          good++;
        }
      }
    }
    await Promise.all(Array.from({ length: 32 }, worker));
    assert.deepEqual(failures.slice(0, 5), []);
    assert.equal(good + bad, 10_000);
    assert.equal(bad, 500);
    assert.equal(statusOf(await raw(get('/krebs/'))), 200);
    assert.equal(server.exitCode, null);
  });

  test('pages carry ETags and answer 304, HEAD has the headers without the body, and compression follows Accept-Encoding', async () => {
    const first = await fetch(`${ORIGIN}/krebs/`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.headers.get('content-encoding'), 'br');
    const etag = first.headers.get('etag');
    const again = await fetch(`${ORIGIN}/krebs/`, { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const head = await raw(`HEAD /krebs/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(statusOf(head), 200);
    assert.match(head, /content-length: \d+/i);
    assert.ok(head.endsWith('\r\n\r\n'), 'no body after the headers');
  });

  test('it stops cleanly on SIGTERM', async () => {
    server.kill('SIGTERM');
    const stopped = Date.now();
    const { code } = await exited;
    assert.equal(code, 0);
    assert.ok(Date.now() - stopped < 6_000);
    assert.match(stderr, /stopped/);
  });
});
