//! The whole article as plain semantic HTML for feed readers (Atom `content`, RSS
//! `content:encoded`, JSON Feed `content_html`): no scripts, styles, classes or shadow roots,
//! every URL absolute. One arm per block type, so a new type is one more arm here.

use url::Url;

use article_widget::i18n::Labels;
use article_widget::model::{
    Article, Block, Cell, ImageBlock, Inline, ListBlock, Platform, Post, PromoBlock, Scope,
    TableBlock, VideoBlock,
};

use crate::text::xml;

/// The article's lead image, its body and its notes, with URLs resolved against `page` (the
/// article's address).
pub fn feed_html(article: &Article, page: &str) -> String {
    let labels = Labels::for_lang(article.lang());
    let mut html = FeedHtml {
        out: String::new(),
        base: Url::parse(page).ok(),
        page: page.to_owned(),
        labels,
    };
    if let Some(image) = &article.image {
        html.image(image);
    }
    for block in &article.body {
        html.block(block);
    }
    for note in &article.notes {
        html.open("p");
        html.open("strong");
        html.text(labels.note_kind(note.kind));
        html.close("strong");
        html.text(&format!(" ({}): ", labels.date(&note.date)));
        html.text(&note.text);
        html.close("p");
    }
    html.out
}

struct FeedHtml {
    out: String,
    base: Option<Url>,
    /// The article's address, which a video links to: its player is the article's page.
    page: String,
    labels: &'static Labels,
}

