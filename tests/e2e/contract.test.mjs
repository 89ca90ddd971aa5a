// The JavaScript side of tests/fixtures/embed-contract.json, which tests/contract.rs checks
// against the Rust side: the byte cap, the failures' names and the themes are spelled alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

const contract = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/embed-contract.json'), 'utf8'));
const renderHalf = await import(join(ROOT, 'static/article-widget-render.js'));

/** The list a source file declares as `start['a', 'b']` or `start'a' | 'b';`, as an array. */
async function declared(file, start) {
  const source = await readFile(join(ROOT, file), 'utf8');
  const at = source.indexOf(start);
  assert.ok(at >= 0, `${file} declares ${start}`);
  const line = source.slice(at + start.length, source.indexOf(';', at));
  return [...line.matchAll(/'([^']*)'/g)].map((match) => match[1]);
}

test("the rendering half's byte cap is the contract's", () => {
  assert.equal(renderHalf.MAX_BYTES, contract.maxArticleBytes);
});

test("the failures the rendering half names are the contract's", () => {
  assert.deepEqual(Object.values(renderHalf.FAILURE), contract.failures);
});

test("the loader's themes, and the package's Theme type, are the contract's", async () => {
  assert.deepEqual(await declared('static/article-widget.js', 'const THEMES = '), contract.themes);
  assert.deepEqual(await declared('static/package/article-widget.d.ts', 'export type Theme = '), contract.themes);
});
