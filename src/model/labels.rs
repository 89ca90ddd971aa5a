/// The fixed words the widget shows around the article's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub by: &'static str,
    /// Joins the last two names of a byline, with its spaces.
    pub and: &'static str,
    pub about_author: &'static str,
    pub about_authors: &'static str,
    pub related: &'static str,
    pub promo: &'static str,
    pub profile: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub min_read: &'static str,
    pub loading: &'static str,
    pub failed: &'static str,
    pub months: [&'static str; 12],
}

const ENGLISH: Labels = Labels {
    by: "By",
    and: " and ",
    about_author: "About the author",
    about_authors: "About the authors",
    related: "Related",
    promo: "Promotion",
    profile: "Profile",
    published: "Published",
    updated: "Updated",
    min_read: "min read",
    loading: "Loading article…",
    failed: "This article could not be shown.",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

impl Labels {
    /// Labels for a BCP 47 language tag, falling back to English.
    pub fn for_lang(_lang: &str) -> Labels {
        ENGLISH
    }
}
