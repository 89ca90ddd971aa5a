// Bundles main.ts with webpack 5 as a host developer's default configuration does (a classic
// script, production mode) into dist/webpack/. webpack copies the files the package finds with
// `new URL(…, import.meta.url)`: the WebAssembly and the stylesheet.
import { resolve } from 'node:path';
import webpack from 'webpack';

const compiler = webpack({
  mode: 'production',
  context: import.meta.dirname,
  entry: './main.ts',
  output: { path: resolve(import.meta.dirname, 'dist/webpack'), clean: true },
  // main.ts has no type annotations, so webpack reads it as JavaScript.
  module: { rules: [{ test: /\.ts$/, type: 'javascript/auto' }] },
});

// webpack's default performance hint names any emitted file over 244 KiB uncompressed. The
// WebAssembly is one (the README says so, and how to keep the hint for the host's own files):
// it is fetched only when a widget must be rendered, never with the page's scripts. That one
// hint, naming only the .wasm, is expected; any other warning or error fails the build.
const wasmSizeHint = (warning) => warning.name === 'AssetsOverSizeLimitWarning'
  && warning.assets.length > 0 && warning.assets.every((asset) => asset.name.endsWith('.wasm'));

compiler.run((error, stats) => {
  if (error) throw error;
  const warnings = stats.compilation.warnings.filter((warning) => !wasmSizeHint(warning));
  if (stats.hasErrors() || warnings.length > 0) {
    console.error(stats.toString({ colors: false, all: false, errors: true, warnings: true }));
    process.exitCode = 1;
  }
  compiler.close(() => {});
});
