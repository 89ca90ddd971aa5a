// What a host downloads, gzip -9: each payload against this build's ceiling, and on a page
// whose widgets are all pre-rendered, no wasm at all. Sizes are deterministic, so they are
// tested; timings are not and live in docs/benchmarks.md.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, PAYLOADS, serveAndLaunch } from './support.mjs';

/**
 * What each payload may weigh: its measured size plus 1 %, lowered as the sizes come down, so
 * that any growth fails here. The pre-rendered one was raised from 4,400 for the
 * <article-widget> element in the loader (540 bytes), then from 4,930 for its reading past
 * clobbered globals and its timeout counted from mount (74 bytes), to measured + 2 % when the
 * dateline's labels and the loader's fair queue came (4,953 and 120,145 bytes), and the
 * pre-rendered one again for the dateline's clean wrap and the lead image (5,024 bytes), and
 * for the stylesheet's lists, tables, code, dividers and notes (5,230 bytes). Saved posts and
 * video facades (their stylesheet, the facade's play in the loader, their reading and
 * rendering in the wasm) took both past their budgets, less what shorter wasm import names
 * saved: 5,760 and 124,533 bytes.
 */
const CEILINGS = {
  'pre-rendered': 5_810,
  'client-rendered': 125_770,
};

/**
 * Payloads over the budget. A budget out of reach is reported rather than failed, as
 * the project's brief allows; docs/benchmarks-notes.md says what was tried and what each
 * attempt measured. One that comes back under its budget must leave this list.
 */
const OVER_BUDGET = new Set(['pre-rendered', 'client-rendered']);

const gzipped = async (file) => gzipSync(await readFile(join(DIST, file)), { level: 9 }).length;

for (const [name, { files, budget }] of Object.entries(PAYLOADS)) {
  test(`the ${name} payload stays under its ceiling, and under its budget unless declared over it`, async (t) => {
    const sizes = {};
    for (const file of files) sizes[file] = await gzipped(file);
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    const ceiling = CEILINGS[name];
    console.log(`${name}: ${total} bytes gzip -9 (budget ${budget}, ceiling ${ceiling}): ${JSON.stringify(sizes)}`);
    assert.ok(total <= ceiling, `${total} bytes gzip is over the ceiling of ${ceiling}`);
    if (OVER_BUDGET.has(name)) {
      assert.ok(total > budget, `${total} bytes is under the budget of ${budget} again: take ${name} off OVER_BUDGET`);
      t.diagnostic(`${name}: ${total} bytes gzip is ${total - budget} over the budget of ${budget} (docs/benchmarks-notes.md)`);
    } else {
      assert.ok(total <= budget, `${total} bytes gzip is over the budget of ${budget}`);
    }
  });
}

test('the pre-rendered demo page downloads only the pre-rendered payload: no wasm', async () => {
  const { server, browser } = await serveAndLaunch({}, after);
  const tab = await browser.newPage();
  const ours = [];
  tab.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/(wasm\/|article-widget)/.test(path)) ours.push(path.slice(1));
  });
  await tab.goto(server.origin + '/');
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(ours.sort(), [...PAYLOADS['pre-rendered'].files].sort());
  await tab.close();
});

/**
 * `article-widget import` is native only: its crates are not in the wasm's dependency tree
 * (tests/import.rs checks that with cargo tree), and the release wasm carries none of their
 * names nor any of the importer's own messages.
 */
const IMPORT_MARKERS = [
  'dom_smoothie', 'dom_query', 'html5ever', 'feed_rs', 'feed-rs', 'pulldown_cmark', 'pulldown-cmark',
  'serde_saphyr', 'src/import/', 'artw-import-slot', 'no article text found',
  "the promo's sign-up form cannot be carried",
];

const importMarkersIn = (bytes) => IMPORT_MARKERS.filter((marker) => bytes.includes(Buffer.from(marker)));

test('the release wasm carries nothing of the importer', async () => {
  const wasm = await readFile(join(DIST, 'wasm/article-widget_bg.wasm'));
  assert.ok(wasm.length > 50_000, 'the release wasm is there');
  assert.deepEqual(importMarkersIn(wasm), []);
});
