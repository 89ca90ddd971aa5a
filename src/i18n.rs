//! The words the widget shows around an article's own text, in six languages, with the plural
//! rules and date formats of each. Adding a language is data: one more `Labels` and a line in
//! `Labels::written_in`.

use crate::model::{NoteKind, Timestamp};
use crate::text::replace;

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
    /// Names a table without a caption, for screen readers.
    pub table: &'static str,
    /// Names a code block's box, for screen readers.
    pub code: &'static str,
    /// Names the box of corrections and updates, for screen readers.
    pub notes: &'static str,
    pub correction: &'static str,
    pub update: &'static str,
    /// The link from a saved post to the original, on its platform.
    pub view_post: &'static str,
    /// Names a video's play control, before the video's title.
    pub play_video: &'static str,
    pub profile: &'static str,
    /// Before the publication date, for screen readers only: the first date is the
    /// publication's to a sighted reader.
    pub published: &'static str,
    /// The update when it fell on another day; `{}` stands for its date.
    pub updated_on: &'static str,
    /// The update when it fell on the day of the publication; `{}` stands for its time.
    pub updated_at: &'static str,
    /// The link from an article's card to the whole article.
    pub read_article: &'static str,
    /// What a link preview calls the reading time (`twitter:label1`).
    pub reading_time_label: &'static str,
    /// Reading time by plural form (`{n}` stands for the minutes): the first form whose
    /// counts match is used, and the last form is for `Counts::Other`.
    pub reading_time: &'static [(Counts, &'static str)],
    pub loading: &'static str,
    pub failed: &'static str,
    /// Why an article could not be shown, one sentence per `load::Failure`.
    pub failures: Failures,
    /// How a date is written: `{d}` day, `{m}` month name, `{y}` year.
    pub date: &'static str,
    pub months: [&'static str; 12],
    /// How a time of day is written: `{h}` the hour on a 12-hour clock, `{hh}` on a 24-hour
    /// clock in two digits, `{mm}` the minutes, `{p}` the period of the day.
    pub time: &'static str,
    /// Before and after noon, for `{p}`.
    pub day_periods: [&'static str; 2],
}

/// The sentences that say why an article could not be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub timed_out: &'static str,
    pub too_large: &'static str,
    pub not_found: &'static str,
    /// `{status}` stands for the HTTP status.
    pub server_error: &'static str,
    pub unreachable: &'static str,
    pub not_readable: &'static str,
    pub invalid: &'static str,
    pub no_article: &'static str,
    pub unreadable_file: &'static str,
}

/// Which counts take a plural form, as CLDR writes the rules for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// Exactly this number.
    Is(usize),
    /// `n % modulo` in `from..=to`, unless `n % 100` is in `except`.
    Mod {
        modulo: usize,
        from: usize,
        to: usize,
        except: Option<(usize, usize)>,
    },
    /// Any other number.
    Other,
}

impl Counts {
    fn take(self, n: usize) -> bool {
        match self {
            Counts::Is(m) => n == m,
            Counts::Mod {
                modulo,
                from,
                to,
                except,
            } => {
                (from..=to).contains(&(n % modulo))
                    && !except.is_some_and(|(lo, hi)| (lo..=hi).contains(&(n % 100)))
            }
            Counts::Other => true,
        }
    }
}

fn two_digits(n: u32) -> String {
    format!("{}{n}", if n < 10 { "0" } else { "" })
}

/// A running time as a clock shows it, the same in every language: `3:05`, `1:02:05`.
pub fn clock_duration(seconds: u32) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let minutes_seconds = format!("{}:{}", minutes, two_digits(seconds));
    match hours {
        0 => minutes_seconds,
        _ => format!(
            "{hours}:{}{minutes_seconds}",
            if minutes < 10 { "0" } else { "" }
        ),
    }
}

/// The primary languages the widget has labels in (`Labels::written_in`).
pub const LANGUAGES: [&str; 6] = ["en", "ar", "de", "es", "fr", "he"];

