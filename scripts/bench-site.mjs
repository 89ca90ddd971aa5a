// The site build's benchmark: `./dev bench site` (and `./dev bench`, after the browser measures)
// generates 10,000 articles, times `article-widget build` over them with /usr/bin/time (wall
// time and peak memory), first into an empty folder, then again with nothing changed, then
// with one article changed, then once more into memory (/dev/shm), and writes its own section
// of docs/benchmarks.md (between the site-build markers), leaving the rest of the file as it is.
//
// Nothing is deleted before the first build: ext4 without a journal (this machine's disk)
// skips inodes freed in the last 60-360 s when it makes a file (recently_deleted() in
// fs/ext4/ialloc.c), so creating 60,000 files right after deleting as many costs several times
// as much system time. The previous run's folders are removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { CLI, DIST, ROOT } from '../tests/e2e/support.mjs';
import { markers, writeSection } from './bench-report.mjs';

const COUNT = Number(process.env.SITE_ARTICLES ?? 10_000);
const BUDGET = { seconds: 15, megabytes: 300 };
const [START, END] = markers('site-build');
const log = (line) => console.error(`bench site: ${line}`);

const work = join(ROOT, `target/bench-site-${Date.now()}`);
const articles = join(work, 'articles');
const site = join(work, 'site');
const seed = JSON.parse(await readFile(join(ROOT, 'static/articles/krebs.json'), 'utf8'));
const paragraphs = seed.body.filter((block) => block.type === 'paragraph');
const others = seed.body.filter((block) => block.type !== 'paragraph');
const AUTHORS = ['Bobby Hellard', 'Amara Okafor', 'Lena Fischer', 'Diego Ramírez', 'Mei Tanaka', 'Sam Whitfield'];

/**
 * Article `i`: the seed's paragraphs in a different order and number (4 to 16), its pull
 * quote and promo, one or two authors, a date, and every fifth with a lead image.
 */
function article(i) {
  const count = 4 + (i % 13);
  const body = Array.from({ length: count }, (_, k) => paragraphs[(i + k) % paragraphs.length]);
  body.splice(2, 0, ...others);
  if (i % 5 === 0) {
    body.unshift({ type: 'image', src: `https://news.example/images/${i}.jpg`, alt: `Picture ${i}`, width: 1200, height: 675 });
  }
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000 * 7);
  return {
    ...seed,
    headline: `${seed.headline} (${i + 1})`,
    kicker: i % 3 === 0 ? 'Security' : undefined,
    published: day.toISOString().replace(/\.\d+Z$/, 'Z'),
    authors: [{ ...seed.authors[0], name: AUTHORS[i % AUTHORS.length] },
      ...(i % 4 === 0 ? [{ name: AUTHORS[(i + 1) % AUTHORS.length] }] : [])],
    body,
  };
}

await mkdir(articles, { recursive: true });
log(`writing ${COUNT.toLocaleString('en')} articles`);
let corpusBytes = 0;
for (let i = 0; i < COUNT; i++) {
  const text = JSON.stringify(article(i), null, 1);
  corpusBytes += Buffer.byteLength(text);
  await writeFile(join(articles, `story-${String(i).padStart(5, '0')}.json`), text);
}

