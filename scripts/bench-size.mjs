// The size breakdown section of docs/benchmarks.md, for scripts/bench.mjs (or on its own:
// `node scripts/bench-size.mjs` prints the section).
//
// Builds the widget's wasm again into its own target directory (target/bench-names), with the
// same cargo command, wasm-bindgen and wasm-opt flags as the release build (the flags are read
// from scripts/finish-release.sh) but with v0 symbol names and the names section kept
// (`wasm-bindgen --keep-debug`, `wasm-opt -g`), so twiggy can name every function. The code and data sections are compared
// with the shipped dist/wasm/article-widget_bg.wasm, so the breakdown is known to be of the
// same code. Bytes are then added up by crate and by the widget's own module; the data section
// of the shipped wasm is split by what its bytes are.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const NAMES_DIR = join(ROOT, 'target/bench-names');

// ---------------------------------------------------------------- wasm sections
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** The module's sections: { id, name (custom sections), start, end } (payload offsets). */
export function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    let name = '';
    if (id === 0) {
      const [length, next] = leb(bytes, at);
      name = bytes.subarray(next, next + length).toString();
    }
    found.push({ id, name, start: at, end: at + size });
    at += size;
  }
  return found;
}

/** The data section's segments' payloads (active and passive), as Buffers. */
export function dataSegments(bytes) {
  const section = sections(bytes).find((s) => s.id === 11);
  if (!section) return [];
  let [count, at] = leb(bytes, section.start);
  const segments = [];
  while (count-- > 0) {
    let flags;
    [flags, at] = leb(bytes, at);
    if (flags === 2) [, at] = leb(bytes, at); // memory index
    if (flags === 0 || flags === 2) {
      // the offset: `i32.const n` (0x41, signed LEB) or `global.get g` (0x23), then `end`
      const opcode = bytes[at++];
      if (opcode !== 0x41 && opcode !== 0x23) throw new Error(`data segment offset: opcode ${opcode}`);
      [, at] = leb(bytes, at);
      if (bytes[at++] !== 0x0b) throw new Error('data segment offset: no end');
    }
    let size;
    [size, at] = leb(bytes, at);
    segments.push(bytes.subarray(at, at + size));
    at += size;
  }
  return segments;
}

// ---------------------------------------------------------------- the names build
function wasmOptFlags() {
  const script = readFileSync(join(ROOT, 'scripts/finish-release.sh'), 'utf8');
  const start = script.search(/^wasm-opt /m);
  if (start < 0) throw new Error('scripts/finish-release.sh: no wasm-opt command found');
  const lines = [];
  for (const line of script.slice(start).split('\n')) {
    lines.push(line.replace(/\\$/, ''));
    if (!line.trimEnd().endsWith('\\')) break;
  }
  return lines.join(' ').split(/\s+/).filter((token) => token.startsWith('-') && token !== '-o');
}

function buildNamed(log) {
  mkdirSync(NAMES_DIR, { recursive: true });
  const run = (command, args, env = {}) => {
    log(`  ${command} ${args.join(' ')}`);
    execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  };
  // v0 symbol mangling names generic functions with their type arguments
  // (`CompStateInner<…::ArticleView>::view`), so instantiations for the widget's types can be
  // told apart; it changes names, not code (the sizes are compared with the shipped wasm).
  run('cargo', ['build', '--release', '--lib', '--locked', '--quiet', '--target', 'wasm32-unknown-unknown',
    '--target-dir', NAMES_DIR], { RUSTFLAGS: '-C symbol-mangling-version=v0' });
  const built = join(NAMES_DIR, 'wasm32-unknown-unknown/release/article_widget.wasm');
  const bindgen = join(NAMES_DIR, 'bindgen');
  run('wasm-bindgen', [built, '--target', 'web', '--keep-debug', '--no-typescript', '--out-dir', bindgen,
    '--out-name', 'article-widget']);
  const unoptimised = join(bindgen, 'article-widget_bg.wasm');
  const named = join(NAMES_DIR, 'article-widget-named.wasm');
  run('wasm-opt', ['-g', ...wasmOptFlags(), unoptimised, '-o', named]);
  return { unoptimised, named };
}

