//! `sitemap-news.xml`: Google's News sitemap of the articles published in the last two days,
//! and `robots.txt`, which names the sitemaps.

use jiff::{SignedDuration, Timestamp};

use crate::feeds::{container, document, text};
use crate::listing::{seconds, Entry, Site};
use crate::pages::ArticleUrls;

/// How far back the News sitemap reaches: Google reads articles of the last two days.
const NEWS_WINDOW: SignedDuration = SignedDuration::from_hours(48);
/// The most addresses Google reads from one News sitemap.
const NEWS_LIMIT: usize = 1_000;
pub const NEWS_SITEMAP: &str = "sitemap-news.xml";

/// The News sitemap of the `entries` (newest first) published within two days before `now`.
pub fn news_sitemap(site: &Site, entries: &[Entry], now: Timestamp) -> String {
    let since = now.as_second() - NEWS_WINDOW.as_secs();
    let recent = entries
        .iter()
        .filter_map(|entry| Some((entry, entry.published.as_deref()?)))
        .filter(|(_, published)| (since..=now.as_second()).contains(&seconds(published)))
        .take(NEWS_LIMIT);
    let namespaces = [
        ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
        (
            "xmlns:news",
            "http://www.google.com/schemas/sitemap-news/0.9",
        ),
    ];
    document(|w| {
        container(w, "urlset", &namespaces, |w| {
            for (entry, published) in recent {
                container(w, "url", &[], |w| {
                    let page = ArticleUrls::new(site.base, &entry.slug).page;
                    text(w, "loc", &[], &page)?;
                    container(w, "news:news", &[], |w| {
                        container(w, "news:publication", &[], |w| {
                            let name = entry.publisher.as_deref().unwrap_or(site.title);
                            text(w, "news:name", &[], name)?;
                            text(w, "news:language", &[], &news_language(&entry.lang))
                        })?;
                        text(w, "news:publication_date", &[], published)?;
                        text(w, "news:title", &[], &entry.headline)
                    })
                })?;
            }
            Ok(())
        })
    })
}

/// A BCP 47 tag as the News sitemap wants it: its ISO 639 language alone, except Chinese,
/// which is `zh-cn` (Simplified) or `zh-tw` (Traditional).
fn news_language(lang: &str) -> String {
    let lower = lang.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let language = subtags.next().unwrap_or_default();
    if language != "zh" {
        return language.to_owned();
    }
    let traditional = subtags.any(|subtag| matches!(subtag, "hant" | "tw" | "hk" | "mo"));
    if traditional { "zh-tw" } else { "zh-cn" }.to_owned()
}

/// `robots.txt`: everything may be crawled, and where the sitemaps are.
pub fn robots_txt(site: &Site, news: bool) -> String {
    let mut robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.base
    );
    if news {
        robots.push_str(&format!("Sitemap: {}{NEWS_SITEMAP}\n", site.base));
    }
    robots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, published: Option<&str>) -> Entry {
        Entry {
            slug: slug.into(),
            headline: format!("{slug} & <co>"),
            description: String::new(),
            lang: "en-GB".into(),
            dir: "ltr",
            authors: Vec::new(),
            published: published.map(Into::into),
            updated: published.unwrap_or("2024-01-01T00:00:00Z").into(),
            sort_key: published.map_or(0, seconds),
            date_shown: None,
            reading: String::new(),
            image: None,
            iframe: String::new(),
            publisher: None,
        }
    }

    const SITE: Site = Site {
        base: "https://news.example/",
        title: "News Example",
    };

    #[test]
    fn only_the_last_two_days_are_listed() {
        let now: Timestamp = "2024-05-03T12:00:00Z".parse().expect("a timestamp");
        let entries = [
            entry("future", Some("2024-05-03T12:00:01Z")),
            entry("now", Some("2024-05-03T13:00:00+01:00")),
            entry("yesterday", Some("2024-05-02T09:00:00+02:00")),
            entry("two-days", Some("2024-05-01T12:00:00Z")),
            entry("older", Some("2024-05-01T11:59:59Z")),
            entry("undated", None),
        ];
        let xml = news_sitemap(&SITE, &entries, now);
        let listed: Vec<&str> = xml
            .split("<loc>https://news.example/")
            .skip(1)
            .map(|rest| rest.split('/').next().unwrap_or_default())
            .collect();
        assert_eq!(listed, ["now", "yesterday", "two-days"]);
        assert!(
            xml.contains(
                "<news:news>\n<news:publication>\n<news:name>News Example</news:name>\n\
                 <news:language>en</news:language>\n</news:publication>\n\
                 <news:publication_date>2024-05-03T13:00:00+01:00</news:publication_date>\n\
                 <news:title>now &amp; &lt;co&gt;</news:title>\n</news:news>\n"
            ),
            "{xml}"
        );
    }

    #[test]
    fn languages_are_iso_639_with_chinese_scripts() {
        let cases = [
            ("en-GB", "en"),
            ("ar", "ar"),
            ("fil", "fil"),
            ("zh-Hans-CN", "zh-cn"),
            ("zh", "zh-cn"),
            ("zh-Hant", "zh-tw"),
            ("zh-HK", "zh-tw"),
        ];
        for (lang, expected) in cases {
            assert_eq!(news_language(lang), expected, "{lang}");
        }
    }

    #[test]
    fn robots_names_the_news_sitemap_only_when_built() {
        assert!(!robots_txt(&SITE, false).contains("sitemap-news"));
        assert!(
            robots_txt(&SITE, true).contains("Sitemap: https://news.example/sitemap-news.xml\n")
        );
    }
}
