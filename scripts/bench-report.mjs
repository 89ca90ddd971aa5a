// docs/benchmarks.md is written in parts: scripts/bench.mjs writes the report and the notes,
// and the benchmarks that run on their own (bench-site.mjs, bench-serve.mjs) each write one
// section between its markers, which the others keep as it is.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/support.mjs';

const REPORT = join(ROOT, 'docs/benchmarks.md');

/** The markers around the section named `name`. */
export const markers = (name) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];

/** The sections of the report written by the benchmarks that run on their own. */
export const OWN_SECTIONS = ['site-build', 'serve'];

/** Each of `names`' sections as the report holds it now, with its markers. */
export async function sectionsNow(names = OWN_SECTIONS) {
  const report = await readFile(REPORT, 'utf8').catch(() => '');
  return names.map((name) => {
    const [start, end] = markers(name);
    const at = report.indexOf(start);
    return at < 0 ? '' : `${report.slice(at, report.indexOf(end, at) + end.length)}\n`;
  }).filter(Boolean);
}

/**
 * Puts `section` (which starts and ends with `name`'s markers) in place of the report's, or
 * before the notes when the report has none yet.
 */
export async function writeSection(name, section) {
  const [start, end] = markers(name);
  const report = await readFile(REPORT, 'utf8').catch(() => '');
  const at = report.indexOf(start);
  const notes = report.indexOf('\n## Why some budgets are not met');
  let updated;
  if (at >= 0) {
    updated = report.slice(0, at) + section + report.slice(report.indexOf(end, at) + end.length);
  } else if (notes >= 0) {
    updated = `${report.slice(0, notes)}\n${section}\n${report.slice(notes)}`;
  } else {
    updated = `${report.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(REPORT, updated);
}