impl FeedHtml {
    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(text) => self.element("p", text),
            Block::Heading(text) => {
                self.open("h2");
                self.text(text);
                self.close("h2");
            }
            Block::Quote { text, cite } => self.quote(text, cite.as_deref()),
            // It repeats the story's own words; without the layout that sets it apart, a feed
            // reader would show them twice.
            Block::PullQuote { .. } => {}
            Block::Image(image) => self.image(image),
            Block::Promo(promo) => self.promo(promo),
            Block::List(list) => self.list(list),
            Block::Table(table) => self.table(table),
            Block::Code(code) => {
                self.open("pre");
                self.open("code");
                self.text(&code.text);
                self.close("code");
                self.close("pre");
            }
            Block::Divider => self.out.push_str("<hr>"),
            Block::Post(block) => self.post(&block.post, block.platform, block.quoted.as_ref()),
            Block::Video(video) => self.video(video),
        }
    }

    /// A saved post as a quote of its text, signed with its author and a dated link to the
    /// original; the post it quotes is a quote within it.
    fn post(&mut self, post: &Post, platform: Platform, quoted: Option<&Post>) {
        self.open("blockquote");
        self.element("p", &post.text);
        if let Some(image) = &post.image {
            self.image(image);
        }
        if let Some(quoted) = quoted {
            self.post(quoted, platform, None);
        }
        self.open("p");
        let author = &post.author;
        self.text(&format!(
            "— {} ({}), {}, ",
            author.name,
            author.handle,
            platform.shown()
        ));
        let date = self.labels.date(&post.date);
        match self.absolute(&post.url) {
            Some(href) => {
                self.open_link(&href);
                self.text(&date);
                self.close("a");
            }
            None => self.text(&date),
        }
        self.close("p");
        self.close("blockquote");
    }

    /// A video as its poster and title, linked to the article, where it plays.
    fn video(&mut self, video: &VideoBlock) {
        let page = self.page.clone();
        self.open("figure");
        self.open_link(&page);
        match video
            .poster
            .as_deref()
            .and_then(|poster| self.absolute(poster))
        {
            Some(poster) => {
                self.out.push_str("<img");
                self.attribute("src", &poster);
                self.attribute("alt", &video.title);
                self.out.push('>');
            }
            None => self.text(&video.title),
        }
        self.close("a");
        self.open("figcaption");
        self.text(&video.title);
        if let Some(caption) = &video.caption {
            self.text(&format!(" {caption}"));
        }
        self.close("figcaption");
        self.close("figure");
    }

    fn quote(&mut self, text: &Inline, cite: Option<&str>) {
        if cite.is_some() {
            self.open("figure");
        }
        self.open("blockquote");
        self.element("p", text);
        self.close("blockquote");
        if let Some(cite) = cite {
            self.open("figcaption");
            self.text(&format!("— {cite}"));
            self.close("figcaption");
            self.close("figure");
        }
    }

    fn image(&mut self, image: &ImageBlock) {
        let Some(src) = self.absolute(&image.src) else {
            return;
        };
        self.open("figure");
        self.out.push_str("<img");
        self.attribute("src", &src);
        self.attribute("alt", &image.alt);
        if let Some(width) = image.width {
            self.attribute("width", &width.to_string());
        }
        if let Some(height) = image.height {
            self.attribute("height", &height.to_string());
        }
        self.out.push('>');
        if image.caption.is_some() || image.credit.is_some() {
            self.open("figcaption");
            if let Some(caption) = &image.caption {
                self.text(caption);
            }
            if let Some(credit) = &image.credit {
                if image.caption.is_some() {
                    self.out.push(' ');
                }
                self.open("small");
                self.text(credit);
                self.close("small");
            }
            self.close("figcaption");
        }
        self.close("figure");
    }

    fn promo(&mut self, promo: &PromoBlock) {
        self.open("aside");
        self.open("p");
        self.open("strong");
        self.text(&promo.title);
        self.close("strong");
        self.close("p");
        if let Some(text) = &promo.text {
            self.open("p");
            self.text(text);
            self.close("p");
        }
        if let Some(action) = &promo.action {
            if let Some(href) = self.absolute(&action.url) {
                self.open("p");
                self.open_link(&href);
                self.text(&action.label);
                self.close("a");
                self.close("p");
            }
        }
        self.close("aside");
    }

    fn list(&mut self, list: &ListBlock) {
        let tag = if list.ordered { "ol" } else { "ul" };
        self.out.push('<');
        self.out.push_str(tag);
        if let Some(start) = list.start.filter(|_| list.ordered) {
            self.attribute("start", &start.to_string());
        }
        self.out.push('>');
        for item in &list.items {
            self.open("li");
            self.inline(&item.text);
            if let Some(nested) = &item.list {
                self.list(nested);
            }
            self.close("li");
        }
        self.close(tag);
    }

    fn table(&mut self, table: &TableBlock) {
        self.open("table");
        if let Some(caption) = &table.caption {
            self.open("caption");
            self.text(caption);
            self.close("caption");
        }
        let head_rows = (table.head_rows as usize).min(table.rows.len());
        let (head, body) = table.rows.split_at(head_rows);
        for (section, rows) in [("thead", head), ("tbody", body)] {
            if rows.is_empty() {
                continue;
            }
            self.open(section);
            for row in rows {
                self.open("tr");
                for cell in row {
                    self.cell(cell);
                }
                self.close("tr");
            }
            self.close(section);
        }
        self.close("table");
    }

    fn cell(&mut self, cell: &Cell) {
        let tag = if cell.header { "th" } else { "td" };
        self.out.push('<');
        self.out.push_str(tag);
        if let Some(scope) = cell.scope.filter(|_| cell.header) {
            self.attribute("scope", Scope::name(scope));
        }
        if cell.colspan > 1 {
            self.attribute("colspan", &cell.colspan.to_string());
        }
        if cell.rowspan > 1 {
            self.attribute("rowspan", &cell.rowspan.to_string());
        }
        self.out.push('>');
        self.inline(&cell.text);
        self.close(tag);
    }

    fn element(&mut self, tag: &str, text: &Inline) {
        self.open(tag);
        self.inline(text);
        self.close(tag);
    }

    /// Running text: each span's link, then strong, then emphasis, around its text. A link
    /// whose URL cannot be made absolute is left as its text.
    fn inline(&mut self, text: &Inline) {
        for span in &text.0 {
            let href = span.href.as_deref().and_then(|href| self.absolute(href));
            if let Some(href) = &href {
                self.open_link(href);
            }
            if span.strong {
                self.open("strong");
            }
            if span.em {
                self.open("em");
            }
            self.text(&span.text);
            if span.em {
                self.close("em");
            }
            if span.strong {
                self.close("strong");
            }
            if href.is_some() {
                self.close("a");
            }
        }
    }

    /// The URL resolved against the article's address: absolute, or `None`.
    fn absolute(&self, url: &str) -> Option<String> {
        let resolved = match &self.base {
            Some(base) => base.join(url).ok()?,
            None => Url::parse(url).ok()?,
        };
        matches!(resolved.scheme(), "http" | "https" | "mailto").then(|| resolved.into())
    }

    /// `<a href>`, its URL escaped.
    fn open_link(&mut self, href: &str) {
        self.out.push_str("<a");
        self.attribute("href", href);
        self.out.push('>');
    }

    fn open(&mut self, tag: &str) {
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn attribute(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&xml(value));
        self.out.push('"');
    }

    fn text(&mut self, text: &str) {
        self.out.push_str(&xml(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_widget::model::{ListItem, Span};

    const PAGE: &str = "https://news.example/a/";

    fn article(body: Vec<Block>) -> Article {
        Article {
            headline: "H".into(),
            body,
            ..Article::default()
        }
    }

    fn html(body: Vec<Block>) -> String {
        feed_html(&article(body), PAGE)
    }

    fn link(text: &str, href: &str) -> Span {
        Span {
            href: Some(href.into()),
            ..Span::plain(text)
        }
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let cases = [
            (
                Block::Paragraph(Inline::plain("<script>alert(1)</script> & \"x\"")),
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>",
            ),
            (
                Block::Heading("a\u{0}b\u{FFFE}c".into()),
                "<h2>abc</h2>",
            ),
            (
                Block::Paragraph(Inline(vec![link("x", "/q?a=1&b=\"2\"")])),
                "<p><a href=\"https://news.example/q?a=1&amp;b=%222%22\">x</a></p>",
            ),
            (
                Block::Image(ImageBlock {
                    src: "i.png".into(),
                    alt: "a \"quoted\" <alt>".into(),
                    ..ImageBlock::default()
                }),
                "<figure><img src=\"https://news.example/a/i.png\" alt=\"a &quot;quoted&quot; &lt;alt&gt;\"></figure>",
            ),
            (
                Block::Code(article_widget::model::CodeBlock {
                    text: "if a < b && c {\n}".into(),
                    language: Some("rust".into()),
                }),
                "<pre><code>if a &lt; b &amp;&amp; c {\n}</code></pre>",
            ),
        ];
        for (block, expected) in cases {
            assert_eq!(html(vec![block]), expected);
        }
    }

    #[test]
    fn every_url_is_absolute_or_dropped() {
        let cases = [
            ("#notes", Some("https://news.example/a/#notes")),
            ("../b/", Some("https://news.example/b/")),
            ("https://other.example/x", Some("https://other.example/x")),
            ("mailto:desk@news.example", Some("mailto:desk@news.example")),
            ("javascript:alert(1)", None),
            ("http://[bad", None),
        ];
        for (href, expected) in cases {
            let out = html(vec![Block::Paragraph(Inline(vec![link("t", href)]))]);
            match expected {
                Some(url) => assert_eq!(out, format!("<p><a href=\"{url}\">t</a></p>"), "{href}"),
                None => assert_eq!(out, "<p>t</p>", "{href}"),
            }
        }
    }

    #[test]
    fn lists_nest_inside_their_items() {
        let list = ListBlock {
            ordered: true,
            start: Some(3),
            items: vec![
                ListItem {
                    text: Inline(vec![
                        Span {
                            em: true,
                            strong: true,
                            ..Span::plain("one")
                        },
                        link(" two", "/2"),
                    ]),
                    list: Some(ListBlock {
                        ordered: false,
                        start: None,
                        items: vec![ListItem {
                            text: Inline::plain("inner"),
                            list: None,
                        }],
                    }),
                },
                ListItem {
                    text: Inline::plain("last"),
                    list: None,
                },
            ],
        };
        assert_eq!(
            html(vec![Block::List(list)]),
            "<ol start=\"3\"><li><strong><em>one</em></strong><a href=\"https://news.example/2\"> two</a>\
             <ul><li>inner</li></ul></li><li>last</li></ol>"
        );
    }

    #[test]
    fn tables_keep_caption_head_scope_and_spans() {
        let th = |text: &str, scope, colspan, rowspan| Cell {
            text: Inline::plain(text),
            header: true,
            scope: Some(scope),
            colspan,
            rowspan,
        };
        let td = |text: &str| Cell {
            text: Inline::plain(text),
            ..Cell::default()
        };
        let table = TableBlock {
            caption: Some("Votes <2024>".into()),
            head_rows: 1,
            rows: vec![
                vec![th("Ward", Scope::Col, 1, 2), th("Votes", Scope::Col, 2, 1)],
                vec![th("North", Scope::Row, 1, 1), td("1"), td("2")],
            ],
        };
        assert_eq!(
            html(vec![Block::Table(table)]),
            "<table><caption>Votes &lt;2024&gt;</caption>\
             <thead><tr><th scope=\"col\" rowspan=\"2\">Ward</th><th scope=\"col\" colspan=\"2\">Votes</th></tr></thead>\
             <tbody><tr><th scope=\"row\">North</th><td>1</td><td>2</td></tr></tbody></table>"
        );
    }

    #[test]
    fn the_lead_image_comes_first_and_the_notes_last() {
        let mut article = article(vec![
            Block::Paragraph(Inline::plain("Body.")),
            Block::Divider,
        ]);
        article.image = Some(ImageBlock {
            src: "/lead.jpg".into(),
            alt: "Lead".into(),
            caption: Some("The caption.".into()),
            credit: Some("Photo: A".into()),
            width: Some(1200),
            height: Some(800),
        });
        article.notes = vec![article_widget::model::Note {
            kind: article_widget::model::NoteKind::Correction,
            date: article_widget::model::Timestamp::parse("2024-05-03T09:40:00+01:00")
                .expect("a timestamp"),
            text: "A name was misspelt.".into(),
        }];
        assert_eq!(
            feed_html(&article, PAGE),
            "<figure><img src=\"https://news.example/lead.jpg\" alt=\"Lead\" width=\"1200\" height=\"800\">\
             <figcaption>The caption. <small>Photo: A</small></figcaption></figure>\
             <p>Body.</p><hr><p><strong>Correction</strong> (3 May 2024): A name was misspelt.</p>"
        );
    }

    /// A post is a signed quote with a dated link to the original, its quoted post a quote
    /// within; a video is its poster linked to the article, which plays it.
    #[test]
    fn posts_are_quotes_and_videos_their_posters_linked_to_the_article() {
        let json = r#"{"headline": "H", "body": [
            {"type": "post", "platform": "x", "url": "https://x.com/a/status/1",
             "author": {"name": "A <b>", "handle": "@a"}, "text": ["Hi ", {"text": "there", "href": "/t"}],
             "date": "2024-05-03T09:40:00Z",
             "quote": {"url": "https://x.com/b/status/2", "author": {"name": "B", "handle": "@b"},
                       "text": "Quoted", "date": "2024-05-02T09:40:00Z"}},
            {"type": "video", "host": "youtube", "id": "aqz-KE-bpKQ", "title": "Bunny", "poster": "/p.jpg"},
            {"type": "video", "src": "/v.webm", "title": "River"}
        ]}"#;
        let article = Article::from_json(json).expect("valid").article;
        assert_eq!(
            feed_html(&article, PAGE),
            "<blockquote><p>Hi <a href=\"https://news.example/t\">there</a></p>\
             <blockquote><p>Quoted</p><p>— B (@b), X, <a href=\"https://x.com/b/status/2\">2 May 2024</a></p></blockquote>\
             <p>— A &lt;b&gt; (@a), X, <a href=\"https://x.com/a/status/1\">3 May 2024</a></p></blockquote>\
             <figure><a href=\"https://news.example/a/\"><img src=\"https://news.example/p.jpg\" alt=\"Bunny\"></a><figcaption>Bunny</figcaption></figure>\
             <figure><a href=\"https://news.example/a/\">River</a><figcaption>River</figcaption></figure>"
        );
    }
}
