//! Markdown with YAML (`---`) or TOML (`+++`) front matter, read by pulldown-cmark.
//!
//! Conventions, as the README documents them: a blockquote that starts `[!PULLQUOTE]` is a
//! pull quote and one that starts `[!PROMO]` is a promo (its first heading or strong line the
//! title, a paragraph that is only a link its action); a blockquote's last line starting
//! with a dash names who is quoted; an image alone in a paragraph is an image block, its
//! title the caption. The first `# heading` is the headline when the front matter has none.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use url::Url;

use super::text::{attribution, language_tag, squash, tidy_spans, timestamp, words, Resolver};
use super::{Draft, ImportError};
use article_widget::model::{
    is_language_tag, Author, Block, Cell, CodeBlock, ImageBlock, Inline, ListBlock, ListItem,
    PromoAction, PromoBlock, Publisher, RelatedLink, Scope, Span, TableBlock, MAX_LIST_DEPTH,
};

pub fn document(text: &str, page_url: Option<&Url>) -> Result<Draft, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let (front, body, body_line) = split_front_matter(text)?;
    let mut draft = Draft::new();
    let page = page_url.cloned().or_else(|| {
        front
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| Url::parse(u).ok())
    });
    let resolver = Resolver { base: page };
    front_matter(&front, &resolver, &mut draft);
    let mut reader = Reader {
        resolver: &resolver,
        text: body,
        first_line: body_line,
        line_ends: body.match_indices('\n').map(|(at, _)| at).collect(),
        blocks: Vec::new(),
        warnings: Vec::new(),
        headline: None,
    };
    reader.read();
    if draft.article.headline.is_empty() {
        if let Some(h1) = reader.headline.take() {
            draft.article.headline = h1;
        }
    } else if let Some(h1) = reader.headline.take() {
        if squash(&h1) != squash(&draft.article.headline) {
            reader.blocks.insert(0, Block::Heading(h1));
        }
    }
    draft.article.body = reader.blocks;
    draft.warnings.extend(reader.warnings);
    Ok(draft)
}

/// The front matter as JSON values, the text after it and the line it starts on.
fn split_front_matter(text: &str) -> Result<(Value, &str, usize), ImportError> {
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        else {
            continue;
        };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            if line.trim_end() == fence || (!toml && line.trim_end() == "...") {
                let matter = &rest[..offset];
                let body = &rest[offset + line.len()..];
                let lines = 2 + matter.lines().count();
                let value = if toml {
                    let table: toml::Table =
                        toml::from_str(matter).map_err(ImportError::FrontMatterToml)?;
                    toml_json(toml::Value::Table(table))
                } else if matter.trim().is_empty() {
                    Value::Object(Default::default())
                } else {
                    serde_saphyr::from_str::<Value>(matter).map_err(ImportError::FrontMatterYaml)?
                };
                if !value.is_object() {
                    return Err(ImportError::FrontMatterNotAMap);
                }
                return Ok((value, body, lines + 1));
            }
            offset += line.len();
        }
        return Err(ImportError::FrontMatterUnclosed { fence });
    }
    Ok((Value::Object(Default::default()), text, 1))
}

