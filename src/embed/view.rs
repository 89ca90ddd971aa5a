use web_sys::Element;

/// Where one widget renders: `root`, the element Yew renders into, is the only child of the
/// element's shadow root (styled by the loader), or the pre-rendered widget root (in the shadow
/// root or the light DOM).
pub(super) struct View {
    pub root: Element,
    /// `root` holds an article rendered by `article-widget render`, in view until replaced.
    pub prerendered: bool,
}

impl View {
    pub fn attach(host: &Element, prerendered: Option<Element>) -> Result<View, String> {
        if let Some(root) = prerendered {
            return Ok(View {
                root,
                prerendered: true,
            });
        }
        let shadow = host
            .shadow_root()
            .ok_or("article-widget: the element has no shadow root to render into")?;
        let root = host
            .owner_document()
            .and_then(|document| document.create_element("div").ok())
            .ok_or("article-widget: cannot create the widget's root")?;
        root.set_class_name("artw-host");
        shadow.replace_children_with_node_1(&root);
        Ok(View {
            root,
            prerendered: false,
        })
    }
}