impl Labels {
    /// Labels for a BCP 47 language tag, by its primary language, falling back to English.
    pub fn for_lang(lang: &str) -> &'static Labels {
        Labels::written_in(lang).unwrap_or(&ENGLISH)
    }

    /// Labels in the tag's own primary language, if the widget has them.
    pub fn written_in(lang: &str) -> Option<&'static Labels> {
        let mut subtags = lang.split('-');
        let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
        if primary == "en" && subtags.any(|region| region.eq_ignore_ascii_case("us")) {
            return Some(&US_ENGLISH);
        }
        match primary.as_str() {
            "en" => Some(&ENGLISH),
            "ar" => Some(&ARABIC),
            "de" => Some(&GERMAN),
            "es" => Some(&SPANISH),
            "fr" => Some(&FRENCH),
            "he" | "iw" => Some(&HEBREW),
            _ => None,
        }
    }

    /// "3 min read", in the plural form the language asks for.
    pub fn reading_time(&self, minutes: usize) -> String {
        let form = self
            .reading_time
            .iter()
            .find(|(counts, _)| counts.take(minutes))
            .map_or("{n}", |(_, text)| text);
        replace(form, "{n}", &minutes.to_string())
    }

    /// A time of day with its zone, e.g. `9:41 AM UTC` or `09:41 UTC+5:30`.
    pub fn time(&self, hour: u32, minute: u32, offset_minutes: i32) -> String {
        let twelve = match hour % 12 {
            0 => 12,
            h => h,
        };
        let written = replace(self.time, "{hh}", &two_digits(hour));
        let written = replace(&written, "{h}", &twelve.to_string());
        let written = replace(&written, "{mm}", &two_digits(minute));
        let written = replace(&written, "{p}", self.day_periods[usize::from(hour >= 12)]);
        let zone = match offset_minutes {
            0 => String::new(),
            offset => {
                let sign = if offset < 0 { '-' } else { '+' };
                let (hours, minutes) = (offset.abs() / 60, offset.abs() % 60);
                match minutes {
                    0 => format!("{sign}{hours}"),
                    _ => format!("{sign}{hours}:{}", two_digits(minutes as u32)),
                }
            }
        };
        format!("{written} UTC{zone}")
    }

    pub fn note_kind(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Correction => self.correction,
            NoteKind::Update => self.update,
        }
    }

    /// The date as the reader sees it, e.g. `18 November 2020`: the calendar date as written
    /// (no time-zone conversion, so the server and the browser agree).
    pub fn date(&self, timestamp: &Timestamp) -> String {
        let date = replace(self.date, "{d}", &timestamp.day.to_string());
        let date = replace(&date, "{m}", self.months[timestamp.month as usize - 1]);
        replace(&date, "{y}", &timestamp.year.to_string())
    }
}

static US_ENGLISH: Labels = Labels {
    date: "{m} {d}, {y}",
    ..ENGLISH_LABELS
};

static ENGLISH: Labels = ENGLISH_LABELS;

const ENGLISH_LABELS: Labels = Labels {
    by: "By",
    and: " and ",
    comma: ", ",
    about_author: "About the author",
    about_authors: "About the authors",
    related: "Related",
    promo: "Promotion",
    table: "Table",
    code: "Code",
    notes: "Corrections and updates",
    correction: "Correction",
    update: "Update",
    view_post: "Original post",
    play_video: "Play video",
    profile: "Profile",
    published: "Published",
    updated_on: "Updated {}",
    updated_at: "Updated {}",
    read_article: "Read the full article",
    reading_time_label: "Reading time",
    reading_time: &[(Counts::Other, "{n} min read")],
    loading: "Loading article…",
    failed: "This article could not be shown.",
    failures: Failures {
        timed_out: "The article took too long to load.",
        too_large: "The article is too large to show.",
        not_found: "The article could not be found.",
        server_error: "The article could not be loaded (the server answered {status}).",
        unreachable: "The article could not be loaded. Check your connection and try again.",
        not_readable: "The article is not in a format the widget can read.",
        invalid: "The article has a mistake in it and cannot be shown.",
        no_article: "This widget has no article to show.",
        unreadable_file: "The article file could not be read.",
    },
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
    time: "{h}:{mm} {p}",
    day_periods: ["AM", "PM"],
};

