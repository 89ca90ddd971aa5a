//! Hydration in the browser: server-rendered markup is taken over, not rebuilt.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use article_widget::{Article, Theme, Widget, WidgetProps, WidgetState};
use common::*;
use wasm_bindgen_test::*;
use web_sys::Node;
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn props(article: Article, on_rendered: Callback<WidgetState>) -> WidgetProps {
    WidgetProps {
        state: WidgetState::Ready(Rc::new(article)),
        theme: Theme::Dark,
        heading_level: Default::default(),
        dates: Default::default(),
        on_rendered,
        panel_lang: "en".into(),
    }
}

/// Every element and text node below `root`, in document order. Comments are left out: they
/// are the markers Yew's server renderer leaves for hydration, which consumes them.
fn nodes(root: &Node) -> Vec<Node> {
    let mut found = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            stack.push(children.item(i).unwrap());
        }
        if node.node_type() != Node::COMMENT_NODE {
            found.push(node);
        }
    }
    found
}

#[wasm_bindgen_test]
async fn hydrating_server_markup_keeps_every_node_and_makes_it_interactive() {
    // Rendered natively by the pre-renderer; tests/ssr.rs keeps this snapshot current.
    let html = include_str!("snapshots/widget-hydratable.html").trim_end();
    let article = Article::from_json(include_str!("fixtures/hydration.json"))
        .unwrap()
        .article;
    let root = fresh_root();
    root.set_inner_html(html);
    let before = nodes(&root);
    assert!(
        before.len() > 80,
        "the server markup is in the page ({} nodes)",
        before.len()
    );

    let rendered = Rc::new(Cell::new(0));
    let counter = rendered.clone();
    let on_rendered = Callback::from(move |_| counter.set(counter.get() + 1));
    let _app = Renderer::<Widget>::with_root_and_props(root.clone(), props(article, on_rendered))
        .hydrate();
    yew::scheduler::flush().await;

    let after = nodes(&root);
    let kept = before.iter().zip(&after).filter(|(b, a)| b == a).count();
    assert_eq!(
        (after.len(), kept),
        (before.len(), before.len()),
        "every node is the same object"
    );
    assert_eq!(rendered.get(), 1, "the widget reports the hydrated render");

    // Interactive afterwards: hydration attached the avatar's error handler to the existing
    // <img>. A synthetic error event tests the handler without waiting on the network.
    let image = one(&root, ".artw-avatar img");
    image
        .dispatch_event(&web_sys::Event::new("error").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&one(&root, ".artw-avatar-initials")), "BH");
}
