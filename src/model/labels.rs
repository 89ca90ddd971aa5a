/// The fixed words the widget shows around the article's own text, in the article's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub by: &'static str,
    /// Joins the last two names of a byline, with its spaces.
    pub and: &'static str,
    /// Joins the other names of a byline.
    pub comma: &'static str,
    pub about_author: &'static str,
    pub about_authors: &'static str,
    pub related: &'static str,
    pub promo: &'static str,
    pub profile: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    /// Reading time by plural form (`{n}` stands for the minutes): one, two, few, other.
    /// Languages without a form use `other`.
    pub reading_time: [&'static str; 4],
    pub loading: &'static str,
    pub failed: &'static str,
    /// How a date is written: `{d}` day, `{m}` month name, `{y}` year.
    pub date: &'static str,
    pub months: [&'static str; 12],
}

impl Labels {
    /// Labels for a BCP 47 language tag, by its primary language, falling back to English.
    pub fn for_lang(lang: &str) -> Labels {
        Labels::written_in(lang).unwrap_or(ENGLISH)
    }

    /// Labels in the tag's own primary language, if the widget has them.
    pub fn written_in(lang: &str) -> Option<Labels> {
        let primary = lang
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(ENGLISH),
            "ar" => Some(ARABIC),
            "de" => Some(GERMAN),
            "es" => Some(SPANISH),
            "fr" => Some(FRENCH),
            "he" | "iw" => Some(HEBREW),
            _ => None,
        }
    }

    /// "3 min read", in the plural form the language asks for.
    pub fn reading_time(&self, minutes: usize) -> String {
        let [one, two, few, other] = self.reading_time;
        let form = match minutes {
            1 if !one.is_empty() => one,
            2 if !two.is_empty() => two,
            3..=10 if !few.is_empty() => few,
            _ => other,
        };
        form.replace("{n}", &minutes.to_string())
    }
}

const ENGLISH: Labels = Labels {
    by: "By",
    and: " and ",
    comma: ", ",
    about_author: "About the author",
    about_authors: "About the authors",
    related: "Related",
    promo: "Promotion",
    profile: "Profile",
    published: "Published",
    updated: "Updated",
    reading_time: ["", "", "", "{n} min read"],
    loading: "Loading article…",
    failed: "This article could not be shown.",
    date: "{d} {m} {y}",
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

const ARABIC: Labels = Labels {
    by: "بقلم",
    and: " و",
    comma: "، ",
    about_author: "عن الكاتب",
    about_authors: "عن الكتّاب",
    related: "مقالات ذات صلة",
    promo: "ترويج",
    profile: "الملف الشخصي",
    published: "نُشر",
    updated: "حُدّث",
    reading_time: [
        "دقيقة واحدة للقراءة",
        "دقيقتان للقراءة",
        "{n} دقائق للقراءة",
        "{n} دقيقة للقراءة",
    ],
    loading: "جارٍ تحميل المقال…",
    failed: "تعذّر عرض هذا المقال.",
    date: "{d} {m} {y}",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
};

const HEBREW: Labels = Labels {
    by: "מאת",
    and: " ו",
    comma: ", ",
    about_author: "על הכותב",
    about_authors: "על הכותבים",
    related: "כתבות קשורות",
    promo: "קידום",
    profile: "פרופיל",
    published: "פורסם",
    updated: "עודכן",
    reading_time: ["דקת קריאה אחת", "", "", "{n} דקות קריאה"],
    loading: "טוען את הכתבה…",
    failed: "לא ניתן להציג את הכתבה.",
    date: "{d} {m} {y}",
    months: [
        "בינואר",
        "בפברואר",
        "במרץ",
        "באפריל",
        "במאי",
        "ביוני",
        "ביולי",
        "באוגוסט",
        "בספטמבר",
        "באוקטובר",
        "בנובמבר",
        "בדצמבר",
    ],
};

const FRENCH: Labels = Labels {
    by: "Par",
    and: " et ",
    comma: ", ",
    about_author: "À propos de l’auteur",
    about_authors: "À propos des auteurs",
    related: "À lire aussi",
    promo: "Promotion",
    profile: "Profil",
    published: "Publié le",
    updated: "Mis à jour le",
    reading_time: ["", "", "", "{n} min de lecture"],
    loading: "Chargement de l’article…",
    failed: "Impossible d’afficher cet article.",
    date: "{d} {m} {y}",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
};

const GERMAN: Labels = Labels {
    by: "Von",
    and: " und ",
    comma: ", ",
    about_author: "Über den Autor",
    about_authors: "Über die Autoren",
    related: "Mehr zum Thema",
    promo: "Eigenwerbung",
    profile: "Profil",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    reading_time: ["", "", "", "{n} Min. Lesezeit"],
    loading: "Artikel wird geladen …",
    failed: "Dieser Artikel kann nicht angezeigt werden.",
    date: "{d}. {m} {y}",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
};

const SPANISH: Labels = Labels {
    by: "Por",
    and: " y ",
    comma: ", ",
    about_author: "Sobre el autor",
    about_authors: "Sobre los autores",
    related: "Relacionados",
    promo: "Promoción",
    profile: "Perfil",
    published: "Publicado",
    updated: "Actualizado",
    reading_time: ["", "", "", "{n} min de lectura"],
    loading: "Cargando el artículo…",
    failed: "No se puede mostrar este artículo.",
    date: "{d} de {m} de {y}",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
};
