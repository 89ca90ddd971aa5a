#!/bin/sh
# Trunk post-build hook, release builds only: shrinks what a host downloads. wasm-opt (which
# trunk is told not to run) optimises the wasm for size, terser minifies the loader and the
# bindings, and lightningcss the stylesheet, which trunk leaves as they are.
set -eu
[ "${TRUNK_PROFILE:-debug}" = "release" ] || exit 0
needs() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "finish-release: $1 is not on PATH; ./dev setup installs it (./dev build runs the build with it)" >&2
    exit 1
  }
}
needs wasm-opt
bin="$TRUNK_SOURCE_DIR/node_modules/.bin"
for tool in terser lightningcss; do
  [ -x "$bin/$tool" ] || {
    echo "finish-release: $tool is missing; ./dev setup installs it (npm ci)" >&2
    exit 1
  }
done
wasm="$TRUNK_STAGING_DIR/wasm/article-widget_bg.wasm"
# The wasm features Rust targets by default are enabled; --low-memory-unused lets loads and
# stores fold constant offsets (the module never uses the first 1 KB of its memory). Twice
# flattened and relooped before -Oz, the control flow comes out smaller (about 750 bytes gzip
# less than -Oz --converge alone, measured 2026-12-06), for a wasm-opt run twice as long.
# Last, the imports, exports and import module get names of a letter or two, and the bindings
# are renamed to match (scripts/minify-wasm-names.mjs): about 5 KB of the wasm and 2 KB gzip.
mapping="$TRUNK_STAGING_DIR/wasm-names.json"
wasm-opt --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz --converge --low-memory-unused \
  --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$wasm" -o "$wasm"
# On its own: with --converge it would run, and print its mapping, more than once.
wasm-opt --minify-imports-and-exports-and-modules --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue "$wasm" -o "$wasm" >"$mapping"
node "$TRUNK_SOURCE_DIR/scripts/minify-wasm-names.mjs" "$wasm" "$TRUNK_STAGING_DIR/wasm/article-widget.js" "$mapping"
rm "$mapping"
for script in article-widget.js article-widget-render.js wasm/article-widget.js; do
  script="$TRUNK_STAGING_DIR/$script"
  "$bin/terser" "$script" --module --compress --mangle --output "$script"
done
"$bin/lightningcss" --minify "$TRUNK_STAGING_DIR/article-widget.css" -o "$TRUNK_STAGING_DIR/article-widget.css"