static ARABIC: Labels = Labels {
    by: "بقلم",
    and: " و",
    comma: "، ",
    about_author: "عن الكاتب",
    about_authors: "عن الكتّاب",
    related: "مقالات ذات صلة",
    promo: "ترويج",
    table: "جدول",
    code: "شيفرة برمجية",
    notes: "تصحيحات وتحديثات",
    correction: "تصحيح",
    update: "تحديث",
    view_post: "المنشور الأصلي",
    play_video: "تشغيل الفيديو",
    profile: "الملف الشخصي",
    published: "نُشر",
    updated_on: "حُدّث في {}",
    updated_at: "حُدّث الساعة {}",
    read_article: "اقرأ المقال كاملًا",
    reading_time_label: "مدة القراءة",
    reading_time: &[
        (Counts::Is(1), "دقيقة واحدة للقراءة"),
        (Counts::Is(2), "دقيقتان للقراءة"),
        (
            Counts::Mod {
                modulo: 100,
                from: 3,
                to: 10,
                except: None,
            },
            "{n} دقائق للقراءة",
        ),
        (Counts::Other, "{n} دقيقة للقراءة"),
    ],
    loading: "جارٍ تحميل المقال…",
    failed: "تعذّر عرض هذا المقال.",
    failures: Failures {
        timed_out: "استغرق تحميل المقال وقتًا طويلًا.",
        too_large: "المقال أكبر من أن يُعرض.",
        not_found: "تعذّر العثور على المقال.",
        server_error: "تعذّر تحميل المقال (ردّ الخادم بالرمز {status}).",
        unreachable: "تعذّر تحميل المقال. تحقّق من اتصالك وحاول مرة أخرى.",
        not_readable: "المقال ليس بتنسيق تستطيع الأداة قراءته.",
        invalid: "في المقال خطأ ولا يمكن عرضه.",
        no_article: "لا يوجد مقال لتعرضه هذه الأداة.",
        unreadable_file: "تعذّرت قراءة ملف المقال.",
    },
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
    time: "{h}:{mm} {p}",
    day_periods: ["ص", "م"],
};

static HEBREW: Labels = Labels {
    by: "מאת",
    and: " ו",
    comma: ", ",
    about_author: "על הכותב",
    about_authors: "על הכותבים",
    related: "כתבות קשורות",
    promo: "קידום",
    table: "טבלה",
    code: "קוד",
    notes: "תיקונים ועדכונים",
    correction: "תיקון",
    update: "עדכון",
    view_post: "הפוסט המקורי",
    play_video: "הפעלת הסרטון",
    profile: "פרופיל",
    published: "פורסם",
    updated_on: "עודכן ב־{}",
    updated_at: "עודכן ב־{}",
    read_article: "לכתבה המלאה",
    reading_time_label: "זמן קריאה",
    reading_time: &[
        (Counts::Is(1), "דקת קריאה אחת"),
        (Counts::Other, "{n} דקות קריאה"),
    ],
    loading: "טוען את הכתבה…",
    failed: "לא ניתן להציג את הכתבה.",
    failures: Failures {
        timed_out: "טעינת הכתבה נמשכה זמן רב מדי.",
        too_large: "הכתבה גדולה מכדי להציג אותה.",
        not_found: "הכתבה לא נמצאה.",
        server_error: "לא ניתן לטעון את הכתבה (השרת השיב {status}).",
        unreachable: "לא ניתן לטעון את הכתבה. בדקו את החיבור ונסו שוב.",
        not_readable: "הכתבה אינה בפורמט שהווידג׳ט יכול לקרוא.",
        invalid: "יש בכתבה שגיאה ולא ניתן להציג אותה.",
        no_article: "אין לווידג׳ט הזה כתבה להצגה.",
        unreadable_file: "לא ניתן לקרוא את קובץ הכתבה.",
    },
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
    time: "{hh}:{mm}",
    day_periods: ["", ""],
};

