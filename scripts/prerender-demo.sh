#!/bin/sh
# Trunk post-build hook: replaces the demo page's client-rendered widget element with the seed
# article pre-rendered by `article-widget render`, so index.html reads without JavaScript and the
# loader takes it over in plain JavaScript instead of rendering it.
set -eu
page="$TRUNK_STAGING_DIR/index.html"
fragment="$TRUNK_STAGING_DIR/.prerendered.html"
profile_flag=""
[ "${TRUNK_PROFILE:-debug}" = "release" ] && profile_flag="--release"
cargo run --quiet --locked $profile_flag --package article-widget-cli -- \
  render "$TRUNK_SOURCE_DIR/static/articles/krebs.json" --fragment --no-shadow --output "$fragment"
awk -v fragment="$fragment" '
  /<!-- prerender:start -->/ { while ((getline line < fragment) > 0) print line; skipping = 1; next }
  /<!-- prerender:end -->/ { skipping = 0; next }
  !skipping { print }
' "$page" > "$page.new"
grep -q 'class="artw-host"' "$page.new" || { echo "prerender-demo: no pre-rendered article in index.html" >&2; exit 1; }
mv "$page.new" "$page"
rm -f "$fragment"