/** One build under /usr/bin/time: wall seconds, peak RSS in MB, the summary line. */
function build(label, output = site) {
  log(label);
  const run = spawnSync('/usr/bin/time', ['-v', CLI, 'build', articles, '--base-url', 'https://news.example/', '-o', output, '--widget', DIST],
    { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${label}: the build failed\n${run.stderr}`);
  const field = (name) => run.stderr.match(new RegExp(`${name}: (.*)`))[1].trim();
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2).map(Number);
  const summary = run.stderr.split('\n').find((line) => line.startsWith('built '));
  return {
    label,
    seconds: m * 60 + s,
    megabytes: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    cpu: Number(field('Percent of CPU this job got').replace('%', '')) / 100,
    user: Number(field('User time \\(seconds\\)')),
    system: Number(field('System time \\(seconds\\)')),
    summary,
  };
}

const cores = availableParallelism();
const runs = [build('into an empty folder')];
const files = Number(execFileSync('sh', ['-c', 'find "$0" -type f | wc -l', site], { encoding: 'utf8' }).trim());
const siteBytes = Number(execFileSync('du', ['-sb', site], { encoding: 'utf8' }).split('\t')[0]);
runs.push(build('again, nothing changed'));
const changed = join(articles, 'story-00042.json');
await writeFile(changed, (await readFile(changed, 'utf8')).replace('"headline": "', '"headline": "Updated: '));
runs.push(build('again, one article changed'));
const memory = '/dev/shm/article-widget-bench-site';
await rm(memory, { recursive: true, force: true });
runs.push(build('into an empty folder in memory (tmpfs)', memory));
await rm(memory, { recursive: true, force: true });

const first = runs[0];
const inMemory = runs[3];
const perCore = (run) => COUNT / run.seconds / Math.min(cores, Math.max(1, run.cpu));
const mb = (value) => `${value.toFixed(0)} MB`;
const row = (run) => `| ${run.label} | ${run.seconds.toFixed(2)} s | ${run.user.toFixed(1)} s / ${run.system.toFixed(1)} s | ${mb(run.megabytes)} | ${run.cpu.toFixed(2)} | ${run.summary.replace(/^built .*? into [^:]*: /, '').replace(/, in [\d.]+ s$/, '')} |`;
const verdict = (met) => (met ? 'met' : '**not met**');
const section = `${START}
## 9. Building a site of ${COUNT.toLocaleString('en')} articles

Measured by \`./dev bench site\` (\`scripts/bench-site.mjs\`, also run by \`./dev bench\`) on
${new Date().toISOString().slice(0, 10)}: ${cpus()[0].model.trim()}, ${cores} cores, the release \`article-widget build\`,
timed by \`/usr/bin/time -v\` (wall time, peak resident memory, CPU use in cores). The corpus is
generated from the seed: 4 to 16 paragraphs, a pull quote and a promo each, one or two authors,
every fifth with a lead image; ${(corpusBytes / 1e6).toFixed(1)} MB of JSON. The site has
${files.toLocaleString('en')} files, ${(siteBytes / 1e6).toFixed(0)} MB.

| build | wall time | user / system time | peak memory | cores used | what it did |
| --- | ---: | ---: | ---: | ---: | --- |
${runs.map(row).join('\n')}

Throughput of the first build on disk: **${(COUNT / first.seconds).toFixed(0)} articles/s**, **${(COUNT / first.seconds / cores).toFixed(0)} articles/s per core**
(${perCore(first).toFixed(0)} per core it kept busy); in memory: **${(COUNT / inMemory.seconds).toFixed(0)} articles/s**,
**${(COUNT / inMemory.seconds / cores).toFixed(0)} articles/s per core** (${perCore(inMemory).toFixed(0)} per core it kept busy). What the disk
adds is file creation (system time), not rendering; see
[the notes on the site build](#the-site-build-on-this-machines-disk).

| budget | measured | verdict |
| --- | ---: | --- |
| ${COUNT.toLocaleString('en')} articles built in ≤ ${BUDGET.seconds} s, on disk | ${first.seconds.toFixed(2)} s | ${verdict(first.seconds <= BUDGET.seconds)} |
| ${COUNT.toLocaleString('en')} articles built in ≤ ${BUDGET.seconds} s, in memory | ${inMemory.seconds.toFixed(2)} s | ${verdict(inMemory.seconds <= BUDGET.seconds)} |
| rebuild with one article changed ≤ ${BUDGET.seconds} s, on disk | ${runs[2].seconds.toFixed(2)} s | ${verdict(runs[2].seconds <= BUDGET.seconds)} |
| peak memory ≤ ${BUDGET.megabytes} MB | ${mb(Math.max(...runs.map((r) => r.megabytes)))} | ${verdict(runs.every((r) => r.megabytes <= BUDGET.megabytes))} |
${END}`;

await writeSection('site-build', section);
console.log(section);
log('wrote its section of docs/benchmarks.md');
for (const name of await readdir(join(ROOT, 'target'))) {
  if (name.startsWith('bench-site-')) await rm(join(ROOT, 'target', name), { recursive: true, force: true });
}
