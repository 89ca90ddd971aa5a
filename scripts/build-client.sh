#!/bin/sh
# Trunk post-build hook: builds the client-only variant of the widget (feature `csr`, without
# hydration) next to trunk's build, as wasm/article-widget-client{.js,_bg.wasm}. The loader
# uses it on pages that have no pre-rendered widget to take over; it is lighter to download.
# In release builds it then minifies the JavaScript a host downloads (the loader and both
# bindings), which trunk leaves as they are.
set -eu
needs() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "build-client: $1 is not on PATH; ./dev setup installs it (./dev build runs the build with it)" >&2
    exit 1
  }
}
profile="${TRUNK_PROFILE:-debug}"
needs wasm-bindgen
profile_flag=""
[ "$profile" = "release" ] && profile_flag="--release"
# A target directory of its own, so the two feature sets do not rebuild each other.
target_dir="$TRUNK_SOURCE_DIR/target/client"
cargo build --quiet --locked $profile_flag --lib --target wasm32-unknown-unknown \
  --no-default-features --features csr --target-dir "$target_dir" \
  --manifest-path "$TRUNK_SOURCE_DIR/Cargo.toml"
out="$TRUNK_STAGING_DIR/wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name article-widget-client \
  "$target_dir/wasm32-unknown-unknown/$profile/article_widget.wasm"
if [ "$profile" = "release" ]; then
  needs wasm-opt
  [ -x "$TRUNK_SOURCE_DIR/node_modules/.bin/terser" ] || {
    echo "build-client: terser is missing; ./dev setup installs it (npm ci)" >&2
    exit 1
  }
  # The wasm features Rust targets by default, as trunk's own wasm-opt run allows them.
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$out/article-widget-client_bg.wasm" -o "$out/article-widget-client_bg.wasm"
  terser="$TRUNK_SOURCE_DIR/node_modules/.bin/terser"
  for script in "$TRUNK_STAGING_DIR/article-widget.js" "$out/article-widget.js" "$out/article-widget-client.js"; do
    "$terser" "$script" --module --compress --mangle --output "$script"
  done
fi
