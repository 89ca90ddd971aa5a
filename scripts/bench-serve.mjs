// The server's benchmark: `./dev bench serve` (and `./dev bench`, after the site build). The
// site of static/articles is served by `article-widget serve` (release build) and by nginx
// (Debian's, run in the foreground with a temporary configuration, over the same site written
// by `article-widget build`), and wrk, the same load generator for both, asks each in turn for
// an article page and for an oEmbed answer (nginx: the static oembed.json; serve: its endpoint,
// fitted to maxwidth=360) with 64 connections. Then the page again while the article is
// edited once a second, so the server rebuilds under load. Writes its own section of
// docs/benchmarks.md (between the serve markers), leaving the rest as it is.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, DIST, ROOT } from '../tests/e2e/support.mjs';
import { markers, writeSection } from './bench-report.mjs';

const SECONDS = Number(process.env.SERVE_SECONDS ?? 10);
const ROUNDS = Number(process.env.SERVE_ROUNDS ?? 3);
const CONNECTIONS = 64;
const TARGET = { throughput: 0.9, p99: 1.5 };
const [START, END] = markers('serve');
const log = (line) => console.error(`bench serve: ${line}`);

const work = await mkdtemp(join(tmpdir(), 'artw-bench-serve-'));
const articles = join(work, 'articles');
await cp(join(ROOT, 'static/articles'), articles, { recursive: true });
const seed = JSON.parse(await readFile(join(articles, 'krebs.json'), 'utf8'));
// At full speed wrk's own threads compete with the faster server for the same cores, and its
// latencies then measure its own queue too; paced, each connection waits 1 ms after each
// answer (wrk's delay()), which keeps both servers below what they can do.
const PACE = join(work, 'pace.lua');
await writeFile(PACE, 'function delay()\n  return 1\nend\n');

const freePort = async () => {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
};

// nginx over the site `build` writes, in the foreground, logging nothing per request.
const nginxPort = await freePort();
const site = join(work, 'site');
execFileSync(CLI, ['build', articles, '--base-url', `http://127.0.0.1:${nginxPort}/`, '-o', site, '--widget', DIST],
  { stdio: ['ignore', 'ignore', 'inherit'] });
await writeFile(join(work, 'nginx.conf'), `
user root;
worker_processes auto;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  types { application/json json; application/wasm wasm; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  etag on;
  client_body_temp_path ${work}/nginx-body;
  proxy_temp_path ${work}/nginx-proxy;
  fastcgi_temp_path ${work}/nginx-fastcgi;
  uwsgi_temp_path ${work}/nginx-uwsgi;
  scgi_temp_path ${work}/nginx-scgi;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${site};
    location / { try_files $uri $uri/index.html =404; }
  }
}
`);
const nginx = spawn('nginx', ['-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });

/** Starts `article-widget serve` and resolves with its origin and process. */
async function startServe(extra) {
  const child = spawn(CLI, ['serve', articles, '--port', '0', '--widget', DIST, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const printed = out.match(/ at (http:\/\/\S+?)\/ /);
      if (printed) resolve(printed[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${errors}`)));
  });
  const stop = () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); });
  return { origin, stop, errors: () => errors };
}

const MS = { us: 0.001, ms: 1, s: 1000 };
/** One wrk run: requests/s and latency percentiles in ms. */
async function wrk(url, seconds = SECONDS, paced = false) {
  const pace = paced ? ['-s', PACE] : [];
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...pace, url],
    { encoding: 'utf8' });
  const latency = (percent) => {
    const [, value, unit] = out.match(new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s)$`, 'm'));
    return Number(value) * MS[unit];
  };
  const [, max, maxUnit] = out.match(/^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)/m);
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? '0';
  const socketErrors = out.match(/Socket errors: (.*)$/m)?.[1];
  if (errors !== '0' || socketErrors) throw new Error(`wrk saw errors against ${url}:\n${out}`);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50: latency(50),
    p99: latency(99),
    max: Number(max) * MS[maxUnit],
  };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  max: Math.max(...runs.map((r) => r.max)),
});