/// TOML's dates are written as RFC 3339 text, as JSON would hold them.
fn toml_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, toml_json(v))).collect())
        }
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(squash(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The fields the format has, under their own names or the ones static-site generators use
/// (`title`, `description`, `date`, `lastmod`, `author`).
fn front_matter(front: &Value, resolver: &Resolver, draft: &mut Draft) {
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| front.get(*n).filter(|v| !v.is_null()))
    };
    let text = |names: &[&str]| string(field(names));
    let article = &mut draft.article;
    article.headline = text(&["headline", "title"]).unwrap_or_default();
    article.standfirst = text(&[
        "standfirst",
        "description",
        "summary",
        "subtitle",
        "excerpt",
    ]);
    article.kicker = text(&["kicker", "section"]);
    article.section =
        text(&["section", "category"]).or_else(|| words(field(&["categories"])).into_iter().next());
    article.tags = words(field(&["tags", "keywords"]));
    article.url = resolver.resolve_opt(text(&["url", "canonical"]).as_deref());
    if let Some(raw) = text(&["lang", "language", "locale"]) {
        let tag = language_tag(&raw);
        if is_language_tag(&tag) {
            article.lang = Some(tag);
        } else {
            draft.warnings.push(format!(
                "front matter: the language `{raw}` is not a BCP 47 tag; it was dropped"
            ));
        }
    }
    let article = &mut draft.article;
    article.publisher = match field(&["publisher", "site"]) {
        Some(Value::String(name)) => Some(Publisher {
            name: squash(name),
            url: None,
            logo: None,
        }),
        Some(Value::Object(p)) => string(p.get("name")).map(|name| Publisher {
            name,
            url: resolver.resolve_opt(string(p.get("url")).as_deref()),
            logo: resolver.resolve_opt(string(p.get("logo")).as_deref()),
        }),
        _ => None,
    };
    if let Some(authors) = field(&["authors", "author"]) {
        let list = match authors {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        article.authors = list
            .iter()
            .filter_map(|a| match a {
                Value::String(name) => Some(Author {
                    name: squash(name),
                    role: None,
                    bio: None,
                    avatar: None,
                    url: None,
                }),
                Value::Object(o) => string(o.get("name")).map(|name| Author {
                    name,
                    role: string(o.get("role")),
                    bio: o
                        .get("bio")
                        .and_then(Value::as_str)
                        .map(|b| b.trim().to_owned())
                        .filter(|b| !b.is_empty()),
                    avatar: resolver.resolve_opt(string(o.get("avatar")).as_deref()),
                    url: resolver.resolve_opt(string(o.get("url")).as_deref()),
                }),
                _ => None,
            })
            .filter(|a| !a.name.is_empty())
            .collect();
    }
    if let Some(Value::Array(related)) = field(&["related"]) {
        article.related = related
            .iter()
            .filter_map(|r| match r {
                Value::String(title) => Some(RelatedLink {
                    title: squash(title),
                    url: None,
                    kicker: None,
                    image: None,
                }),
                Value::Object(o) => string(o.get("title")).map(|title| RelatedLink {
                    title,
                    url: resolver.resolve_opt(string(o.get("url")).as_deref()),
                    kicker: string(o.get("kicker")),
                    image: resolver.resolve_opt(string(o.get("image")).as_deref()),
                }),
                _ => None,
            })
            .collect();
    }
    for (names, published) in [
        (&["published", "date"][..], true),
        (&["updated", "lastmod", "modified"][..], false),
    ] {
        let Some(raw) = text(names) else { continue };
        match timestamp(&raw) {
            Ok(stamp) if published => draft.article.published = Some(stamp),
            Ok(stamp) => draft.article.updated = Some(stamp),
            Err(why) => draft
                .warnings
                .push(format!("front matter: {}: {why}; it was dropped", names[0])),
        }
    }
}

/// A list item being read: its text so far, the list nested in it, and the items of lists
/// nested too deep for the format, which follow it in its own list.
#[derive(Default)]
struct ItemBuilder {
    spans: Vec<Span>,
    list: Option<ListBlock>,
    spilled: Vec<ListItem>,
    /// How deep the container stack was when the item began: a paragraph at that depth is
    /// the item's own text.
    container: usize,
}

impl ItemBuilder {
    fn take_run(&mut self, run: Run, images: &mut Vec<ImageBlock>) {
        if !self.spans.is_empty() && !run.spans.is_empty() {
            self.spans.push(Span::plain(" "));
        }
        self.spans.extend(run.spans);
        images.extend(run.images);
    }
}

/// A table being read: its rows so far, and the cells of the row being read.
#[derive(Default)]
struct TableBuilder {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    in_head: bool,
    head_rows: u32,
}

/// A blockquote being read, or the document itself.
#[derive(Default)]
struct Container {
    blocks: Vec<Block>,
}

struct Reader<'a> {
    resolver: &'a Resolver,
    text: &'a str,
    first_line: usize,
    /// Where each line of `text` ends, for telling an offset's line without counting the
    /// lines before it at every event.
    line_ends: Vec<usize>,
    blocks: Vec<Block>,
    warnings: Vec<String>,
    headline: Option<String>,
}