static FRENCH: Labels = Labels {
    by: "Par",
    and: " et ",
    comma: ", ",
    about_author: "À propos de l’auteur",
    about_authors: "À propos des auteurs",
    related: "À lire aussi",
    promo: "Promotion",
    table: "Tableau",
    code: "Code",
    notes: "Corrections et mises à jour",
    correction: "Correction",
    update: "Mise à jour",
    view_post: "Publication originale",
    play_video: "Lire la vidéo",
    profile: "Profil",
    published: "Publié le",
    updated_on: "Mis à jour le {}",
    updated_at: "Mis à jour à {}",
    read_article: "Lire l’article en entier",
    reading_time_label: "Temps de lecture",
    reading_time: &[(Counts::Other, "{n} min de lecture")],
    loading: "Chargement de l’article…",
    failed: "Impossible d’afficher cet article.",
    failures: Failures {
        timed_out: "Le chargement de l’article a pris trop de temps.",
        too_large: "L’article est trop volumineux pour être affiché.",
        not_found: "L’article est introuvable.",
        server_error: "L’article n’a pas pu être chargé (le serveur a répondu {status}).",
        unreachable: "L’article n’a pas pu être chargé. Vérifiez votre connexion et réessayez.",
        not_readable: "L’article n’est pas dans un format que le widget sait lire.",
        invalid: "L’article contient une erreur et ne peut pas être affiché.",
        no_article: "Ce widget n’a aucun article à afficher.",
        unreadable_file: "Le fichier de l’article n’a pas pu être lu.",
    },
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
    time: "{hh}:{mm}",
    day_periods: ["", ""],
};

static GERMAN: Labels = Labels {
    by: "Von",
    and: " und ",
    comma: ", ",
    about_author: "Über den Autor",
    about_authors: "Über die Autoren",
    related: "Mehr zum Thema",
    promo: "Eigenwerbung",
    table: "Tabelle",
    code: "Code",
    notes: "Korrekturen und Aktualisierungen",
    correction: "Korrektur",
    update: "Aktualisierung",
    view_post: "Originalbeitrag",
    play_video: "Video abspielen",
    profile: "Profil",
    published: "Veröffentlicht",
    updated_on: "Aktualisiert am {}",
    updated_at: "Aktualisiert um {}",
    read_article: "Den ganzen Artikel lesen",
    reading_time_label: "Lesezeit",
    reading_time: &[(Counts::Other, "{n} Min. Lesezeit")],
    loading: "Artikel wird geladen …",
    failed: "Dieser Artikel kann nicht angezeigt werden.",
    failures: Failures {
        timed_out: "Das Laden des Artikels hat zu lange gedauert.",
        too_large: "Der Artikel ist zu groß, um angezeigt zu werden.",
        not_found: "Der Artikel wurde nicht gefunden.",
        server_error: "Der Artikel konnte nicht geladen werden (der Server antwortete mit {status}).",
        unreachable: "Der Artikel konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        not_readable: "Der Artikel liegt in einem Format vor, das das Widget nicht lesen kann.",
        invalid: "Der Artikel enthält einen Fehler und kann nicht angezeigt werden.",
        no_article: "Dieses Widget hat keinen Artikel zum Anzeigen.",
        unreadable_file: "Die Artikeldatei konnte nicht gelesen werden.",
    },
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
    time: "{hh}:{mm} Uhr",
    day_periods: ["", ""],
};

static SPANISH: Labels = Labels {
    by: "Por",
    and: " y ",
    comma: ", ",
    about_author: "Sobre el autor",
    about_authors: "Sobre los autores",
    related: "Relacionados",
    promo: "Promoción",
    table: "Tabla",
    code: "Código",
    notes: "Correcciones y actualizaciones",
    correction: "Corrección",
    update: "Actualización",
    view_post: "Publicación original",
    play_video: "Reproducir el vídeo",
    profile: "Perfil",
    published: "Publicado",
    updated_on: "Actualizado el {}",
    updated_at: "Actualizado a las {}",
    read_article: "Leer el artículo completo",
    reading_time_label: "Tiempo de lectura",
    reading_time: &[(Counts::Other, "{n} min de lectura")],
    loading: "Cargando el artículo…",
    failed: "No se puede mostrar este artículo.",
    failures: Failures {
        timed_out: "El artículo tardó demasiado en cargarse.",
        too_large: "El artículo es demasiado grande para mostrarlo.",
        not_found: "No se encontró el artículo.",
        server_error: "No se pudo cargar el artículo (el servidor respondió {status}).",
        unreachable: "No se pudo cargar el artículo. Comprueba tu conexión e inténtalo de nuevo.",
        not_readable: "El artículo no está en un formato que el widget pueda leer.",
        invalid: "El artículo contiene un error y no se puede mostrar.",
        no_article: "Este widget no tiene ningún artículo que mostrar.",
        unreadable_file: "No se pudo leer el archivo del artículo.",
    },
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
    time: "{h}:{mm}",
    day_periods: ["", ""],
};
