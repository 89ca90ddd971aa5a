use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

use super::{error_panel, loading_panel, ArticleView};
use crate::i18n::Labels;
use crate::model::Article;

/// What the widget has to show: the embed moves it from `Loading` to `Ready` or `Failed`.
#[derive(Debug, Clone)]
pub enum WidgetState {
    Loading,
    Ready(Rc<Article>),
    Failed(AttrValue),
}

/// An article is the same when it is the same `Rc`: each new article the embed is given is a
/// new one, and comparing whole articles field by field cost the wasm over a kilobyte.
impl PartialEq for WidgetState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (WidgetState::Loading, WidgetState::Loading) => true,
            (WidgetState::Ready(a), WidgetState::Ready(b)) => Rc::ptr_eq(a, b),
            (WidgetState::Failed(a), WidgetState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The article's dates written by the browser's `Intl`, for an article in a language the
/// widget has no labels for. Otherwise they are absent and the labels write them, the same
/// way when pre-rendering and in the browser (and without `Intl`, whose first use in a page
/// costs 17–44 ms here).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DisplayDates {
    pub published: Option<AttrValue>,
    pub updated: Option<AttrValue>,
}

/// Colour scheme. `Auto` follows the reader's `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The level of the headline (`h1`…`h5`); section headings sit one level below it, so the
/// widget's outline fits under whatever heading the host page puts above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    pub fn new(level: u8) -> Option<HeadingLevel> {
        (1..=5).contains(&level).then_some(HeadingLevel(level))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn tag(self) -> &'static str {
        ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(self.0 - 1)]
    }

    pub fn below(self) -> HeadingLevel {
        HeadingLevel((self.0 + 1).min(6))
    }

    /// A heading of this level with `attributes`, holding `content`: the element
    /// `html! { <@{level.tag()} …>{ content }</@> }` builds (`attributes` as that macro lists
    /// them: the others in order, then `class`). Without the macro's dynamic tag, which checks
    /// at run time whether the tag is `input` or `textarea` and so builds all three kinds of
    /// element at each heading (245 bytes of gzipped wasm for the four kinds of heading).
    pub fn heading(
        self,
        attributes: &'static [(&'static str, AttributeOrProperty)],
        content: Html,
    ) -> Html {
        let mut heading = VTag::new(self.tag());
        heading.attributes = Attributes::Static(attributes);
        heading.add_child(content);
        heading.into()
    }
}

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(1)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub state: WidgetState,
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// The article's dates written for the reader; see `DisplayDates`.
    #[prop_or_default]
    pub dates: DisplayDates,
    /// Called with `state` once the DOM shows it, so an embedder can announce it.
    #[prop_or_default]
    pub on_rendered: Callback<WidgetState>,
    /// The language of the loading and error panels, which have no article to take it from:
    /// the host page's, when the widget has labels in it. `Failed`'s message is written in it.
    #[prop_or(AttrValue::Static("en"))]
    pub panel_lang: AttrValue,
}

/// The widget's root. Its components are struct components, not function components: the
/// one hook they needed was the effect that calls `on_rendered`, and Yew's function
/// components and hooks cost the wasm 1.3 KB gzip.
pub struct Widget {
    /// The state `on_rendered` was last called with.
    announced: Option<WidgetState>,
}

impl Component for Widget {
    type Message = ();
    type Properties = WidgetProps;

    fn create(_: &Context<Self>) -> Self {
        Widget { announced: None }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        view(ctx.props())
    }

    /// Calls `on_rendered` after the first render and after each render whose state differs
    /// from the last one announced, as an effect with the state as its dependency would.
    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        let state = &ctx.props().state;
        if self.announced.as_ref() != Some(state) {
            self.announced = Some(state.clone());
            ctx.props().on_rendered.emit(state.clone());
        }
    }
}

fn view(props: &WidgetProps) -> Html {
    // In a shadow root, <slot> shows the host element's own children: its fallback content,
    // which stays in view while the article loads and comes back if it fails. It sits outside
    // the themed root, so the host's content keeps the host's colours and background. Each
    // state's root has its own key, so the article arrives as new nodes instead of moving the
    // loading root: nothing the reader sees is shifted.
    let theme = props.theme.as_str();
    match &props.state {
        WidgetState::Loading => html! {
            <>
                <slot key="fallback"></slot>
                <div key="loading" class="artw-root" data-theme={theme} lang={props.panel_lang.clone()}>
                    { loading_panel(Labels::for_lang(&props.panel_lang)) }
                </div>
            </>
        },
        WidgetState::Ready(article) => html! {
            <div key="ready" class="artw-root" data-theme={theme}>
                <ArticleView article={article.clone()} heading_level={props.heading_level} dates={props.dates.clone()} />
            </div>
        },
        WidgetState::Failed(message) => html! {
            <>
                <div key="failed" class="artw-root" data-theme={theme} lang={props.panel_lang.clone()}>
                    { error_panel(Labels::for_lang(&props.panel_lang), message) }
                </div>
                <slot key="fallback"></slot>
            </>
        },
    }
}
