// Trunk post-build step (scripts/finish-release.sh): after binaryen has renamed the wasm's
// imports, exports and import module to a letter or two (--minify-imports-and-exports-and-modules),
// renames them in wasm-bindgen's bindings to match. wasm-bindgen names each import after the
// Rust or web-sys function it binds plus a 16-digit hash, and the module after the bindings'
// file; written once in the wasm and once in the bindings, those names were some 5 KB of the
// wasm, which gzip cannot shrink much.
//
//   node scripts/minify-wasm-names.mjs WASM BINDINGS MAPPING
//
// MAPPING is what wasm-opt printed: {"imports": [[module, name, new name]], "exports": [[name,
// new name]]}. Fails, naming what it could not find, rather than write bindings that do not fit
// the wasm.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, bindingsPath, mappingPath] = process.argv.slice(2);
const mapping = JSON.parse(readFileSync(mappingPath, 'utf8'));
const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const modules = [...new Set(imports.map((imported) => imported.module))];
if (modules.length !== 1) throw new Error(`minify-wasm-names: expected one import module, found ${modules.join(', ')}`);

let bindings = readFileSync(bindingsPath, 'utf8');
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (name) => JSON.stringify(name);
const property = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${key(name)}]`);

/** Replaces every match of `pattern`, which must match at least once. */
function rename(pattern, to, what) {
  const before = bindings;
  bindings = bindings.replace(pattern, to);
  if (bindings === before) throw new Error(`minify-wasm-names: ${what} is not in ${bindingsPath}`);
}

for (const module of new Set(mapping.imports.map(([module]) => module))) {
  rename(new RegExp(`(["'])${literal(module)}\\1(?=\\s*:)`, 'g'), key(modules[0]), `the import module ${module}`);
}
for (const [, name, to] of mapping.imports) {
  rename(new RegExp(`(?<![\\w$.])${literal(name)}(?=\\s*:)`, 'g'), key(to), `the import ${name}`);
}
// Exports the bindings never use (the allocator's own, say) are only renamed in the wasm.
for (const [name, to] of mapping.exports) {
  bindings = bindings.replace(new RegExp(`\\.${literal(name)}(?![\\w$])`, 'g'), property(to));
}
for (const { name } of imports) {
  if (!new RegExp(`(?<![\\w$.])(${literal(name)}|${literal(key(name))})\\s*:`).test(bindings)) {
    throw new Error(`minify-wasm-names: the bindings give the wasm no import named ${name}`);
  }
}
writeFileSync(bindingsPath, bindings);
