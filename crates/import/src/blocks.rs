//! Article HTML (what Readability kept, or a feed item's content) to the format's blocks.
//! Anything the format cannot carry is dropped with a warning that says where it was.

use dom_query::NodeRef;

use super::dom::{image_source, name_of};
use super::recognise::{self, Slot, SLOT_CLASS};
use super::text::{attribution, excerpt, squash, tidy_spans, Resolver};
use article_widget::model::{
    safe_url, Block, Cell, CodeBlock, ImageBlock, Inline, ListBlock, ListItem, Scope, Span,
    TableBlock, UrlUse, MAX_CELL_SPAN, MAX_LIST_DEPTH,
};

pub struct Mapper<'a> {
    pub resolver: &'a Resolver,
    pub slots: &'a [Slot],
    pub blocks: Vec<Block>,
    pub warnings: Vec<String>,
    /// Inline content met between blocks, which becomes a paragraph of its own.
    loose: Vec<Span>,
}

/// Elements the format has no block for; their text is not the story's.
const UNREPRESENTABLE: &[(&str, &str)] = &[
    ("iframe", "an embedded frame"),
    ("video", "a video"),
    ("audio", "an audio player"),
    ("object", "an embedded object"),
    ("embed", "an embedded object"),
    ("svg", "a vector drawing"),
    ("canvas", "a canvas"),
    ("math", "a formula"),
    ("form", "a form"),
    ("select", "a form control"),
    ("textarea", "a form control"),
    ("dl", "a definition list"),
];

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "button", "input", "label", "nav", "link", "meta",
    "br", "wbr", "source", "track",
];

