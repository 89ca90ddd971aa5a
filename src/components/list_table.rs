use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VTag};

use super::rich_text;
use crate::i18n::Labels;
use crate::model::{Cell, ListBlock, TableBlock};

/// A list as `<ol>` or `<ul>`, with the lists nested in its items.
pub fn article_list(list: &ListBlock) -> Html {
    list_element(list, Some("artw-list"))
}

fn list_element(list: &ListBlock, class: Option<&'static str>) -> Html {
    let items = list.items.iter().map(|item| {
        let text = rich_text(&item.text);
        let children = match &item.list {
            Some(nested) => [text, list_element(nested, None)].into_iter().collect(),
            None => text,
        };
        element("li", NONE, children)
    });
    let (tag, start) = match list.ordered {
        true => (
            "ol",
            list.start.map(|start| AttrValue::from(start.to_string())),
        ),
        false => ("ul", None),
    };
    let class = class.map(AttrValue::Static);
    element(
        tag,
        attributes(&["class", "start"], &mut [class, start]),
        items.collect(),
    )
}

/// A table in a box of its own that scrolls sideways when the table is wider than the widget,
/// so the page never does. The box is a labelled region that takes the keyboard's focus, so
/// the table can be scrolled without a pointer.
pub fn article_table(table: &TableBlock, labels: &Labels) -> Html {
    let label = match &table.caption {
        Some(caption) => AttrValue::from(caption.clone()),
        None => AttrValue::Static(labels.table),
    };
    let head = (table.head_rows as usize).min(table.rows.len());
    let (head_rows, body_rows) = table.rows.split_at(head);
    let mut parts = Vec::with_capacity(3);
    if let Some(caption) = &table.caption {
        parts.push(element("caption", NONE, html! { { caption.clone() } }));
    }
    for (tag, rows) in [("thead", head_rows), ("tbody", body_rows)] {
        if !rows.is_empty() {
            let rows = rows
                .iter()
                .map(|row| element("tr", NONE, row.iter().map(cell).collect()));
            parts.push(element(tag, NONE, rows.collect()));
        }
    }
    let mut values = [
        Some(AttrValue::Static("artw-table")),
        Some(AttrValue::Static("region")),
        Some(AttrValue::Static("0")),
        Some(label),
    ];
    let keys = &["class", "role", "tabindex", "aria-label"];
    let table = element("table", NONE, parts.into_iter().collect());
    element("div", attributes(keys, &mut values), table)
}

fn cell(cell: &Cell) -> Html {
    let span = |n: u32| (n != 1).then(|| AttrValue::from(n.to_string()));
    let (tag, scope) = match cell.header {
        true => (
            "th",
            cell.scope.map(|scope| AttrValue::Static(scope.name())),
        ),
        false => ("td", None),
    };
    let mut values = [scope, span(cell.colspan), span(cell.rowspan)];
    let keys = &["scope", "colspan", "rowspan"];
    element(tag, attributes(keys, &mut values), rich_text(&cell.text))
}

/// An element with its attributes and children, built as `html!` builds a static tag, through
/// this one function, so that lists and tables cost the wasm little code of their own.
fn element(tag: &'static str, attributes: Attributes, children: Html) -> Html {
    let tag = AttrValue::Static(tag);
    let node = VTag::__new_other(
        tag,
        NodeRef::default(),
        None,
        attributes,
        Listeners::None,
        children,
    );
    node.into()
}

/// No attributes.
const NONE: Attributes = Attributes::Static(&[]);

/// The attributes `keys` names whose values are given, as many values as keys.
fn attributes(keys: &'static [&'static str], values: &mut [Option<AttrValue>]) -> Attributes {
    let values = values
        .iter_mut()
        .map(|value| value.take().map(AttributeOrProperty::Attribute));
    Attributes::Dynamic {
        keys,
        values: values.collect(),
    }
}
