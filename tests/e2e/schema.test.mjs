// static/article.schema.json accepts every fixture and refuses what the widget refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { CLI, ROOT } from './support.mjs';

const schema = JSON.parse(await readFile(join(ROOT, 'static/article.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const articles = join(ROOT, 'static/articles');

test('every article fixture matches the schema', async () => {
  for (const name of (await readdir(articles)).filter((n) => n.endsWith('.json'))) {
    const article = JSON.parse(await readFile(join(articles, name), 'utf8'));
    assert.ok(validate(article), `${name}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema refuses what the widget refuses', async () => {
  const seed = JSON.parse(await readFile(join(articles, 'krebs.json'), 'utf8'));
  const broken = [
    { ...seed, headline: undefined },
    { ...seed, headline: '' },
    { ...seed, body: [] },
    { ...seed, body: [{ type: 'video' }] },
    { ...seed, body: [{ type: 'paragraph' }] },
    { ...seed, body: [{ type: 'heading', text: [{ text: 'x', em: true }] }] },
    { ...seed, body: [{ type: 'image', src: 'a.png' }] },
    { ...seed, body: [{ type: 'promo', text: 'no title' }] },
    { ...seed, body: [{ type: 'list', items: [] }] },
    { ...seed, body: [{ type: 'list', items: [{ list: { items: ['x'] } }] }] },
    { ...seed, body: [{ type: 'table', rows: [] }] },
    { ...seed, body: [{ type: 'table', rows: [[]] }] },
    { ...seed, body: [{ type: 'table', rows: [[{ text: 'x', colspan: 0 }]] }] },
    { ...seed, body: [{ type: 'table', rows: [[{ text: 'x', header: true, scope: 'all' }]] }] },
    { ...seed, published: '18/11/2020' },
    { ...seed, lang: 'english!' },
    { ...seed, authors: [{ role: 'Editor' }] },
    { ...seed, related: [{ url: 'https://example.com' }] },
  ];
  for (const article of broken) {
    assert.equal(validate(JSON.parse(JSON.stringify(article))), false, JSON.stringify(article).slice(0, 200));
  }
});

test('every article `import` writes from the import fixtures matches the schema', async () => {
  const fixtures = join(ROOT, 'tests/fixtures/import');
  const sources = (await readdir(fixtures)).map((name) => join(fixtures, name));
  const out = await mkdtemp(join(tmpdir(), 'artw-import-'));
  try {
    execFileSync(CLI, ['import', ...sources, '-o', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const written = (await readdir(out)).filter((n) => n.endsWith('.json'));
    assert.ok(written.length >= sources.length, `${written.length} articles from ${sources.length} sources`);
    for (const name of written) {
      const article = JSON.parse(await readFile(join(out, name), 'utf8'));
      assert.ok(validate(article), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
