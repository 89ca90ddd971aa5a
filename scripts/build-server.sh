#!/bin/sh
# `./dev build`, after trunk: the server renderer (crates/server) into dist/server/, for
# `article-widget/server` in the npm package. One more release build for wasm32; wasm-bindgen's
# `web` glue, whose init takes the WebAssembly as bytes, a compiled module or a URL, so each
# runtime's entry (static/server/) can load it its own way.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --locked --package article-widget-server --lib --target wasm32-unknown-unknown
bindgen=target/server-bindgen
rm -rf "$bindgen" dist/server
mkdir -p "$bindgen" dist/server
wasm-bindgen --target web --no-typescript --out-dir "$bindgen" --out-name article-widget-server \
  target/wasm32-unknown-unknown/release/article_widget_server.wasm
wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$bindgen/article-widget-server_bg.wasm" -o dist/server/article-widget-server_bg.wasm
node_modules/.bin/terser "$bindgen/article-widget-server.js" --module --compress --mangle \
  --output dist/server/article-widget-server.js
cp static/server/render.js static/server/node.js static/server/edge.js static/server/fetch.js \
  static/server/server.d.ts static/site/article-card.css dist/server/