function twiggy(file) {
  const out = execFileSync('twiggy', ['top', '--format', 'json', '-n', '4294967295', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out).map((item) => ({ name: item.name, bytes: item.shallow_size }));
}

// ---------------------------------------------------------------- who owns an item
const PRIMITIVE = /^(char|str|bool|[iu](8|16|32|64|128|size)|f(32|64))\b/;

/** The index just past the `>` that closes the `<` at `open`. */
function closing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>' && text[i - 1] !== '-') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** Splits `X as Y` at its top-level ` as `. */
function splitAs(inner) {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && inner[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (depth === 0 && inner.startsWith(' as ', i)) return [inner.slice(0, i), inner.slice(i + 4)];
  }
  return [inner, null];
}

/**
 * The path of the item that owns a demangled Rust symbol, for `<X as Trait>::f` the type X
 * (the trait when X is a generic parameter or a primitive), for drop glue the dropped type;
 * null when it is no Rust path.
 */
function ownerPath(symbol) {
  let text = symbol.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').trim();
  text = text.replace(/^(&|&mut |\*const |\*mut |mut |dyn |\[|\()+/, '');
  if (text.startsWith('<')) {
    const end = closing(text, 0);
    const [self, trait] = splitAs(text.slice(1, end - 1));
    const owner = ownerPath(self);
    if (owner && owner.includes('::')) return owner;
    if (trait) return ownerPath(trait) ?? owner;
    return owner ?? (PRIMITIVE.test(self.replace(/^[&*a-z ]*/, '')) ? 'core' : null);
  }
  const drop = text.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (drop) return ownerPath(drop[1]) ?? 'core';
  if (PRIMITIVE.test(text) && !text.includes('::')) return 'core';
  const path = text.match(/^[A-Za-z_][A-Za-z0-9_]*(::([A-Za-z_][A-Za-z0-9_]*|\{\{[a-z]+\}\}|\{[a-z]+#\d+\}))*/);
  if (!path || !path[0].includes('::')) return null;
  return path[0];
}

/** The widget's own modules, from the files under src/: ['components::byline_card', …]. */
export function ownModules() {
  const modules = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.rs') && !relative(join(ROOT, 'src'), path).startsWith('bin')) {
        const module = relative(join(ROOT, 'src'), path).replace(/\.rs$/, '').replace(/(^|\/)(mod|lib)$/, '');
        modules.push(module.replaceAll('/', '::'));
      }
    }
  };
  walk(join(ROOT, 'src'));
  return modules.sort((a, b) => b.length - a.length);
}

const GROUPS = {
  own: 'article_widget: its own functions',
  instances: 'article_widget: other crates\' generic code instantiated for its types',
  names: 'the names section (only in this build; not shipped)',
  data: 'data section (split below)',
  glue: 'wasm-bindgen exports, imports and shims',
  unnamed: 'functions without a name (written by wasm-opt)',
  structure: 'types, table, element segments, globals, memory',
  builtins: 'compiler builtins (memcpy, memcmp, …)',
  custom: 'other custom sections',
};

const BUILTINS = /^(memcpy|memmove|memset|memcmp|bcmp)$|^compiler_builtins::/;

/** The group (a crate, or one of GROUPS) and, for the widget's own code, its module. */
export function classify(name, modules) {
  if (/^"[a-z ]+" subsection$/.test(name) || name === "custom section 'name'") return { group: GROUPS.names };
  if (name.startsWith('data segment') || /^data\[\d+\]$/.test(name)) return { group: GROUPS.data };
  if (name.startsWith('custom section')) return { group: GROUPS.custom };
  if (/^code\[\d+\]$/.test(name)) return { group: GROUPS.unnamed };
  if (/^(type|table|elem|global|memory|start|func)\[/.test(name)) return { group: GROUPS.structure };
  if (BUILTINS.test(name)) return { group: GROUPS.builtins };
  if (name.startsWith('__rust') || name.startsWith('__rdl') || name.startsWith('__rg_')) return { group: 'std' };
  // wasm-bindgen's: imports, exports, the exported functions' wrappers (plain snake_case
  // names), their shims, the externref table's helpers.
  if (/^(import|export) /.test(name) || /shim$/.test(name) || /^__(wbindgen|wbg|externref)_/.test(name)
    || /^[a-z_][a-z0-9_]*$/.test(name) || /^(Closure|Ref|RefMut|NamedExternref|Externref)\(/.test(name)) {
    return { group: GROUPS.glue };
  }
  const owner = ownerPath(name);
  const ours = [...name.replace(/\[[0-9a-f]{16}\]/g, '').matchAll(/article_widget((::[A-Za-z_][A-Za-z0-9_]*)+)/g)]
    .map((m) => m[1].slice(2));
  if (ours.length > 0) {
    // The module named most often in the symbol (the first of those named as often).
    const counts = new Map();
    for (const path of ours) {
      const module = modules.find((m) => m && (path === m || path.startsWith(`${m}::`))) ?? '(crate root)';
      counts.set(module, (counts.get(module) ?? 0) + 1);
    }
    const module = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const own = owner?.split('::')[0] === 'article_widget';
    return { group: own ? GROUPS.own : GROUPS.instances, module };
  }
  if (!owner) return { group: GROUPS.glue };
  const crate = owner.split('::')[0];
  if (crate === 'compiler_builtins') return { group: GROUPS.builtins };
  if (crate === '__rustc') return { group: 'std' };
  return { group: crate };
}

function addUp(items, modules) {
  const groups = new Map();
  const own = new Map();
  for (const item of items) {
    const { group, module } = classify(item.name, modules);
    groups.set(group, (groups.get(group) ?? 0) + item.bytes);
    if (module) own.set(module, (own.get(module) ?? 0) + item.bytes);
  }
  return { groups, own };
}

// ---------------------------------------------------------------- what the data is
/** The string literals of the widget's Rust source (every .rs file under src/), unescaped. */
function sourceStrings() {
  const literals = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.rs')) literals.push(...rustStrings(readFileSync(path, 'utf8')));
    }
  };
  walk(join(ROOT, 'src'));
  return literals;
}

function unescape(body) {
  return body.replace(/\\(\n\s*|u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|.)/g, (all, what, unicode, hex) => {
    if (unicode) return String.fromCodePoint(parseInt(unicode, 16));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (what.startsWith('\n')) return '';
    return { n: '\n', t: '\t', r: '\r', 0: '\0' }[what] ?? what;
  });
}

/** String literals in Rust source: "…", b"…", r#"…"#; comments and char literals skipped. */
function rustStrings(source) {
  const found = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (source.startsWith('//', i)) {
      i = source.indexOf('\n', i);
      if (i < 0) break;
    } else if (source.startsWith('/*', i)) {
      let depth = 0;
      do {
        if (source.startsWith('/*', i)) { depth++; i += 2; } else if (source.startsWith('*/', i)) { depth--; i += 2; } else i++;
      } while (depth > 0 && i < source.length);
    } else if (/[rb]/.test(c) && /^(br|r)#*"/.test(source.slice(i, i + 20)) && !/[A-Za-z0-9_]/.test(source[i - 1] ?? '')) {
      const m = source.slice(i).match(/^(?:br|r)(#*)"/);
      const close = `"${m[1]}`;
      const end = source.indexOf(close, i + m[0].length);
      found.push(source.slice(i + m[0].length, end));
      i = end + close.length;
    } else if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      found.push(unescape(source.slice(i + 1, j)));
      i = j + 1;
    } else if (c === "'") {
      // a char literal ('x', '\n', '\u{..}', '"') or a lifetime ('a)
      const m = source.slice(i).match(/^'(\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'])'/u);
      i += m ? m[0].length : 1;
    } else i++;
  }
  return found;
}

/** Marks every occurrence of `needle` in `haystack` in `marks` (one flag a byte). */
function mark(haystack, needle, marks) {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    for (let k = 0; k < needle.length; k++) {
      if (!marks[at + k]) count++;
      marks[at + k] = 1;
    }
  }
  return count;
}

const MIN_STRING = 4; // shorter literals match by chance in unrelated bytes

function splitData(data, shippedCss) {
  const free = () => new Uint8Array(data.length);
  const taken = free();
  const row = (needles) => {
    const marks = free();
    for (const needle of needles) {
      const bytes = Buffer.from(needle);
      if (bytes.length >= MIN_STRING) mark(data, bytes, marks);
    }
    let bytes = 0;
    for (let i = 0; i < data.length; i++) {
      if (marks[i] && !taken[i]) {
        taken[i] = 1;
        bytes++;
      }
    }
    return bytes;
  };
  // The stylesheet, as written and as shipped, whole and rule by rule.
  const css = [readFileSync(join(ROOT, 'static/article-widget.css'), 'utf8'), shippedCss];
  const rules = css.flatMap((text) => text.split('}').map((rule) => rule.trim()).filter((rule) => rule.length >= 16));
  const stylesheet = row([...css, ...rules]);
  // Source paths first, so a literal that happens to be part of a path does not claim it.
  const text = data.toString('latin1');
  const paths = [...text.matchAll(/[A-Za-z0-9_.\-/~@+]*\/[A-Za-z0-9_.\-/~@+]*\.rs/g)].map((m) => m[0]);
  const sourcePaths = row(paths);
  const literals = sourceStrings();
  const pieces = literals.flatMap((literal) => [literal, ...literal.split(/\{[^{}]*\}/).map((p) => p.replaceAll('{{', '{').replaceAll('}}', '}'))]);
  const ours = row(pieces);
  return {
    total: data.length,
    stylesheet,
    sourcePaths,
    pathCount: new Set(paths).size,
    ours,
    literalCount: literals.length,
    rest: data.length - stylesheet - sourcePaths - ours,
  };
}

// ---------------------------------------------------------------- the section
/**
 * Builds, measures and returns the report's section as Markdown. `log` gets progress lines.
 */
export function sizeSection({
  log = () => {},
  top = 15,
  shipped = readFileSync(join(ROOT, 'dist/wasm/article-widget_bg.wasm')),
  shippedCss = readFileSync(join(ROOT, 'dist/article-widget.css'), 'utf8'),
} = {}) {
  const { unoptimised, named } = buildNamed(log);
  const namedBytes = readFileSync(named);
  const size = (bytes, id) => sections(bytes).filter((s) => s.id === id).reduce((sum, s) => sum + s.end - s.start, 0);
  const [code, dataSize] = [10, 11].map((id) => ({ named: size(namedBytes, id), shipped: size(shipped, id) }));
  const gap = Math.abs(code.named - code.shipped) + Math.abs(dataSize.named - dataSize.shipped);
  const close = gap <= 64;

  const modules = ownModules();
  const after = addUp(twiggy(named), modules);
  const before = addUp(twiggy(unoptimised), modules);
  const namesAfter = after.groups.get(GROUPS.names) ?? 0;
  after.groups.delete(GROUPS.names);
  before.groups.delete(GROUPS.names);
  const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);

  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
  const table = (after, before, heading) => {
    const [totalA, totalB] = [sum(after) || 1, sum(before) || 1];
    const names = [...new Set([...after.keys(), ...before.keys()])]
      .sort((a, b) => (after.get(b) ?? 0) - (after.get(a) ?? 0) || (before.get(b) ?? 0) - (before.get(a) ?? 0));
    const shown = names.slice(0, top);
    const rest = names.slice(top);
    const add = (map, keys) => keys.reduce((s, k) => s + (map.get(k) ?? 0), 0);
    const row = (label, a, b) => `| ${label} | ${kb(a)} | ${pct(a, totalA)} | ${kb(b)} | ${pct(b, totalB)} |`;
    const rows = shown.map((name) => row(name, after.get(name) ?? 0, before.get(name) ?? 0));
    if (rest.length) rows.push(row(`other (${rest.length})`, add(after, rest), add(before, rest)));
    return `| ${heading} | shipped (after wasm-opt) | share | before wasm-opt | share |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
| **total** | **${kb(sum(after))}** | **100 %** | **${kb(sum(before))}** | **100 %** |`;
  };

  const data = splitData(Buffer.concat(dataSegments(shipped)), shippedCss);
  const gzip = gzipSync(shipped, { level: 9 }).length;

  const markdown = `The shipped \`dist/wasm/article-widget_bg.wasm\` is ${kb(shipped.length)} raw, **${kb(gzip)} gzip -9**.
The breakdown is of a second build of the same source into \`target/bench-names\`: the same
cargo command with v0 symbol mangling (so a generic function's name carries its type
arguments), \`wasm-bindgen --keep-debug\`, then \`wasm-opt -g\` with the flags of
\`scripts/finish-release.sh\`, which keeps the names section that twiggy 0.8 reads. ${close
    ? `Its code and data sections are within ${gap} bytes of the shipped ones`
    : '**Its code and data sections differ from the shipped ones**'} (code ${code.named} vs ${code.shipped} bytes, data ${dataSize.named} vs ${dataSize.shipped})${close
    ? '.'
    : ': the source has changed since dist/ was built (`./dev bench` builds it first), so read the shares rather than the bytes.'}
Its names section (${kb(namesAfter)}) is left out below; the rest adds up to ${kb(sum(after.groups))}, the shipped file is ${kb(shipped.length)} (v0 names
also lengthen a few export names). Raw bytes (twiggy's shallow sizes), no compression.

An item counts as the widget's (article_widget) when its name mentions one of the widget's
items: its own functions, and other crates' generic code instantiated for its types (Yew's
\`CompStateInner<ArticleView>::view\`, into which the component's \`view\` is inlined, or an
iterator adapter over its blocks), under the module named most often in it. The column before
wasm-opt is the wasm-bindgen output, where fewer functions have been inlined into others; after
wasm-opt the exported methods (\`show\`, \`attach\`…) carry much of the widget's code inlined into
their wasm-bindgen shims, counted under "wasm-bindgen exports, imports and shims".

**By crate**

${table(after.groups, before.groups, 'crate or part')}

**The widget's own items, by module of src/** (both article_widget rows above)

${table(after.own, before.own, 'module')}

**The data section** of the shipped wasm (${kb(data.total)} in its segments)

| what | bytes | share |
| --- | ---: | ---: |
| the stylesheet (static/article-widget.css, as written or minified, whole or rule by rule) | ${kb(data.stylesheet)} | ${pct(data.stylesheet, data.total)} |
| source paths (${data.pathCount} strings ending in \`.rs\`: panic locations) | ${kb(data.sourcePaths)} | ${pct(data.sourcePaths, data.total)} |
| our strings (any of the ${data.literalCount} string literals in the .rs files of src/, or a piece of one between format placeholders, ${MIN_STRING} bytes or longer) | ${kb(data.ours)} | ${pct(data.ours, data.total)} |
| the rest (other crates' strings, tables, vtables, zeros) | ${kb(data.rest)} | ${pct(data.rest, data.total)} |
${data.stylesheet === 0 ? '\nThe stylesheet is no longer in the wasm: not one of its rules is in the data section (the loader\nfetches `article-widget.css` and adopts it).\n' : ''}`;
  return { markdown, gzip, raw: shipped.length, close, data };
}

// ---------------------------------------------------------------- bytes by block type
/** Splits minified CSS into its rules, each with the selectors of the rule (or of its block). */
function cssRules(css) {
  const rules = [];
  let depth = 0;
  let start = 0;
  let outer = '';
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') {
      if (depth === 0 && css.startsWith('@', start)) outer = css.slice(start, i + 1);
      else if (depth === 0 || outer) rules.push({ selector: css.slice(start, i), start, wrapped: outer });
      depth++;
      start = i + 1;
    } else if (css[i] === '}') {
      depth--;
      if (rules.length && rules.at(-1).end === undefined && (depth === 0 || outer)) rules.at(-1).end = i + 1;
      if (depth === 0) outer = '';
      start = i + 1;
    }
  }
  return rules;
}

