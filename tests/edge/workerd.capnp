# workerd serving tests/edge/worker.js as bundled into target/edge/ (see edge.test.mjs). The
# wasm module's name is the import edge.js makes, as esbuild leaves it beside the bundle.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "article-widget-server_bg.wasm?module", wasm = embed "article-widget-server_bg.wasm"),
  ],
  compatibilityDate = "2025-01-01",
);
