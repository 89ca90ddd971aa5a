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

compiler.run((error, stats) => {
  if (error) throw error;
  if (stats.hasErrors() || stats.hasWarnings()) {
    console.error(stats.toString({ colors: false, all: false, errors: true, warnings: true }));
    process.exitCode = 1;
  }
  compiler.close(() => {});
});