const results = {};
try {
  const serve = await startServe(['--no-watch']);
  const endpoint = `${serve.origin}/oembed?url=${encodeURIComponent(`${serve.origin}/krebs/`)}&maxwidth=360`;
  const targets = {
    page: { nginx: `http://127.0.0.1:${nginxPort}/krebs/`, serve: `${serve.origin}/krebs/` },
    oembed: { nginx: `http://127.0.0.1:${nginxPort}/krebs/oembed.json`, serve: endpoint },
  };
  for (const [what, urls] of Object.entries(targets)) {
    for (const url of Object.values(urls)) {
      const answer = await fetch(url);
      if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
    }
    const runs = { nginx: [], serve: [] };
    await wrk(urls.serve, 2);
    await wrk(urls.nginx, 2);
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['nginx', 'serve']) {
        const run = await wrk(urls[name]);
        runs[name].push(run);
        log(`${what}, ${name}, round ${round + 1}: ${run.rps.toFixed(0)} requests/s, p99 ${run.p99.toFixed(2)} ms`);
      }
    }
    const paced = { nginx: [], serve: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['nginx', 'serve']) {
        const run = await wrk(urls[name], SECONDS, true);
        paced[name].push(run);
        log(`${what}, ${name}, paced, round ${round + 1}: ${run.rps.toFixed(0)} requests/s, p99 ${run.p99.toFixed(2)} ms`);
      }
    }
    results[what] = {
      nginx: summary(runs.nginx), serve: summary(runs.serve), runs,
      paced: { nginx: summary(paced.nginx), serve: summary(paced.serve) },
    };
  }
  await serve.stop();

  // Rebuilds under load: the article is edited once a second while wrk asks for its page.
  const watching = await startServe([]);
  const page = `${watching.origin}/krebs/`;
  await wrk(page, 2);
  const quiet = await wrk(page);
  log(`page while watching, no edits: ${quiet.rps.toFixed(0)} requests/s, p99 ${quiet.p99.toFixed(2)} ms`);
  let edits = 0;
  const editor = setInterval(() => {
    edits++;
    writeFile(join(articles, 'krebs.json'), JSON.stringify({ ...seed, headline: `${seed.headline} (${edits})` }));
  }, 1000);
  const busy = await wrk(page);
  clearInterval(editor);
  await new Promise((done) => setTimeout(done, 500));
  const took = (what) => (watching.errors().match(new RegExp(`rebuilt ${what} in \\d+ ms`, 'g')) ?? [])
    .map((line) => Number(line.match(/(\d+) ms/)[1]));
  const rebuilds = took('the site');
  const articleRebuilds = took('the changed articles');
  log(`page while rebuilding: ${busy.rps.toFixed(0)} requests/s, p99 ${busy.p99.toFixed(2)} ms, ${rebuilds.length} rebuilds`);
  results.rebuild = { quiet, busy, rebuilds, articleRebuilds };
  await watching.stop();
} finally {
  nginx.kill('SIGQUIT');
  await new Promise((done) => nginx.once('exit', done));
}

