// Takes the README's pictures of the built demo (dist/) in headless Chromium.
// Usage: node scripts/screenshots.mjs [out-dir]   (./dev screenshots builds first)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, launch, serve } from '../tests/e2e/support.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs', 'screenshots');
const shots = [
  { name: 'seed-desktop-light.png', path: '/', width: 1280, colorScheme: 'light' },
  { name: 'seed-desktop-dark.png', path: '/', width: 1280, colorScheme: 'dark' },
  { name: 'seed-phone.png', path: '/', width: 360, colorScheme: 'light' },
  { name: 'rtl-arabic.png', path: '/demo/rtl.html', width: 1280, colorScheme: 'light' },
];

await mkdir(out, { recursive: true });
const server = await serve(DIST);
const browser = await launch();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 900 }, colorScheme: shot.colorScheme });
    await page.goto(server.origin + shot.path);
    await page.locator('[data-article-widget] .artw-article').waitFor();
    await page.screenshot({ path: join(out, shot.name), fullPage: true });
    await page.close();
    console.log(`wrote ${join(out, shot.name)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