/**
 * What each block type that has CSS or JavaScript of its own adds to the shipped stylesheet and
 * loader, gzip -9: the file as shipped against the file without that type's part. Rules are the
 * type's when every selector of theirs names one of its classes; the loader's part is the code
 * between its `block:` markers.
 */
export function partsSection({
  css = readFileSync(join(ROOT, 'dist/article-widget.css'), 'utf8'),
  loader = readFileSync(join(ROOT, 'static/article-widget.js'), 'utf8'),
} = {}) {
  const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
  const minify = (source) => execFileSync(join(ROOT, 'node_modules/.bin/terser'), ['--module', '--compress', '--mangle'],
    { input: source, encoding: 'utf8' });
  const shippedLoader = minify(loader);
  const rows = PARTS.map(({ type, classes }) => {
    const owns = (selector) => selector.split(',').every((one) => classes.some((c) => one.includes(c)));
    const cut = cssRules(css).filter((rule) => owns(rule.selector));
    let without = css;
    for (const rule of [...cut].reverse()) without = without.slice(0, rule.start) + without.slice(rule.end);
    const marker = new RegExp(`// block: ${type}\\n[\\s\\S]*?// block end\\n`, 'g');
    const loaderWithout = loader.replace(marker, '');
    const js = loaderWithout === loader ? 0 : gz(shippedLoader) - gz(minify(loaderWithout));
    return { type, rules: cut.length, css: gz(css) - gz(without), js };
  });
  const markdown = `| block type | its CSS rules | CSS, gzip -9 | loader JavaScript, gzip -9 |
| --- | ---: | ---: | ---: |
${rows.map((r) => `| ${r.type} | ${r.rules} | ${r.css} B | ${r.js ? `${r.js} B` : '—'} |`).join('\n')}

Each is what the shipped file loses, gzip -9, without that type's rules (every selector of a
rule names one of its classes) or code (between the loader's \`// block:\` markers): what the
type costs a page that has none of it.`;
  return { rows, markdown };
}

const PARTS = [
  { type: 'post', classes: ['artw-post'] },
  { type: 'video', classes: ['artw-video'] },
  { type: 'table', classes: ['artw-table'] },
  { type: 'code', classes: ['artw-code'] },
  { type: 'list', classes: ['artw-list'] },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(sizeSection({ log: (line) => console.error(line) }).markdown);
  console.log(partsSection().markdown);
}