// `wrk -v` prints its version and usage, and exits with 1.
const wrkVersion = spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0].trim();
const ms = (value) => `${value.toFixed(2)} ms`;
const rps = (value) => value.toLocaleString('en', { maximumFractionDigits: 0 });
const verdict = (met) => (met ? 'met' : '**not met**');
const row = (what, { nginx, serve }, paced = false) => {
  const ratio = serve.rps / nginx.rps;
  const p99 = serve.p99 / nginx.p99;
  const throughput = paced ? '' : ` (${verdict(ratio >= TARGET.throughput)})`;
  return `| ${what} | ${rps(nginx.rps)} | ${rps(serve.rps)} | **${ratio.toFixed(2)}×**${throughput} | ${ms(nginx.p99)} | ${ms(serve.p99)} | **${p99.toFixed(2)}×** (${verdict(p99 <= TARGET.p99)}) |`;
};
const { quiet, busy, rebuilds, articleRebuilds } = results.rebuild;
const range = (values) => (values.length ? `${Math.min(...values)}–${Math.max(...values)} ms` : 'none seen');
const rounds = (runs) => runs.map((run) => `${rps(run.rps)}/s, ${ms(run.p99)}`).join('; ');
const section = `${START}
## 10. Serving: \`article-widget serve\` against nginx

Measured by \`./dev bench serve\` (\`scripts/bench-serve.mjs\`, also run by \`./dev bench\`) on
${new Date().toISOString().slice(0, 10)}: ${cpus()[0].model.trim()}, ${cpus().length} cores shared by the server, the load
generator and whatever else the machine runs. ${wrkVersion.replace(/ \[.*$/, '')} (\`-t2 -c${CONNECTIONS} -d${SECONDS}s --latency\`), the same generator
for both servers, over loopback, without \`Accept-Encoding\` (both send the bytes as they are).
nginx ${nginxVersionText()} (Debian's, \`worker_processes auto\`, \`sendfile\`, no access log) serves the
site \`article-widget build\` writes from static/articles; \`article-widget serve --no-watch\`
(release build) serves the same site from memory. Each figure is the median of ${ROUNDS} runs,
taken in turn (nginx, serve, nginx, …) after a 2 s warm-up of each.

| request | nginx requests/s | serve requests/s | serve / nginx (≥ ${TARGET.throughput}×) | nginx p99 | serve p99 | serve / nginx (≤ ${TARGET.p99}×) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('the article page, /krebs/', results.page)}
${row('oEmbed: nginx the static oembed.json, serve /oembed?url=…&maxwidth=360', results.oembed)}

Paced, the same ${CONNECTIONS} connections each waiting 1 ms after each answer (wrk's \`delay()\`), so
neither server is at its limit and the latencies are the servers' own:

| request | nginx requests/s | serve requests/s | serve / nginx | nginx p99 | serve p99 | serve / nginx (≤ ${TARGET.p99}×) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('the article page, /krebs/', results.page.paced, true)}
${row('oEmbed', results.oembed.paced, true)}

Each round at full speed, as requests/s and p99 (the tail moves with whatever else the machine runs; wrk
keeps its ${CONNECTIONS} connections busy, so the faster server also has wrk's threads competing
with it for the same two cores):

| request | nginx | serve |
| --- | --- | --- |
${['page', 'oembed'].map((what) => `| ${what === 'page' ? 'the article page' : 'oEmbed'} | ${rounds(results[what].runs.nginx)} | ${rounds(results[what].runs.serve)} |`).join('\n')}

**Rebuilding under load.** \`article-widget serve\` watching the folder, the article page at
${CONNECTIONS} connections for ${SECONDS} s while its article was edited once a second
(${rebuilds.length} rebuilds: the changed article alone in ${range(articleRebuilds)}, then the whole site in
${range(rebuilds)}):

| | requests/s | p50 | p99 | slowest |
| --- | ---: | ---: | ---: | ---: |
| no edits | ${rps(quiet.rps)} | ${ms(quiet.p50)} | ${ms(quiet.p99)} | ${ms(quiet.max)} |
| an edit a second | ${rps(busy.rps)} | ${ms(busy.p50)} | ${ms(busy.p99)} | ${ms(busy.max)} |
${END}`;

function nginxVersionText() {
  // `nginx -v` prints to standard error.
  return spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.match(/nginx\/(\S+)/)?.[1] ?? '';
}

await writeSection('serve', section);
console.log(section);
log('wrote its section of docs/benchmarks.md');
await rm(work, { recursive: true, force: true });