/// An inline run being gathered: a paragraph's, a heading's, a list item's.
#[derive(Default)]
struct Run {
    spans: Vec<Span>,
    href: Vec<String>,
    em: usize,
    strong: usize,
    images: Vec<ImageBlock>,
    /// An image being read: its source, title and alt text so far.
    image: Option<(String, String, String)>,
}

impl Run {
    fn push(&mut self, text: &str) {
        if let Some((_, _, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        self.spans.push(Span {
            text: text.to_owned(),
            href: self.href.last().cloned().filter(|h| !h.is_empty()),
            em: self.em > 0,
            strong: self.strong > 0,
        });
    }
}

impl Reader<'_> {
    /// A block of raw HTML: a post or a video pasted as its platform's embed code is read as
    /// the HTML importer reads it, with the HTML around it; any other HTML is dropped.
    fn html_block(&mut self, html: &str, line: usize, blocks: &mut Vec<Block>) {
        if let Ok((read, warnings)) = super::html::fragment(html, self.resolver) {
            if read
                .iter()
                .any(|block| matches!(block, Block::Post(_) | Block::Video(_)))
            {
                blocks.extend(read);
                let at = |warning: String| format!("line {line}: {warning}");
                self.warnings.extend(warnings.into_iter().map(at));
                return;
            }
        }
        let shown: String = squash(html).chars().take(60).collect();
        self.warnings.push(format!(
            "line {line}: raw HTML `{shown}` was dropped: the importer never carries HTML"
        ));
    }

    fn line_of(&self, offset: usize) -> usize {
        self.first_line + self.line_ends.partition_point(|&end| end < offset)
    }

    fn read(&mut self) {
        let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
        let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(self.text, options)
            .into_offset_iter()
            .collect();
        let mut stack: Vec<Container> = vec![Container::default()];
        let mut run: Option<Run> = None;
        let mut lists: Vec<ListBlock> = Vec::new();
        let mut items: Vec<ItemBuilder> = Vec::new();
        // Images met in list items and table cells, which follow the list or the table.
        let mut images: Vec<ImageBlock> = Vec::new();
        let mut flattened = 0usize;
        let mut table: Option<TableBuilder> = None;
        let mut skip_depth = 0usize;
        let mut code: Option<CodeBlock> = None;
        // A block of raw HTML being gathered, and the line it starts on.
        let mut html_block: Option<(String, usize)> = None;
        for (event, range) in events {
            let line = self.line_of(range.start);
            if let Some((html, start)) = &mut html_block {
                match event {
                    Event::Html(text) => html.push_str(&text),
                    Event::End(TagEnd::HtmlBlock) => {
                        let (html, start) = (std::mem::take(html), *start);
                        html_block = None;
                        if let Some(c) = stack.last_mut() {
                            self.html_block(&html, start, &mut c.blocks);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if skip_depth > 0 {
                match event {
                    Event::Start(_) => skip_depth += 1,
                    Event::End(_) => skip_depth -= 1,
                    _ => {}
                }
                continue;
            }
            if let Some(block) = &mut code {
                match event {
                    Event::Text(text) => block.text.push_str(&text),
                    Event::End(TagEnd::CodeBlock) => {
                        block.text.truncate(block.text.trim_end().len());
                        if let (false, Some(c)) = (block.text.trim().is_empty(), stack.last_mut()) {
                            c.blocks.extend(code.take().map(Block::Code));
                        }
                        code = None;
                    }
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Start(Tag::Paragraph | Tag::Heading { .. }) => run = Some(Run::default()),
                Event::Start(Tag::Item) => {
                    items.push(ItemBuilder {
                        container: stack.len(),
                        ..ItemBuilder::default()
                    });
                    run = Some(Run::default());
                }
                Event::End(TagEnd::Item) => {
                    let Some(mut item) = items.pop() else {
                        continue;
                    };
                    if let Some(r) = run.take() {
                        item.take_run(r, &mut images);
                    }
                    let text = tidy_spans(item.spans);
                    if let Some(list) = lists.last_mut() {
                        if !text.0.is_empty() || item.list.is_some() {
                            list.items.push(ListItem {
                                text,
                                list: item.list,
                            });
                        }
                        list.items.extend(item.spilled);
                    }
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some(r) = run.take() {
                        match items.last_mut() {
                            Some(item) if item.container == stack.len() => {
                                item.take_run(r, &mut images);
                            }
                            _ => push_run(stack.last_mut(), r),
                        }
                    }
                }
                Event::Start(Tag::Table(_)) => table = Some(TableBuilder::default()),
                Event::Start(Tag::TableHead) => {
                    if let Some(t) = &mut table {
                        t.in_head = true;
                    }
                }
                Event::Start(Tag::TableCell) => run = Some(Run::default()),
                Event::End(TagEnd::TableCell) => {
                    if let (Some(t), Some(r)) = (&mut table, run.take()) {
                        images.extend(r.images);
                        t.row.push(Cell {
                            text: tidy_spans(r.spans),
                            header: t.in_head,
                            scope: t.in_head.then_some(Scope::Col),
                            ..Cell::default()
                        });
                    }
                }
                Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                    if let Some(t) = &mut table {
                        let row = std::mem::take(&mut t.row);
                        if !row.is_empty() {
                            t.rows.push(row);
                            t.head_rows += u32::from(t.in_head);
                        }
                        t.in_head = false;
                    }
                }
                Event::End(TagEnd::Table) => {
                    if let (Some(t), Some(c)) = (table.take(), stack.last_mut()) {
                        if !t.rows.is_empty() {
                            c.blocks.push(Block::Table(TableBlock {
                                caption: None,
                                head_rows: t.head_rows,
                                rows: t.rows,
                            }));
                        }
                        c.blocks.extend(images.drain(..).map(Block::Image));
                    }
                }
                Event::End(TagEnd::Heading(level)) => {
                    if let Some(r) = run.take() {
                        let text = squash(&tidy_spans(r.spans).text());
                        if level == HeadingLevel::H1
                            && self.headline.is_none()
                            && stack.len() == 1
                            && self.blocks_empty(&stack)
                        {
                            self.headline = Some(text);
                        } else if !text.is_empty() {
                            if let Some(c) = stack.last_mut() {
                                c.blocks.push(Block::Heading(text));
                            }
                        }
                    }
                }
                Event::Start(Tag::BlockQuote(_)) => stack.push(Container::default()),
                Event::End(TagEnd::BlockQuote(_)) => {
                    let inner = stack.pop().unwrap_or_default();
                    let block = self.blockquote(inner.blocks, line);
                    if let Some(c) = stack.last_mut() {
                        c.blocks.extend(block);
                    }
                }
                Event::Start(Tag::List(first)) => {
                    // An item's text before the list nested in it.
                    if let Some(r) = run.take() {
                        match items.last_mut() {
                            Some(item) => item.take_run(r, &mut images),
                            None => push_run(stack.last_mut(), r),
                        }
                    }
                    lists.push(ListBlock {
                        ordered: first.is_some(),
                        start: first
                            .filter(|&n| n != 1)
                            .and_then(|n| u32::try_from(n).ok()),
                        items: Vec::new(),
                    });
                }
                Event::End(TagEnd::List(_)) => {
                    let Some(list) = lists.pop() else { continue };
                    if lists.is_empty() {
                        if flattened > 0 {
                            self.warnings.push(format!(
                                "line {line}: lists nested more than {MAX_LIST_DEPTH} deep were flattened into the list above them ({flattened} items)"
                            ));
                            flattened = 0;
                        }
                        if let Some(c) = stack.last_mut() {
                            if !list.items.is_empty() {
                                c.blocks.push(Block::List(list));
                            }
                            c.blocks.extend(images.drain(..).map(Block::Image));
                        }
                        continue;
                    }
                    let Some(item) = items.last_mut() else {
                        continue;
                    };
                    // Text after a nested list, still in the item.
                    run = Some(Run::default());
                    if lists.len() >= MAX_LIST_DEPTH {
                        let before = item.spilled.len();
                        super::blocks::flatten(list, &mut item.spilled);
                        // Counted once, where they land.
                        if lists.len() == MAX_LIST_DEPTH {
                            flattened += item.spilled.len() - before;
                        }
                    } else {
                        match &mut item.list {
                            Some(first) => first.items.extend(list.items),
                            None => item.list = Some(list),
                        }
                    }
                }
                Event::Start(Tag::Emphasis) => {
                    if let Some(r) = &mut run {
                        r.em += 1;
                    }
                }
                Event::End(TagEnd::Emphasis) => {
                    if let Some(r) = &mut run {
                        r.em = r.em.saturating_sub(1);
                    }
                }
                Event::Start(Tag::Strong) => {
                    if let Some(r) = &mut run {
                        r.strong += 1;
                    }
                }
                Event::End(TagEnd::Strong) => {
                    if let Some(r) = &mut run {
                        r.strong = r.strong.saturating_sub(1);
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some(r) = &mut run {
                        let href = if dest_url.starts_with('#') {
                            String::new()
                        } else {
                            self.resolver.resolve(&dest_url)
                        };
                        r.href.push(href);
                    }
                }
                Event::End(TagEnd::Link) => {
                    if let Some(r) = &mut run {
                        r.href.pop();
                    }
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    if let Some(r) = &mut run {
                        r.image = Some((
                            self.resolver.resolve(&dest_url),
                            title.to_string(),
                            String::new(),
                        ));
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some(r) = &mut run {
                        if let Some((src, title, alt)) = r.image.take() {
                            let caption = Some(squash(&title)).filter(|t| !t.is_empty());
                            r.images.push(ImageBlock {
                                src,
                                alt: squash(&alt),
                                caption,
                                credit: None,
                                width: None,
                                height: None,
                            });
                        }
                    }
                }
                Event::Text(text) | Event::Code(text) => {
                    if let Some(r) = &mut run {
                        r.push(&text);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(r) = &mut run {
                        r.push("\n");
                    }
                }
                Event::Start(Tag::HtmlBlock) => html_block = Some((String::new(), line)),
                Event::Html(html) | Event::InlineHtml(html) => {
                    let shown = squash(&html);
                    let shown: String = shown.chars().take(60).collect();
                    self.warnings.push(format!("line {line}: raw HTML `{shown}` was dropped: the importer never carries HTML"));
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let language = match kind {
                        CodeBlockKind::Fenced(info) => info
                            .split([' ', ',', '{'])
                            .next()
                            .filter(|word| !word.is_empty())
                            .map(str::to_owned),
                        CodeBlockKind::Indented => None,
                    };
                    code = Some(CodeBlock {
                        text: String::new(),
                        language,
                    });
                }

                Event::Start(Tag::FootnoteDefinition(_)) => {
                    self.warnings.push(format!(
                        "line {line}: a footnote was dropped: the format has no block for it"
                    ));
                    skip_depth = 1;
                }
                Event::Rule => {
                    if let Some(c) = stack.last_mut() {
                        c.blocks.push(Block::Divider);
                    }
                }
                Event::FootnoteReference(_)
                | Event::TaskListMarker(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => {
                    self.warnings.push(format!(
                        "line {line}: a footnote, task marker or formula was dropped"
                    ));
                }
                _ => {}
            }
        }
        self.blocks = stack.pop().map(|c| c.blocks).unwrap_or_default();
    }

    fn blocks_empty(&self, stack: &[Container]) -> bool {
        stack.first().is_none_or(|c| c.blocks.is_empty())
    }

    /// A blockquote: a quote, a pull quote (`[!PULLQUOTE]`) or a promo (`[!PROMO]`).
    fn blockquote(&mut self, mut blocks: Vec<Block>, line: usize) -> Vec<Block> {
        let marker = blocks.first().and_then(|b| match b {
            Block::Paragraph(text) => {
                let t = text.text();
                let t = t.trim_start();
                ["[!PULLQUOTE]", "[!PROMO]"]
                    .into_iter()
                    .find(|m| t.to_ascii_uppercase().starts_with(m))
            }
            _ => None,
        });
        if let Some(marker) = marker {
            if let Some(Block::Paragraph(text)) = blocks.first_mut() {
                strip_marker(text, marker);
                if text.text().trim().is_empty() {
                    blocks.remove(0);
                }
            }
        }
        let cite = match blocks.last() {
            Some(Block::Paragraph(text)) if blocks.len() > 1 || marker.is_some() => {
                attribution(&text.text())
            }
            _ => None,
        };
        if cite.is_some() {
            blocks.pop();
        }
        let all_text = |blocks: &[Block]| -> Vec<Inline> {
            blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph(t) => Some(t.clone()),
                    Block::Heading(h) => Some(Inline::plain(h.clone())),
                    _ => None,
                })
                .collect()
        };
        match marker {
            Some("[!PULLQUOTE]") => {
                let text = squash(
                    &all_text(&blocks)
                        .iter()
                        .map(Inline::text)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                if text.is_empty() {
                    self.warnings
                        .push(format!("line {line}: an empty pull quote was dropped"));
                    return Vec::new();
                }
                vec![Block::PullQuote { text, cite }]
            }
            Some(_) => {
                let mut title = None;
                let mut text = Vec::new();
                let mut action = None;
                for block in &blocks {
                    match block {
                        Block::Heading(h) if title.is_none() => title = Some(h.clone()),
                        Block::Paragraph(p) if p.0.len() == 1 && p.0[0].href.is_some() && action.is_none() => {
                            action = Some(PromoAction { label: squash(&p.0[0].text), url: p.0[0].href.clone().unwrap_or_default() });
                        }
                        Block::Paragraph(p) if title.is_none() && p.0.iter().all(|s| s.strong || s.text.trim().is_empty()) => title = Some(squash(&p.text())),
                        Block::Paragraph(p) => text.push(squash(&p.text())),
                        _ => self.warnings.push(format!("line {line}: the promo can hold only a title, text and a link; an image or quote in it was dropped")),
                    }
                }
                let Some(title) = title.or_else(|| (!text.is_empty()).then(|| text.remove(0)))
                else {
                    self.warnings
                        .push(format!("line {line}: a promo without a title was dropped"));
                    return Vec::new();
                };
                let text = Some(text.join(" ")).filter(|t| !t.is_empty());
                vec![Block::Promo(PromoBlock {
                    title,
                    text,
                    action,
                })]
            }
            None => {
                let mut out = Vec::new();
                let mut spans: Vec<Span> = Vec::new();
                for block in blocks {
                    match block {
                        Block::Paragraph(text) => {
                            if !spans.is_empty() {
                                spans.push(Span::plain(" "));
                            }
                            spans.extend(text.0);
                        }
                        Block::Heading(text) => {
                            if !spans.is_empty() {
                                spans.push(Span::plain(" "));
                            }
                            spans.push(Span::plain(text));
                        }
                        other => out.push(other),
                    }
                }
                let text = tidy_spans(spans);
                let mut quote = Vec::new();
                if !text.0.is_empty() {
                    quote.push(Block::Quote { text, cite });
                }
                quote.extend(out);
                quote
            }
        }
    }
}

fn strip_marker(text: &mut Inline, marker: &str) {
    let mut remaining = marker.len();
    for span in &mut text.0 {
        if remaining == 0 {
            break;
        }
        let trimmed = span.text.trim_start();
        let lead = span.text.len() - trimmed.len();
        let take = remaining.min(trimmed.len());
        span.text = span.text[lead + take..].to_owned();
        remaining -= take;
    }
    *text = tidy_spans(std::mem::take(&mut text.0));
}

/// A finished run is a paragraph, and images alone in it are image blocks. Its last line, when
/// it names who is quoted (`— Name`), is a paragraph of its own, for the blockquote to read.
fn push_run(container: Option<&mut Container>, mut run: Run) {
    let Some(container) = container else { return };
    let mut attribution_line = None;
    if let Some(at) = run.spans.iter().rposition(|s| s.text.contains('\n')) {
        let span = &run.spans[at];
        let cut = span.text.rfind('\n').unwrap_or_default();
        let tail: String = span.text[cut + 1..].to_owned()
            + &run.spans[at + 1..]
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>();
        if attribution(&tail).is_some() {
            let head = span.text[..cut].to_owned();
            run.spans.truncate(at + 1);
            run.spans[at].text = head;
            attribution_line = Some(tail);
        }
    }
    let text = tidy_spans(run.spans);
    if !text.0.is_empty() {
        container.blocks.push(Block::Paragraph(text));
    }
    if let Some(line) = attribution_line {
        container
            .blocks
            .push(Block::Paragraph(Inline::plain(squash(&line))));
    }
    container
        .blocks
        .extend(run.images.into_iter().map(Block::Image));
}