impl<'a> Mapper<'a> {
    pub fn new(resolver: &'a Resolver, slots: &'a [Slot]) -> Mapper<'a> {
        Mapper {
            resolver,
            slots,
            blocks: Vec::new(),
            warnings: Vec::new(),
            loose: Vec::new(),
        }
    }

    /// Maps a node's children, in order.
    pub fn children(&mut self, node: &NodeRef) {
        for child in node.children() {
            self.node(&child);
        }
        self.flush();
    }

    fn here(&self) -> String {
        match self.blocks.len() {
            0 => "before body[0]".to_owned(),
            n => format!("after body[{}]", n - 1),
        }
    }

    fn drop_element(&mut self, what: &str, node: &NodeRef, why: &str) {
        let text = excerpt(&spaced_text(node), 60);
        let quoted = if text.is_empty() {
            String::new()
        } else {
            format!(" (\"{text}\")")
        };
        let at = self.here();
        self.warnings
            .push(format!("{at}: {what}{quoted} was dropped: {why}"));
    }

    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            let text = node.text();
            if !text.trim().is_empty() || !self.loose.is_empty() {
                self.loose.push(Span::plain(text.to_string()));
            }
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = name_of(node);
        if SKIPPED.contains(&name.as_str()) {
            if name == "br" && !self.loose.is_empty() {
                self.loose.push(Span::plain(" "));
            }
            return;
        }
        if let Some((_, what)) = UNREPRESENTABLE.iter().find(|(n, _)| *n == name) {
            self.flush();
            self.drop_element(what, node, "the format has no block for it");
            return;
        }
        match name.as_str() {
            "p" if node.has_class(SLOT_CLASS) => self.slot(node),
            "p" => {
                self.flush();
                self.paragraph(node);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = super::text::without_anchor_mark(&squash(&node.text()));
                if !text.is_empty() {
                    self.blocks.push(Block::Heading(text));
                }
            }
            "blockquote" => {
                self.flush();
                self.quote(node);
            }
            "figure" => {
                self.flush();
                self.figure(node);
            }
            "img" | "picture" => {
                self.flush();
                if let Some(image) = self.image(node, None) {
                    self.blocks.push(Block::Image(image));
                }
            }
            "ul" | "ol" => {
                self.flush();
                self.list(node);
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::Divider);
            }
            "table" if !is_layout_table(node) => {
                self.flush();
                self.table(node);
            }
            "pre" => {
                self.flush();
                self.preformatted(node);
            }
            _ if is_phrasing(&name) => {
                let mut spans = Vec::new();
                let mut images = Vec::new();
                self.spans(node, Format::default(), &mut spans, &mut images);
                self.loose.extend(spans);
                if !images.is_empty() {
                    self.flush();
                    self.blocks.extend(images.into_iter().map(Block::Image));
                }
            }
            _ => {
                self.flush();
                for child in node.children() {
                    self.node(&child);
                }
                self.flush();
            }
        }
    }

    /// Inline content gathered between blocks becomes a paragraph.
    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.loose);
        let text = tidy_spans(spans);
        if !text.0.is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    fn paragraph(&mut self, node: &NodeRef) {
        let mut spans = Vec::new();
        let mut images = Vec::new();
        for child in node.children() {
            self.spans(&child, Format::default(), &mut spans, &mut images);
        }
        let text = tidy_spans(spans);
        if !text.0.is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
        self.blocks.extend(images.into_iter().map(Block::Image));
    }

    fn slot(&mut self, node: &NodeRef) {
        self.flush();
        let index = node
            .text()
            .trim()
            .rsplit('-')
            .next()
            .and_then(|n| n.parse::<usize>().ok());
        let Some(slot) = index.and_then(|i| self.slots.get(i)) else {
            return;
        };
        let at = format!("body[{}]", self.blocks.len());
        self.warnings
            .extend(slot.warnings.iter().map(|w| format!("{at}: {w}")));
        self.blocks.push(slot.block.clone());
    }

    /// A blockquote or figure marked as a pull quote becomes one; false when it is not marked.
    fn pull_quote(&mut self, node: &NodeRef) -> bool {
        let marked = recognise::is_pull_quote(node);
        if marked {
            self.blocks.extend(recognise::pull_quote(node));
        }
        marked
    }

    /// A blockquote is a quote; its `<cite>`, `<footer>` or a last line starting with a dash
    /// names who said it.
    fn quote(&mut self, node: &NodeRef) {
        if self.pull_quote(node) {
            return;
        }
        let cite_node = node
            .descendants()
            .into_iter()
            .find(|d| d.is_element() && (d.has_name("cite") || d.has_name("footer")));
        let mut cite = cite_node
            .as_ref()
            .map(|c| squash(&c.text()))
            .map(|c| attribution(&c).unwrap_or(c))
            .filter(|c| !c.is_empty());
        let mut parts: Vec<Inline> = Vec::new();
        let mut images = Vec::new();
        let paragraphs: Vec<NodeRef> = node
            .children()
            .into_iter()
            .filter(|c| c.has_name("p"))
            .collect();
        if paragraphs.is_empty() {
            let mut spans = Vec::new();
            for child in node.children() {
                if Some(child.id) != cite_node.as_ref().map(|c| c.id) {
                    self.spans(&child, Format::default(), &mut spans, &mut images);
                }
            }
            parts.push(tidy_spans(spans));
        } else {
            for p in &paragraphs {
                let mut spans = Vec::new();
                for child in p.children() {
                    if Some(child.id) != cite_node.as_ref().map(|c| c.id) {
                        self.spans(&child, Format::default(), &mut spans, &mut images);
                    }
                }
                parts.push(tidy_spans(spans));
            }
        }
        parts.retain(|p| !p.0.is_empty());
        // Text after the last paragraph, as embedded posts write "— Name (@handle) date".
        if cite.is_none() && !paragraphs.is_empty() {
            let last = paragraphs.last().map(|p| p.id);
            let mut after = false;
            let mut trailing = String::new();
            for child in node.children() {
                if Some(child.id) == last {
                    after = true;
                } else if after {
                    trailing.push_str(&child.text());
                }
            }
            cite = attribution(&trailing);
        }
        if cite.is_none() {
            if let Some(last) = parts.last() {
                let text = last.text();
                if let Some(name) = attribution(&text) {
                    if parts.len() > 1 {
                        cite = Some(name);
                        parts.pop();
                    }
                }
            }
        }
        // The format's quote is one run of text: paragraphs join with a space.
        let mut spans: Vec<Span> = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::plain(" "));
            }
            spans.extend(part.0);
        }
        let text = tidy_spans(spans);
        if !text.0.is_empty() {
            self.blocks.push(Block::Quote { text, cite });
        }
        self.blocks.extend(images.into_iter().map(Block::Image));
    }

    /// A figure is an image with its caption and credit, a quote with its caption as the
    /// citation, or a pull quote.
    fn figure(&mut self, node: &NodeRef) {
        if self.pull_quote(node) {
            return;
        }
        let caption_node = node
            .children()
            .into_iter()
            .find(|c| c.has_name("figcaption"));
        if let Some(quote) = node
            .descendants()
            .into_iter()
            .find(|d| d.has_name("blockquote"))
        {
            let before = self.blocks.len();
            self.quote(&quote);
            if let (Some(Block::Quote { cite, .. }), Some(caption)) =
                (self.blocks.get_mut(before), &caption_node)
            {
                if cite.is_none() {
                    *cite = Some(squash(&caption.text())).filter(|c| !c.is_empty());
                }
            }
            return;
        }
        // A figure around a data table, as WordPress writes one: its caption is the table's.
        if let Some(table) = node
            .descendants()
            .into_iter()
            .find(|d| d.has_name("table") && !is_layout_table(d))
        {
            let before = self.blocks.len();
            self.table(&table);
            if let (Some(Block::Table(table)), Some(caption)) =
                (self.blocks.get_mut(before), &caption_node)
            {
                if table.caption.is_none() {
                    table.caption = Some(squash(&caption.text())).filter(|c| !c.is_empty());
                }
            }
            return;
        }
        // A figure around code: its caption names the code's language when it is one word
        // (as the widget writes it), and is otherwise a paragraph over it.
        if let Some(pre) = node.descendants().into_iter().find(|d| d.has_name("pre")) {
            let caption = caption_node.map(|c| squash(&c.text())).unwrap_or_default();
            let one_word = !caption.is_empty() && !caption.contains(' ');
            if !caption.is_empty() && !one_word {
                self.blocks
                    .push(Block::Paragraph(Inline::plain(caption.as_str())));
            }
            let before = self.blocks.len();
            self.preformatted(&pre);
            if let (Some(Block::Code(code)), true) = (self.blocks.get_mut(before), one_word) {
                code.language.get_or_insert(caption);
            }
            return;
        }
        let images: Vec<NodeRef> = node
            .descendants()
            .into_iter()
            .filter(|d| {
                d.has_name("img") && !d.ancestors(None).iter().any(|a| a.has_name("picture"))
                    || d.has_name("picture")
            })
            .collect();
        let (caption, credit) = match &caption_node {
            Some(caption) => split_credit(caption),
            None => (None, None),
        };
        if images.is_empty() {
            self.drop_element(
                "a figure without an image",
                node,
                "the format has no block for it",
            );
            return;
        }
        if images.len() > 1 {
            self.warnings.push(format!(
                "{}: a figure with {} images became {} image blocks, the caption on the last",
                self.here(),
                images.len(),
                images.len()
            ));
        }
        let count = images.len();
        for (i, img) in images.iter().enumerate() {
            let last = i + 1 == count;
            let captioned = last.then(|| (caption.clone(), credit.clone()));
            if let Some(image) = self.image(img, captioned) {
                self.blocks.push(Block::Image(image));
            }
        }
    }

    /// An image from `<img>` or `<picture>`: its real source when it loads lazily
    /// (`data-src`, `srcset`), its alt text, and its size when both are given.
    fn image(
        &mut self,
        node: &NodeRef,
        captioned: Option<(Option<String>, Option<String>)>,
    ) -> Option<ImageBlock> {
        let img = if node.has_name("picture") {
            node.descendants().into_iter().find(|d| d.has_name("img"))
        } else {
            Some(*node)
        };
        let sources: Vec<NodeRef> = if node.has_name("picture") {
            node.children()
                .into_iter()
                .filter(|c| c.has_name("source"))
                .collect()
        } else {
            Vec::new()
        };
        let src = img
            .as_ref()
            .and_then(image_source)
            .or_else(|| sources.iter().find_map(image_source));
        let Some(src) = src else {
            let what = "an image without a source";
            self.drop_element(what, node, "nothing to show");
            return None;
        };
        let attr = |name: &str| {
            img.as_ref()
                .and_then(|i| i.attr(name))
                .map(|v| v.to_string())
        };
        let alt = squash(&attr("alt").unwrap_or_default());
        if attr("alt").is_none() {
            let at = self.here();
            self.warnings.push(format!("{at}: the image {src} has no alt text; it is imported with an empty one, as decorative"));
        }
        let size = |name: &str| {
            attr(name)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|v| *v > 0)
        };
        let (width, height) = match (size("width"), size("height")) {
            (Some(w), Some(h)) => (Some(w), Some(h)),
            _ => (None, None),
        };
        let (caption, credit) = captioned.unwrap_or((None, None));
        let src = self.resolver.resolve(&src);
        // The model's own rule, early: an inline `data:` image is no address, and may be
        // larger than any field the format holds.
        if let Err(why) = safe_url(&src, UrlUse::Image, None) {
            let at = self.here();
            let shown = excerpt(&src, 40);
            self.warnings
                .push(format!("{at}: the image {shown} was dropped: {why}"));
            return None;
        }
        Some(ImageBlock {
            src,
            alt,
            caption,
            credit,
            width,
            height,
        })
    }

    /// Code, or other preformatted text such as a poem, with its lines and spacing. Its language
    /// is the `language-…` or `lang-…` class that highlighters use, on the `pre` or its `code`.
    fn preformatted(&mut self, node: &NodeRef) {
        let text = node.text().replace("\r\n", "\n");
        let text = text.trim_end().trim_start_matches('\n');
        if text.trim().is_empty() {
            return;
        }
        let language = std::iter::once(*node)
            .chain(
                node.descendants()
                    .into_iter()
                    .filter(|d| d.has_name("code")),
            )
            .find_map(|element| {
                let marked = element.attr(CODE_LANGUAGE).map(|l| l.to_string());
                marked.or_else(|| code_language(&element.attr("class")?))
            });
        self.blocks.push(Block::Code(CodeBlock {
            text: text.to_owned(),
            language,
        }));
    }

    /// A list, its items' own lists nested in them. Past the format's depth, the items of
    /// deeper lists follow their parent item in the deepest list, so no words are lost.
    fn list(&mut self, node: &NodeRef) {
        let mut images = Vec::new();
        let mut flattened = 0;
        let list = self.list_block(node, 1, &mut images, &mut flattened);
        if flattened > 0 {
            let at = self.here();
            self.warnings.push(format!(
                "{at}: lists nested more than {MAX_LIST_DEPTH} deep were flattened into the list above them ({flattened} items)"
            ));
        }
        // A gallery is a list of pictures, each item one picture and its caption: its
        // pictures are the blocks, with the items' words as their captions.
        let gallery = !images.is_empty()
            && images.len() == list.items.len()
            && list.items.iter().all(|item| item.list.is_none());
        if gallery {
            for (mut image, item) in images.into_iter().zip(list.items) {
                let text = squash(&item.text.text());
                // Words that only say the alt text again are not a caption.
                let says_alt = !image.alt.is_empty()
                    && text
                        .to_lowercase()
                        .contains(&squash(&image.alt).to_lowercase());
                if image.caption.is_none() && !text.is_empty() && !says_alt {
                    image.caption = Some(text);
                }
                self.blocks.push(Block::Image(image));
            }
            return;
        }
        if !list.items.is_empty() {
            self.blocks.push(Block::List(list));
        }
        self.blocks.extend(images.into_iter().map(Block::Image));
    }

    fn list_block(
        &mut self,
        node: &NodeRef,
        depth: usize,
        images: &mut Vec<ImageBlock>,
        flattened: &mut usize,
    ) -> ListBlock {
        let ordered = node.has_name("ol");
        let start = node
            .attr("start")
            .and_then(|s| s.trim().parse::<u32>().ok())
            .filter(|_| ordered);
        let mut list = ListBlock {
            ordered,
            start,
            items: Vec::new(),
        };
        for item in node.children().into_iter().filter(|c| c.has_name("li")) {
            let mut spans = Vec::new();
            let mut nested = Vec::new();
            for child in item.children() {
                if child.has_name("ul") || child.has_name("ol") {
                    nested.push(child);
                    continue;
                }
                // Paragraphs in an item run together, a space apart.
                let block = child.is_element() && !is_phrasing(&name_of(&child));
                if block && !spans.is_empty() {
                    spans.push(Span::plain(" "));
                }
                self.spans(&child, Format::default(), &mut spans, images);
            }
            let text = tidy_spans(spans);
            let mut sublists: Vec<ListBlock> = nested
                .iter()
                .map(|n| self.list_block(n, depth + 1, images, flattened))
                .filter(|l| !l.items.is_empty())
                .collect();
            if depth >= MAX_LIST_DEPTH {
                let before = list.items.len();
                let text_empty = text.0.is_empty();
                if !text_empty {
                    list.items.push(ListItem { text, list: None });
                }
                for sublist in sublists {
                    flatten(sublist, &mut list.items);
                }
                // Counted once, where they land.
                if depth == MAX_LIST_DEPTH {
                    *flattened += list.items.len() - before - usize::from(!text_empty);
                }
                continue;
            }
            // Two lists under one item: the second's items join the first's.
            let mut sublist = None;
            for more in sublists.drain(..) {
                match &mut sublist {
                    None => sublist = Some(more),
                    Some(first) => {
                        let first: &mut ListBlock = first;
                        first.items.extend(more.items);
                    }
                }
            }
            if !text.0.is_empty() || sublist.is_some() {
                list.items.push(ListItem {
                    text,
                    list: sublist,
                });
            }
        }
        list
    }

    /// A data table: its rows, the head's first, and each cell with its spans. An image in a
    /// cell follows the table.
    fn table(&mut self, node: &NodeRef) {
        let caption = node
            .children()
            .into_iter()
            .find(|c| c.has_name("caption"))
            .map(|c| squash(&c.text()))
            .filter(|c| !c.is_empty());
        let mut head = Vec::new();
        let mut body = Vec::new();
        let mut foot = Vec::new();
        for child in node.children() {
            let rows = if child.has_name("thead") {
                &mut head
            } else if child.has_name("tfoot") {
                &mut foot
            } else {
                &mut body
            };
            if child.has_name("tr") {
                rows.push(child);
            } else if child.has_name("thead") || child.has_name("tbody") || child.has_name("tfoot")
            {
                rows.extend(child.children().into_iter().filter(|c| c.has_name("tr")));
            }
        }
        let mut images = Vec::new();
        let mut read_rows = |mut rows: Vec<NodeRef>, in_head: bool, this: &mut Self| {
            rows.retain(|row| {
                row.children()
                    .iter()
                    .any(|c| c.has_name("td") || c.has_name("th"))
            });
            rows.iter()
                .map(|row| this.row(row, in_head, &mut images))
                .collect::<Vec<Vec<Cell>>>()
        };
        let mut rows = read_rows(head, true, self);
        let mut head_rows = rows.len();
        let body_rows = read_rows(body, false, self);
        // A table without a `thead` whose first row is all headers has that row as its head.
        if head_rows == 0
            && body_rows
                .first()
                .is_some_and(|row| row.iter().all(|cell| cell.header))
        {
            head_rows = 1;
        }
        rows.extend(body_rows);
        rows.extend(read_rows(foot, false, self));
        if rows.is_empty() {
            return;
        }
        // A header cell that says nothing of what it heads heads its column in the head, and
        // its row when it starts a row of the body.
        for (r, row) in rows.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                if cell.header && cell.scope.is_none() {
                    cell.scope = if r < head_rows {
                        Some(Scope::Col)
                    } else if c == 0 {
                        Some(Scope::Row)
                    } else {
                        None
                    };
                }
            }
        }
        self.blocks.push(Block::Table(TableBlock {
            caption,
            head_rows: u32::try_from(head_rows).unwrap_or(u32::MAX),
            rows,
        }));
        self.blocks.extend(images.into_iter().map(Block::Image));
    }

    fn row(&mut self, row: &NodeRef, in_head: bool, images: &mut Vec<ImageBlock>) -> Vec<Cell> {
        let cells = row
            .children()
            .into_iter()
            .filter(|c| c.has_name("td") || c.has_name("th"));
        cells
            .map(|cell| {
                let mut spans = Vec::new();
                for child in cell.children() {
                    let block = child.is_element() && !is_phrasing(&name_of(&child));
                    if block && !spans.is_empty() {
                        spans.push(Span::plain(" "));
                    }
                    self.spans(&child, Format::default(), &mut spans, images);
                }
                // A `td` in the head heads its column as a `th` would.
                let header = cell.has_name("th") || in_head;
                let scope = cell
                    .attr("scope")
                    .and_then(|s| match s.trim().to_ascii_lowercase().as_str() {
                        "col" | "colgroup" => Some(Scope::Col),
                        "row" | "rowgroup" => Some(Scope::Row),
                        _ => None,
                    })
                    .filter(|_| header);
                let span = |name: &str| {
                    cell.attr(name)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .map_or(1, |n| n.clamp(1, MAX_CELL_SPAN))
                };
                Cell {
                    text: tidy_spans(spans),
                    header,
                    scope,
                    colspan: span("colspan"),
                    rowspan: span("rowspan"),
                }
            })
            .collect()
    }

    fn spans(
        &mut self,
        node: &NodeRef,
        format: Format,
        spans: &mut Vec<Span>,
        images: &mut Vec<ImageBlock>,
    ) {
        if node.is_text() {
            spans.push(format.span(node.text().to_string()));
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = name_of(node);
        let mut format = format;
        match name.as_str() {
            "br" => {
                spans.push(format.span(" ".to_owned()));
                return;
            }
            "img" | "picture" => {
                if let Some(image) = self.image(node, None) {
                    images.push(image);
                }
                return;
            }
            "script" | "style" | "noscript" | "template" | "button" | "input" | "select"
            | "textarea" => return,
            "svg" | "iframe" | "video" | "audio" | "object" | "embed" | "canvas" | "math" => {
                self.drop_element(
                    "an embedded element",
                    node,
                    "the format cannot show it inline",
                );
                return;
            }
            "a" => {
                if let Some(href) = node
                    .attr("href")
                    .filter(|h| !h.trim().is_empty() && !h.trim().starts_with('#'))
                {
                    format.href = Some(self.resolver.resolve(&href));
                }
            }
            // A browser shows a `<q>` with quotation marks; so does the text.
            "q" => {
                spans.push(format.span("“".to_owned()));
                for child in node.children() {
                    self.spans(&child, format.clone(), spans, images);
                }
                spans.push(format.span("”".to_owned()));
                return;
            }
            "em" | "i" | "cite" | "dfn" | "var" => format.em = true,
            "strong" | "b" => format.strong = true,
            _ => {}
        }
        for child in node.children() {
            self.spans(&child, format.clone(), spans, images);
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Format {
    href: Option<String>,
    em: bool,
    strong: bool,
}

impl Format {
    fn span(&self, text: String) -> Span {
        Span {
            text,
            href: self.href.clone(),
            em: self.em,
            strong: self.strong,
        }
    }
}

/// The items of a list too deep for the format, and of the lists in them, in order (for HTML
/// and Markdown lists alike).
pub(super) fn flatten(list: ListBlock, items: &mut Vec<ListItem>) {
    for item in list.items {
        if !item.text.0.is_empty() {
            items.push(ListItem {
                text: item.text,
                list: None,
            });
        }
        if let Some(nested) = item.list {
            flatten(nested, items);
        }
    }
}

/// The attribute that carries a code block's language through Readability, which drops
/// classes.
const CODE_LANGUAGE: &str = "data-artw-language";

/// Marks each `pre` and `code` with the language its highlighter's class names.
pub fn mark_code_languages(doc: &dom_query::Document) {
    for element in doc.select("pre, pre code").nodes() {
        if let Some(language) = element.attr("class").and_then(|c| code_language(&c)) {
            element.set_attr(CODE_LANGUAGE, &language);
        }
    }
}

/// `rust` from a class list such as `hljs language-rust`.
fn code_language(classes: &str) -> Option<String> {
    classes.split_ascii_whitespace().find_map(|class| {
        let language = class
            .strip_prefix("language-")
            .or_else(|| class.strip_prefix("lang-"))?;
        (!language.is_empty()).then(|| language.to_owned())
    })
}

/// A table used for layout, as old pages do, holds the story in its cells, or is one column
/// of them; a table of data has headers or a caption (Readability's own test, simplified).
fn is_layout_table(node: &NodeRef) -> bool {
    if node.attr("role").is_some_and(|r| &*r == "presentation") {
        return true;
    }
    let nested = |d: &NodeRef| {
        d.ancestors(None)
            .iter()
            .take_while(|a| a.id != node.id)
            .any(|a| a.has_name("table"))
    };
    let descendants = node.descendants();
    let marked = descendants.iter().any(|d| {
        matches!(
            d.node_name().as_deref(),
            Some("th" | "thead" | "tfoot" | "caption" | "colgroup" | "col")
        ) && !nested(d)
    });
    // The story's own blocks in a cell, or a table in a table.
    let holds_story = descendants.iter().any(|d| {
        d.id != node.id
            && matches!(
                d.node_name().as_deref(),
                Some(
                    "table"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "article"
                        | "section"
                        | "blockquote"
                        | "figure"
                        | "pre"
                )
            )
    });
    let columns = descendants
        .iter()
        .filter(|d| d.has_name("tr") && !nested(d))
        .map(|row| {
            row.children()
                .iter()
                .filter(|c| c.has_name("td") || c.has_name("th"))
                .map(|c| {
                    c.attr("colspan")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000)
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    !marked || holds_story || columns < 2
}

fn is_phrasing(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// A figcaption's text, and its credit apart: an element marked as the credit (`.credit`,
/// `.copyright`, `.source`, `<small>`), or a trailing "Photo:", "Credit:", "Image:" or "©".
pub fn split_credit(caption: &NodeRef) -> (Option<String>, Option<String>) {
    let credit_node = caption.descendants().into_iter().find(|d| {
        d.is_element()
            && (d.has_name("small")
                || d.class().is_some_and(|c| {
                    let c = c.to_ascii_lowercase();
                    [
                        "credit",
                        "copyright",
                        "source",
                        "attribution",
                        "byline",
                        "photographer",
                    ]
                    .iter()
                    .any(|k| c.contains(k))
                }))
    });
    let full = squash(&caption.text());
    if let Some(node) = credit_node {
        let credit = squash(&node.text());
        let rest = squash(&full.replacen(&credit, "", 1));
        return (
            Some(rest).filter(|r| !r.is_empty()),
            Some(credit).filter(|c| !c.is_empty()),
        );
    }
    for marker in [
        "Photograph:",
        "Photo:",
        "Picture:",
        "Image:",
        "Credit:",
        "Photo credit:",
        "©",
    ] {
        if let Some(at) = full.rfind(marker) {
            let (text, credit) = full.split_at(at);
            let credit = squash(credit);
            let text = squash(text);
            return (
                Some(text).filter(|t| !t.is_empty()),
                Some(credit).filter(|c| !c.is_empty()),
            );
        }
    }
    (Some(full).filter(|f| !f.is_empty()), None)
}

/// A node's text with a space between elements, as a reader would read a table's cells.
fn spaced_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if d.is_text() {
            out.push_str(&d.text());
        } else if d.is_element() {
            out.push(' ');
        }
    }
    squash(&out)
}
